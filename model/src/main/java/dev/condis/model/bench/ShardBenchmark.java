package dev.condis.model.bench;

import dev.condis.explorer.Explorer;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.StateClaims;
import dev.condis.model.engine.UnitSizes;
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
 * (as separate machines would run them), first with the units assigned round robin ("rr"),
 * then by the unit sizes that run measured ("sized", as {@code merge --unit-sizes} and the
 * next run's {@code verify --unit-sizes} do), and where that run split units again, once more
 * with the parts' sizes it measured ("parts", a third night). A row "1" is the same split on
 * one shard, which owns every unit: its work over the unsharded search is what the top levels'
 * full expansion costs, the rest of an N-shard row's is what the shards' own state caches
 * cost (a state reached in several shards has its future explored in each). A row "N proc" is
 * the round-robin split on N threads of one process, whose workers share their caches' claims
 * (its figures vary from run to run; its time is wall time, the threads sharing the machine's
 * cores). A row "N claims" is the night after round robin's, relying on its claims ({@code merge
 * --claims}, {@code verify --claims}: a shard stops at a state a lower unit of any shard
 * reached), round robin again; "N cl+sized" the night after that, by the sizes and the claims
 * the claims night made, which is what a nightly run settles into. Prints the total work
 * (executions and time summed over the shards) against the unsharded search, and the largest
 * shard against the mean, by time and by executions (the latter exact, whatever the machine's
 * load). A benchmark, not a test.
 *
 * <pre>
 * java -cp dist/target/condis-verify.jar dev.condis.model.bench.ShardBenchmark [SPLIT-DEPTH]
 * </pre>
 */
public final class ShardBenchmark {
  private ShardBenchmark() {}

  public static void main(String[] args) {
    int depth;
    try {
      depth = BenchArgs.positive(args, 0, "SPLIT-DEPTH", ExplorerEngine.DEFAULT_SPLIT_DEPTH);
    } catch (IllegalArgumentException e) {
      BenchArgs.exit("sharding", "ShardBenchmark [SPLIT-DEPTH]", e);
      return;
    }
    List<ScenarioConfig> instances = List.of(
        config(ScenarioCatalog.MAKE_CLOSE, 0, CallManagerKind.STANDALONE, VcOwner.CLIENT),
        config(ScenarioCatalog.MULTIPOINT, 2, CallManagerKind.STANDALONE, VcOwner.CLIENT),
        config(ScenarioCatalog.EARLY_COMPLETION, 0, CallManagerKind.STANDALONE, VcOwner.CALL_MANAGER));
    Explorer.plan(1); // one search at a time
    ExplorerEngine engine = new ExplorerEngine();
    engine.verify(request(instances.get(0), Map.of())); // warm-up
    System.out.printf(Locale.ROOT, "condis-verify sharding: %d cores, Java %s (%s carriers, %s), split depth %d%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Explorer.carriers(), Explorer.pinning(), depth);
    System.out.printf(Locale.ROOT, "  %-58s %10s %11s %9s %10s %10s %9s %9s%n",
        "instance", "shards", "executions", "time", "work/1", "time/1", "max/mean", "(exec.)");
    for (ScenarioConfig c : instances) {
      VerificationResult whole = engine.verify(request(c, Map.of()));
      double wholeTime = seconds(whole.figures().wallTime());
      System.out.printf(Locale.ROOT, "  %-58s %10s %,11d %8.2fs %10s %10s %9s %9s%n",
          c.label(), "-", whole.figures().executions(), wholeTime, "1.00", "1.00", "-", "-");
      // One shard owning every unit: what expanding the top levels in full costs by itself,
      // apart from what the shards' separate state caches cost.
      print(c, "1", shards(engine, c, depth, 1, null, null), whole);
      for (int n : new int[] {4, 16}) {
        // Round robin, then by the sizes that run measured (as the next night's run would).
        List<VerificationResult> roundRobin = shards(engine, c, depth, n, null, null);
        print(c, n + " rr", roundRobin, whole);
        // The same units, round robin, on N threads of one process sharing their caches' claims.
        print(c, n + " proc", List.of(engine.verify(request(c, Map.of(ExplorerEngine.SPLIT, Integer.toString(n),
            ExplorerEngine.SPLIT_DEPTH, Integer.toString(depth))))), whole, n);
        UnitSizes night2 = measured(c, depth, n, roundRobin);
        List<VerificationResult> sized = shards(engine, c, depth, n, night2, null);
        print(c, n + " sized", sized, whole);
        if (night2.splitAgainOf(c.label()).length > 0) {
          // A third run, by what the second measured: its parts are placed like units.
          print(c, n + " parts", shards(engine, c, depth, n, measured(c, depth, n, sized), null), whole);
        }
        // The night after round robin's, relying on its claims; then the night after that, by
        // the sizes and the claims the claims night made.
        List<VerificationResult> claimed = shards(engine, c, depth, n, null, claims(c, depth, roundRobin));
        print(c, n + " claims", claimed, whole);
        List<VerificationResult> settled = shards(engine, c, depth, n, measured(c, depth, n, claimed), claims(c, depth, claimed));
        print(c, n + " cl+sized", settled, whole);
        for (List<VerificationResult> night : List.of(claimed, settled)) {
          StateClaims.Reliance r = StateClaims.Reliance.of(night.stream().map(v -> v.shard().orElseThrow().reached()).toList(),
              night.stream().map(v -> v.shard().orElseThrow().relied()).toList());
          if (r.unreached() > 0) {
            System.out.printf(Locale.ROOT, "  (%,d of the %,d states relied on were not reached by their unit: merge would claim nothing)%n",
                r.unreached(), r.relied());
          }
        }
      }
    }
  }

  private static List<VerificationResult> shards(ExplorerEngine engine, ScenarioConfig c, int depth, int n,
      UnitSizes sizes, StateClaims claims) {
    Map<String, String> files = new java.util.HashMap<>();
    if (sizes != null) {
      files.put(ExplorerEngine.UNIT_SIZES, sizes.toJson());
    }
    if (claims != null) {
      files.put(ExplorerEngine.CLAIMS, claims.toJson());
    }
    return shards(engine, c, depth, n, files);
  }

  /** Shards 1 to {@code n} of {@code c} at {@code depth}, one after another, given the engine options {@code files}. */
  static List<VerificationResult> shards(ExplorerEngine engine, ScenarioConfig c, int depth, int n,
      Map<String, String> files) {
    List<VerificationResult> parts = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      Map<String, String> options = new java.util.HashMap<>(Map.of(ExplorerEngine.SPLIT, Integer.toString(n),
          ExplorerEngine.SPLIT_DEPTH, Integer.toString(depth), ExplorerEngine.SHARD, Integer.toString(k)));
      options.putAll(files);
      parts.add(engine.verify(request(c, options)));
    }
    return parts;
  }

