package dev.condis.model.cli;

import dev.condis.model.engine.Engine;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.report.Tables;
import dev.condis.model.scenario.DriverLoader;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.reference.fault.SeededFault;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
    description = "Lists scenarios (with parameters and defaults), properties, seeded faults and engines.")
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

  private void scenarios(PrintWriter out) {
    Tables table =
        Tables.withHeader(
            List.of("scenario", "--parties", "--cm", "--vc", "in the default suite", "what it checks"),
            40, 12, 22, 12, 22, 64);
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      String parties =
          d.minParties() == d.maxParties()
              ? Integer.toString(d.defaultParties())
              : d.defaultParties() + " (" + d.minParties() + ".." + d.maxParties() + ")";
      String vc =
          ScenarioDefinition.cliName(d.defaultVcOwner())
              + (d.vcOwners().size() > 1 ? " (" + d.vcOwnersText() + ")" : "");
      long inSuite =
          ScenarioCatalog.defaultSuite().stream().filter(c -> c.scenario().equals(d.name())).count();
      table.row(
          d.name(),
          parties,
          "both (standalone|mcm)",
          vc,
          inSuite + " instance" + (inSuite == 1 ? "" : "s"),
          d.description() + " Rules: " + d.rules() + ".");
    }
    out.println("Scenarios (verify --scenario NAME; default parameters, allowed values in brackets)");
    out.print(table.render(2));
  }

  private void properties(PrintWriter out) {
    Tables table = Tables.withHeader(List.of("property", "origin", "what it guarantees"), 60, 10, 80);
    ScenarioOptions cp = new ScenarioOptions();
    cp.classpath = classpath;
    List<PropertyCatalog.PropertyInfo> infos;
    try {
      infos = PropertyCatalog.available(cp.classpathEntries());
    } catch (DriverLoader.BadDriverException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    for (PropertyCatalog.PropertyInfo p : infos) {
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
    Map<String, String> env = this.env.environment();
    String jpfHome = System.getProperty("jpf.home", env.get("JPF_HOME"));
    for (String name : this.env.engines().names()) {
      Engine e = this.env.engines().find(name).orElseThrow();
      String status;
      if (name.equals(ServiceEngineDirectory.DEFAULT_ENGINE)) {
        status = "default; runs everywhere";
      } else if (name.equals("jpf")) {
        status =
            jpfHome == null || jpfHome.isBlank()
                ? "needs JPF: give --jpf-home DIR, -Djpf.home or $JPF_HOME"
                : "jpf.home = " + jpfHome;
      } else {
        status = "found on the class path";
      }
      table.row(name, e.getClass().getName(), status);
    }
    out.println("Engines (verify --engine NAME)");
    out.print(table.render(2));
    if (!this.env.engines().names().contains("jpf")) {
      out.println("  (no jpf engine on the class path: it comes with the jpf-config module, which ./condis-verify puts on it)");
    }
  }
}
