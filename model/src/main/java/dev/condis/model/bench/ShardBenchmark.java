package dev.condis.model.bench;

import dev.condis.explorer.Explorer;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What sharding costs and how well it balances: for the default suite's largest instances,
 * the unsharded search against N = 4 and N = 16 shards run one after another on one thread
 * (as separate machines would run them). Prints the total work (executions and time summed
 * over the shards) against the unsharded search, and the largest shard against the mean, by
 * time and by executions (the latter exact, whatever the machine's load). A benchmark, not a
 * test.
 *
 * <pre>
 * java -cp dist/target/condis-verify.jar dev.condis.model.bench.ShardBenchmark [SPLIT-DEPTH]
 * </pre>
 */
public final class ShardBenchmark {
  private ShardBenchmark() {}

  public static void main(String[] args) {
    int depth = args.length > 0 ? Integer.parseInt(args[0]) : ExplorerEngine.DEFAULT_SPLIT_DEPTH;
    List<ScenarioConfig> instances = List.of(
        config(ScenarioCatalog.MAKE_CLOSE, 0, CallManagerKind.STANDALONE, VcOwner.CLIENT),
        config(ScenarioCatalog.MULTIPOINT, 2, CallManagerKind.STANDALONE, VcOwner.CLIENT),
        config(ScenarioCatalog.EARLY_COMPLETION, 0, CallManagerKind.STANDALONE, VcOwner.CALL_MANAGER));
    Explorer.plan(1); // one search at a time
    ExplorerEngine engine = new ExplorerEngine();
    engine.verify(request(instances.get(0), Map.of())); // warm-up
    System.out.printf(Locale.ROOT, "condis-verify sharding: %d cores, Java %s (%s carriers, %s), split depth %d%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Explorer.carriers(), Explorer.pinning(), depth);
    System.out.printf(Locale.ROOT, "  %-58s %6s %11s %9s %10s %10s %9s %9s%n",
        "instance", "shards", "executions", "time", "work/1", "time/1", "max/mean", "(exec.)");
    for (ScenarioConfig c : instances) {
      VerificationResult whole = engine.verify(request(c, Map.of()));
      double wholeTime = seconds(whole.figures().wallTime());
      System.out.printf(Locale.ROOT, "  %-58s %6s %,11d %8.2fs %10s %10s %9s %9s%n",
          c.label(), "-", whole.figures().executions(), wholeTime, "1.00", "1.00", "-", "-");
      for (int n : new int[] {4, 16}) {
        long executions = 0;
        double time = 0;
        List<Double> shardTimes = new ArrayList<>();
        long maxExecutions = 0;
        for (int k = 1; k <= n; k++) {
          VerificationResult part = engine.verify(request(c, Map.of(ExplorerEngine.SPLIT, Integer.toString(n),
              ExplorerEngine.SPLIT_DEPTH, Integer.toString(depth), ExplorerEngine.SHARD, Integer.toString(k))));
          executions += part.figures().executions();
          maxExecutions = Math.max(maxExecutions, part.figures().executions());
          double t = seconds(part.figures().wallTime());
          time += t;
          shardTimes.add(t);
        }
        double mean = time / n;
        double max = shardTimes.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "  %-58s %6d %,11d %8.2fs %10.2f %10.2f %9.2f %9.2f%n",
            c.label(), n, executions, time, (double) executions / whole.figures().executions(), time / wholeTime,
            max / mean, (double) maxExecutions * n / executions);
      }
    }
  }

  private static ScenarioConfig config(String scenario, int parties, CallManagerKind kind, VcOwner owner) {
    return ScenarioCatalog.get(scenario).config(parties, kind, owner, FaultSet.none(), DriverSelection.REFERENCE);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static VerificationRequest request(ScenarioConfig config, Map<String, String> options) {
    return VerificationRequest.of(config, new Bounds(Long.MAX_VALUE, Bounds.DEFAULT.maxDepth(), Duration.ofMinutes(10)),
        options);
  }
}