  /** What {@code merge --unit-sizes} writes of these shards' run. */
  private static UnitSizes measured(ScenarioConfig c, int depth, int n, List<VerificationResult> shards) {
    return UnitSizes.builder(depth).addMeasured(c.label(), n, shards.stream().map(r -> r.shard().orElseThrow()).toList())
        .build();
  }

  /** What {@code merge --claims} writes of these shards' run. */
  private static StateClaims claims(ScenarioConfig c, int depth, List<VerificationResult> shards) {
    StateClaims.Builder b = StateClaims.builder(depth, null);
    shards.forEach(r -> b.add(c.label(), r.shard().orElseThrow().reached()));
    return b.build();
  }

  private static void print(ScenarioConfig c, String shards, List<VerificationResult> parts, VerificationResult whole) {
    print(c, shards, parts, whole, parts.size());
  }

  /**
   * One row; {@code n} shards of which {@code parts} are the reports (one report for a split in
   * one process, whose per-worker balance it does not show: "-").
   */
  private static void print(ScenarioConfig c, String shards, List<VerificationResult> parts, VerificationResult whole,
      int n) {
    long executions = 0;
    double time = 0;
    double maxTime = 0;
    long maxExecutions = 0;
    for (VerificationResult part : parts) {
      executions += part.figures().executions();
      maxExecutions = Math.max(maxExecutions, part.figures().executions());
      double t = seconds(part.figures().wallTime());
      time += t;
      maxTime = Math.max(maxTime, t);
    }
    boolean perShard = parts.size() == n;
    System.out.printf(Locale.ROOT, "  %-58s %10s %,11d %8.2fs %10.2f %10.2f %9s %9s%n",
        c.label(), shards, executions, time, (double) executions / whole.figures().executions(),
        time / seconds(whole.figures().wallTime()),
        perShard ? String.format(Locale.ROOT, "%.2f", maxTime / (time / n)) : "-",
        perShard ? String.format(Locale.ROOT, "%.2f", (double) maxExecutions * n / executions) : "-");
  }

  private static ScenarioConfig config(String scenario, int parties, CallManagerKind kind, VcOwner owner) {
    return ScenarioCatalog.get(scenario).config(parties, kind, owner, FaultSet.none(), DriverSelection.REFERENCE);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  static VerificationRequest request(ScenarioConfig config, Map<String, String> options) {
    return VerificationRequest.of(config, new Bounds(Long.MAX_VALUE, Bounds.DEFAULT.maxDepth(), Duration.ofMinutes(10)),
        options);
  }
}
