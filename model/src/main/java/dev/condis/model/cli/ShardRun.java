package dev.condis.model.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.CheckOptions;
import dev.condis.model.engine.StateClaims;
import dev.condis.model.engine.UnitSizes;
import dev.condis.model.engine.Verdict;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.plugin.PluginCode;
import dev.condis.model.report.Json;
import dev.condis.model.report.ScenarioReport;
import dev.condis.model.report.ShardReport;
import dev.condis.model.report.SuiteReport;
import dev.condis.model.scenario.ScenarioConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * The end of a {@code verify} run as one shard: its report for {@code merge}, and its exit
 * code. A shard claims nothing alone: 0 when it explored all of its share of every instance
 * without a violation, 1 when it found one (a real violation, replayable as usual), 3 when a
 * bound cut its share, 4 when an instance ended in an error.
 */
final class ShardRun {
  private ShardRun() {}

  static int finish(ShardSpec shard, SuiteReport suite, Path file, String engine, Bounds bounds,
      ImmutableMap<String, String> engineOptions, List<String> propertyClasses, List<ScenarioConfig> configs,
      String userCode, List<String> lateWriteFailures, PrintWriter out) {
    String rendered = ShardReport.render(suite, shard.index(), shard.count(),
        options(engine, bounds, engineOptions, propertyClasses, configs, userCode),
        configs.stream().map(c -> CheckOptions.of(c, propertyClasses)).toList());
    int exit = exitCode(suite);
    try {
      OutputFiles.write(file, rendered, "--shard-report");
      if (out != null) {
        out.println("SHARD " + shard + " (" + shard.source() + ", exit " + exit + "): "
            + (exit == ExitCodes.VERIFIED ? "its share of every instance explored, no violation"
                : exit == ExitCodes.VIOLATION ? "a violation found" : exit == ExitCodes.INCONCLUSIVE
                    ? "a bound cut its share" : "an instance ended in an error")
            + "; report for 'condis-verify merge' in " + file + "; nothing is claimed until every shard is merged");
        out.flush();
      }
    } catch (BadInputException e) {
      lateWriteFailures.add(e.getMessage());
    }
    return exit;
  }

  private static int exitCode(SuiteReport suite) {
    boolean bound = false;
    boolean error = false;
    for (ScenarioReport s : suite.scenarios()) {
      Verdict v = s.result().verdict();
      if (v == Verdict.VIOLATION) {
        return ExitCodes.VIOLATION;
      }
      error |= v == Verdict.ERROR;
      bound |= s.result().shard().map(sh -> !sh.complete()).orElse(true);
    }
    return error ? ExitCodes.INTERNAL_ERROR : bound ? ExitCodes.INCONCLUSIVE : ExitCodes.VERIFIED;
  }

  /**
   * What every shard of one run must share, as merge compares it: with the user code checked
   * ({@link PluginCode}), so that shards of two versions of the user's drivers are not one run.
   */
  static ObjectNode options(String engine, Bounds bounds, ImmutableMap<String, String> engineOptions,
      List<String> propertyClasses, List<ScenarioConfig> configs, String userCode) {
    ObjectNode n = Json.object();
    n.put("engine", engine);
    n.put("userCode", userCode);
    n.set("bounds", Json.bounds(bounds));
    ArrayNode properties = n.putArray("properties");
    propertyClasses.forEach(properties::add);
    ObjectNode options = n.putObject("engineOptions");
    new TreeMap<>(engineOptions).forEach((k, v) -> {
      if (k.equals(ExplorerEngine.UNIT_SIZES)) {
        options.put(k, UnitSizes.parse(v).digest()); // the shards must share the sizes, not a copy each
      } else if (k.equals(ExplorerEngine.CLAIMS)) {
        options.put(k, StateClaims.parse(v).digest());
      } else if (k.startsWith("explorer.") && !k.equals(ExplorerEngine.SHARD)) {
        options.put(k, v);
      }
    });
    ArrayNode instances = n.putArray("instances");
    configs.forEach(c -> instances.add(c.label()));
    return n;
  }
}
