package dev.condis.model.cli;

import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.StateClaims;
import dev.condis.model.engine.UnitSizes;
import dev.condis.model.report.ScenarioReport;
import dev.condis.model.report.SuiteReport;
import dev.condis.model.report.TextReport;
import dev.condis.model.report.ToolInfo;
import dev.condis.model.proof.CertificateWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code condis-verify merge SHARD.json...}: the shard reports of one sharded run ({@code
 * verify --shard K/N}) become one report, in any format, and one certificate per instance. An
 * instance is VERIFIED only when every shard explored all of its units; a violation from any
 * shard is the verdict, the lowest failing unit's, replayed here for its trace. Shards missing,
 * given twice, from another commit, of other user code or run with other options are bad input:
 * nothing is claimed.
 */
@Command(
    name = "merge",
    description = "Combines the shard reports of one sharded run (verify --shard K/N) into one report and one verdict per scenario instance.",
    mixinStandardHelpOptions = true)
final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SHARD.json", description = "Every shard report of the run (condis-shard-K-of-N.json).")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, junit, sarif or markdown.")
  ReportFormat format = ReportFormat.text;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (the text summary still goes to the console).")
  Path output;

  @Option(names = "--certificates", paramLabel = "DIR", description = "Write one proof certificate per scenario instance into DIR.")
  Path certificates;

  @Option(names = "--unit-sizes", paramLabel = "FILE", description = "Write the work units' sizes the shards measured into FILE, for the next run's 'verify --unit-sizes FILE' to balance its shards by (units larger than 1.5 times a shard's share are marked to be split again).")
  Path unitSizes;

  @Option(names = "--claims", paramLabel = "FILE", description = "Write the states each work unit reached into FILE, each with the lowest unit that reached it, for the next run's shards ('verify --shard K/N --claims FILE') to stop at a state a lower unit owns instead of exploring it again.")
  Path claims;

  private final CliEnvironment env;

  MergeCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path outputFile = output == null ? null : OutputFiles.checkWritableFile(output, "--output");
    Path certificateDir =
        certificates == null ? null : OutputFiles.checkWritableDirectory(certificates, "--certificates");
    Path sizesFile = unitSizes == null ? null : OutputFiles.checkWritableFile(unitSizes, "--unit-sizes");
    Path claimsFile = claims == null ? null : OutputFiles.checkWritableFile(claims, "--claims");
    List<ShardFile> shards = new ArrayList<>();
    for (Path f : files) {
      shards.add(ShardFile.read(f));
    }
    ToolInfo tool = env.tool().get();
    validate(shards, tool);
    ShardFile first = shards.get(0);
    if (first.randomWalkSeed() != null && (sizesFile != null || claimsFile != null)) {
      throw new BadInputException("the shards walked at random (--random-walk): they have no work units to size"
          + " (--unit-sizes) nor states to claim (--claims)");
    }
    JsonNode b = first.options().path("bounds");
    Bounds bounds = new Bounds(b.path("maxExecutions").asLong(), b.path("maxDepth").asInt(),
        Duration.ofMillis(b.path("timeBudgetMillis").asLong()));
    List<ScenarioReport> reports = new ArrayList<>();
    int splitDepth = first.instances().isEmpty() ? 1 : first.instances().get(0).path("share").path("splitDepth").asInt(1);
    UnitSizes.Builder sizes = UnitSizes.builder(splitDepth);
    StateClaims.Builder reached = StateClaims.builder(splitDepth, first.commit()).userCode(first.userCode());
    Map<String, String> descriptions = new LinkedHashMap<>(EngineChecks.descriptions());
    java.util.Set<String> listeners = new java.util.LinkedHashSet<>();
    for (int i = 0; i < first.instances().size(); i++) {
      List<JsonNode> parts = new ArrayList<>();
      for (ShardFile s : shards) {
        parts.add(s.instances().get(i));
      }
      MergedInstance merged = MergedInstance.of(parts, env, first.userCode(), first.randomWalkSeed());
      measured(sizes, first.count(), parts);
      reached(reached, parts);
      reports.add(new ScenarioReport(merged.result(), bounds));
      descriptions.putAll(merged.descriptions());
      listeners.addAll(merged.descriptions().keySet());
    }
    SuiteReport suite = new SuiteReport(tool, earliest(shards),
        reports.stream().map(r -> r.result().figures().wallTime()).max(Duration::compareTo).orElse(Duration.ZERO), reports);
    List<String> lateWriteFailures = new ArrayList<>();
    if (certificateDir != null) {
      CertificateWriter writer = new CertificateWriter(certificateDir, tool, descriptions, listeners);
      for (ScenarioReport r : reports) {
        try {
          writer.write(r);
        } catch (IOException | RuntimeException e) {
          lateWriteFailures.add("cannot write the certificate of " + r.label() + " into --certificates "
              + certificates + ": " + OutputFiles.describe(e));
        }
      }
    }
    if (sizesFile != null) {
      try {
        OutputFiles.write(sizesFile, sizes.build().toJson() + "\n", "--unit-sizes");
      } catch (BadInputException e) {
        lateWriteFailures.add(e.getMessage());
      }
    }
    if (claimsFile != null) {
      try {
        OutputFiles.write(claimsFile, reached.build().toJson() + "\n", "--claims");
      } catch (BadInputException e) {
        lateWriteFailures.add(e.getMessage());
      }
    }
    String rendered = format.render(suite);
    if (outputFile != null) {
      try {
        OutputFiles.write(outputFile, rendered, "--output");
      } catch (BadInputException e) {
        lateWriteFailures.add(e.getMessage());
      }
      out.print("merged " + shards.size() + " shards of " + first.count() + "\n" + TextReport.summary(suite));
    } else {
      out.print(format == ReportFormat.text ? "merged " + shards.size() + " shards of " + first.count() + "\n" + rendered
          : rendered);
    }
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (String failure : lateWriteFailures) {
      err.println(ErrorHandling.PREFIX + ErrorHandling.oneLine(failure) + " (the verdict's exit code stands)");
    }
    err.flush();
    return suite.exitCode();
  }

  /** Adds an instance's unit and part sizes as its shards measured them (what the next run balances by). */
  static void measured(UnitSizes.Builder sizes, int count, List<JsonNode> parts) {
    String label = parts.get(0).path("label").asText();
    long units = 0;
    List<Map<Long, Long>> unitExecutions = new ArrayList<>();
    Map<String, Long> partExecutions = new LinkedHashMap<>();
    for (JsonNode p : parts) {
      JsonNode share = p.path("share");
      units = Math.max(units, share.path("units").asLong());
      Map<Long, Long> mine = new LinkedHashMap<>();
      share.path("unitExecutions").fields().forEachRemaining(e -> mine.put(unitNumber(label, e.getKey()), count(label, e)));
      unitExecutions.add(mine);
      share.path("partExecutions").fields().forEachRemaining(e -> partExecutions.put(e.getKey(), count(label, e)));
    }
    try {
      sizes.addMeasured(label, count, units, unitExecutions, partExecutions);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("a damaged shard report: " + e.getMessage());
    }
  }

  /** Adds the states an instance's shards reached, each with the lowest unit that reached it. */
  static void reached(StateClaims.Builder claims, List<JsonNode> parts) {
    String label = parts.get(0).path("label").asText();
    for (JsonNode p : parts) {
      claims.add(label, states(label, p.path("share").path("reached")));
    }
  }

  /** A shard report's states (fingerprint to unit) of {@code label}; bad input if one is not. */
  static Map<String, Long> states(String label, JsonNode object) {
    Map<String, Long> out = new LinkedHashMap<>();
    try {
      object.fields().forEachRemaining(e -> out.put(e.getKey(), StateClaims.unit(label, e)));
    } catch (IllegalArgumentException x) {
      throw new BadInputException("a damaged shard report: " + x.getMessage());
    }
    return out;
  }

  private static long unitNumber(String label, String key) {
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException x) {
      throw new BadInputException("a damaged shard report: " + label + " lists unit '" + key + "'");
    }
  }

  private static long count(String label, Map.Entry<String, JsonNode> e) {
    if (!e.getValue().canConvertToLong()) {
      throw new BadInputException("a damaged shard report: " + label + " lists '" + e.getKey() + "': " + e.getValue()
          + ", not a count");
    }
    return e.getValue().asLong();
  }

  /** One run's shards, each once, all of them, from this tool's commit, with the same options. */
  static void validate(List<ShardFile> shards, ToolInfo tool) {
    ShardFile first = shards.get(0);
    Map<Integer, ShardFile> byIndex = new TreeMap<>();
    for (ShardFile s : shards) {
      if (s.count() != first.count()) {
        throw new BadInputException(first.name() + " and " + s.name() + " are not shards of one run (N differs)");
      }
      if (!java.util.Objects.equals(s.commit(), first.commit())) {
        throw new BadInputException("shard reports from different commits: " + first.name() + " has " + first.commit()
            + ", " + s.name() + " has " + s.commit());
      }
      if (!java.util.Objects.equals(first.userCode(), s.userCode())) {
        throw new BadInputException(s.name() + " checked other user code than " + first.name()
            + ": the contents of --classpath differ, and shards of two versions of the drivers are not one run");
      }
      String differs = firstDifference(first.options(), s.options());
      if (differs != null) {
        throw new BadInputException(s.name() + " was run with other options than " + first.name() + " (" + differs + ")");
      }
      ShardFile twice = byIndex.put(s.index(), s);
      if (twice != null) {
        throw new BadInputException("shard " + s.index() + "/" + s.count() + " given twice: " + twice.path() + " and " + s.path());
      }
    }
    List<Integer> missing = new ArrayList<>();
    for (int k = 1; k <= first.count(); k++) {
      if (!byIndex.containsKey(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw new BadInputException("shard" + (missing.size() == 1 ? " " : "s ") + missing.toString().replaceAll("[\\[\\]]", "")
          + " of " + first.count() + " missing: nothing is claimed without every shard");
    }
    String mine = tool.gitCommit().orElse(null);
    if (mine != null && first.commit() != null && !mine.equals(first.commit())) {
      throw new BadInputException("the shards are from commit " + first.commit() + ", this condis-verify is " + mine
          + ": merge with the commit that ran them (it replays their counterexamples)");
    }
  }

  /** The first field of the options that differs, or null. */
  private static String firstDifference(JsonNode a, JsonNode b) {
    Iterator<String> names = a.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!a.path(name).equals(b.path(name))) {
        return name + " differ";
      }
    }
    return a.size() == b.size() ? null : "options differ";
  }

  private static Instant earliest(List<ShardFile> shards) {
    Instant min = null;
    for (ShardFile s : shards) {
      try {
        Instant t = Instant.parse(s.startedAt());
        min = min == null || t.isBefore(min) ? t : min;
      } catch (RuntimeException e) {
        // an unparsable time is only a report detail
      }
    }
    return min == null ? Instant.now() : min;
  }
}
