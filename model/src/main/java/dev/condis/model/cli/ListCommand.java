package dev.condis.model.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.condis.model.engine.Engine;
import dev.condis.model.plugin.DriverLoader;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.report.Json;
import dev.condis.model.report.Tables;
import dev.condis.model.scenario.FaultScenarios;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code condis-verify list}: scenarios, properties, seeded faults and engines, as tables. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = CondisVerify.Version.class,
    description = "Lists scenarios (with parameters and defaults), properties, seeded faults and engines, as tables or JSON.")
final class ListCommand implements Callable<Integer> {

  /** What {@code list} can show. */
  enum Topic {
    scenarios,
    properties,
    faults,
    engines
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "WHAT",
      description = "Any of: scenarios, properties, faults, engines. Default: all.")
  List<String> topics = new ArrayList<>();

  /** {@code list --format}: tables, or one JSON document (e.g. to generate a CI matrix). */
  enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "text: tables; json: one document with the topics asked for, and each default-suite instance with its verify arguments (a CI matrix).")
  Format format;

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description = "Also list the ServiceLoader-registered properties found on PATH.")
  String classpath;

  private final CliEnvironment env;

  ListCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Set<Topic> show = EnumSet.noneOf(Topic.class);
    for (String t : topics) {
      try {
        show.add(Topic.valueOf(t.strip().toLowerCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("cannot list '" + t + "'; choose from scenarios, properties, faults, engines");
      }
    }
    if (show.isEmpty()) {
      show = EnumSet.allOf(Topic.class);
    }
    if (format == Format.json) {
      out.print(json(show));
      out.flush();
      return ExitCodes.VERIFIED;
    }
    boolean first = true;
    for (Topic t : Topic.values()) {
      if (!show.contains(t)) {
        continue;
      }
      if (!first) {
        out.println();
      }
      first = false;
      switch (t) {
        case scenarios -> scenarios(out);
        case properties -> properties(out);
        case faults -> faults(out);
        case engines -> engines(out);
      }
    }
    out.flush();
    return ExitCodes.VERIFIED;
  }

  private String json(Set<Topic> show) {
    ObjectNode root = Json.object();
    root.put("schema", "condis-verify-list/1");
    if (show.contains(Topic.scenarios)) {
      ArrayNode scenarios = root.putArray("scenarios");
      for (ScenarioDefinition d : ScenarioCatalog.all()) {
        ObjectNode n = scenarios.addObject();
        n.put("name", d.name());
        n.put("description", d.description());
        n.put("rules", d.rules());
        ObjectNode parties = n.putObject("parties");
        parties.put("default", d.defaultParties());
        parties.put("min", d.minParties());
        parties.put("max", d.maxParties());
        ObjectNode vc = n.putObject("vc");
        vc.put("default", ScenarioDefinition.cliName(d.defaultVcOwner()));
        ArrayNode allowed = vc.putArray("allowed");
        d.vcOwners().forEach(o -> allowed.add(ScenarioDefinition.cliName(o)));
        ArrayNode cms = n.putArray("cm");
        for (CallManagerKind k : CallManagerKind.values()) {
          cms.add(ScenarioDefinition.cliName(k));
        }
      }
      // Each suite, one entry per instance: a CI matrix runs "verify" + args on each.
      suiteJson(root.putArray("defaultSuite"), ScenarioCatalog.defaultSuite());
      suiteJson(root.putArray("nightlySuite"), ScenarioCatalog.nightlySuite());
    }
    if (show.contains(Topic.properties)) {
      ArrayNode properties = root.putArray("properties");
      for (PropertyCatalog.PropertyInfo p : propertyInfos()) {
        properties.addObject().put("id", p.id()).put("origin", p.origin()).put("description", p.description());
      }
      for (String id : PropertyCatalog.engineProperties()) {
        properties.addObject().put("id", id).put("origin", "engine").put("description", EngineChecks.description(id));
      }
    }
    if (show.contains(Topic.faults)) {
      ArrayNode faults = root.putArray("faults");
      for (SeededFault f : SeededFault.values()) {
        faults.addObject().put("name", f.cliName()).put("rule", f.ruleId()).put("category", f.category().name())
            .put("property", f.property()).put("description", f.description())
            .put("scenario", FaultScenarios.forFault(f).label());
      }
    }
    if (show.contains(Topic.engines)) {
      ArrayNode engines = root.putArray("engines");
      for (String name : env.engines().names()) {
        engines.addObject().put("name", name)
            .put("implementation", env.engines().find(name).orElseThrow().getClass().getName())
            .put("status", engineStatus(name));
      }
    }
    return Json.write(root);
  }

  private List<PropertyCatalog.PropertyInfo> propertyInfos() {
    ScenarioOptions cp = new ScenarioOptions();
    cp.classpath = classpath;
    try {
      return PropertyCatalog.available(cp.classpathEntries());
    } catch (DriverLoader.BadDriverException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  private String engineStatus(String name) {
    String jpfHome = System.getProperty("jpf.home", env.environment().get("JPF_HOME"));
    if (name.equals(ServiceEngineDirectory.DEFAULT_ENGINE)) {
      return "default; runs everywhere";
    } else if (name.equals("jpf")) {
      return jpfHome == null || jpfHome.isBlank()
          ? "needs JPF: give --jpf-home DIR, -Djpf.home or $JPF_HOME"
          : "jpf.home = " + jpfHome;
    }
    return "found on the class path";
  }

  private static void suiteJson(ArrayNode suite, List<ScenarioConfig> configs) {
    for (ScenarioConfig c : configs) {
      ObjectNode n = suite.addObject();
      n.put("label", c.label());
      n.set("parameters", Json.parameters(c));
      n.put("args", "--scenario " + c.scenario() + " --parties " + c.parties() + " --cm " + Json.cmName(c)
          + " --vc " + Json.vcName(c));
    }
  }

  private void scenarios(PrintWriter out) {
    Tables table =
        Tables.withHeader(
            List.of("scenario", "--parties", "--cm", "--vc", "instances default/nightly", "what it checks"),
            40, 12, 22, 12, 22, 64);
    List<ScenarioConfig> defaultSuite = ScenarioCatalog.defaultSuite();
    List<ScenarioConfig> nightlySuite = ScenarioCatalog.nightlySuite();
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      String parties =
          d.minParties() == d.maxParties()
              ? Integer.toString(d.defaultParties())
              : d.defaultParties() + " (" + d.minParties() + ".." + d.maxParties() + ")";
      String vc =
          ScenarioDefinition.cliName(d.defaultVcOwner())
              + (d.vcOwners().size() > 1 ? " (" + d.vcOwnersText() + ")" : "");
      long inSuite = defaultSuite.stream().filter(c -> c.scenario().equals(d.name())).count();
      long inNightly = nightlySuite.stream().filter(c -> c.scenario().equals(d.name())).count();
      table.row(
          d.name(),
          parties,
          "both (standalone|mcm)",
          vc,
          inSuite + " / " + inNightly,
          d.description() + " Rules: " + d.rules() + ".");
    }
    out.println("Scenarios (verify --scenario NAME; default parameters, allowed values in brackets;"
        + " verify --suite default|nightly runs the instances counted)");
    out.print(table.render(2));
  }

  private void properties(PrintWriter out) {
    Tables table = Tables.withHeader(List.of("property", "origin", "what it guarantees"), 60, 10, 80);
    for (PropertyCatalog.PropertyInfo p : propertyInfos()) {
      table.row(p.id(), p.origin(), p.description());
    }
    for (String id : PropertyCatalog.engineProperties()) {
      table.row(id, "engine", EngineChecks.description(id));
    }
    out.println("Properties (verify --property ID|CLASS; default: every built-in and service one)");
    out.print(table.render(2));
  }

  private void faults(PrintWriter out) {
    Tables table =
        Tables.withHeader(List.of("fault", "rule", "category", "caught by", "what goes wrong"), 60, 12, 20, 40, 64);
    for (SeededFault f : SeededFault.values()) {
      table.row(f.cliName(), f.ruleId(), f.category().name(), f.property(), f.description());
    }
    out.println("Seeded faults in the reference drivers (verify --inject FAULT)");
    out.print(table.render(2));
  }

  private void engines(PrintWriter out) {
    Tables table = Tables.withHeader(List.of("engine", "implementation", "status"), 30, 80, 70);
    for (String name : this.env.engines().names()) {
      Engine e = this.env.engines().find(name).orElseThrow();
      table.row(name, e.getClass().getName(), engineStatus(name));
    }
    out.println("Engines (verify --engine NAME)");
    out.print(table.render(2));
    if (!this.env.engines().names().contains("jpf")) {
      out.println("  (no jpf engine on the class path: it comes with the jpf-config module, which ./condis-verify puts on it)");
    }
  }
}
