package dev.condis.model.bench;

import dev.condis.explorer.Explorer;
import dev.condis.model.engine.ShardShare;
import dev.condis.model.engine.StateClaims;
import dev.condis.model.engine.UnitSizes;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the shards of a whole run balance: a shard explores its share of every instance of the
 * default suite, so its work is the sum of those shares. Runs N shards of the suite one after
 * another (as separate machines would), round robin ("rr"); then by the unit sizes that run
 * measured, each instance's units placed largest first from empty loads as if it were alone
 * ("sized alone", which puts the largest unit of every instance on shard 1), and as {@code
 * verify --unit-sizes} places them, each instance starting from the loads the instances before
 * it in the sizes file left ("sized"); then nights 2 to 4 of a nightly job whose merge keeps
 * the sizes and the claims for the next night ({@code merge --unit-sizes --claims}, {@code
 * verify --unit-sizes --claims}), round robin being night 1: the third night is the first to
 * place the parts of units split again by their sizes. Prints per row the executions and the
 * search time summed over the shards against the unsharded suite's (each instance searched once,
 * one at a time), the largest shard's total over the mean, by time and by executions (exact,
 * whatever the machine's load), and the instance weighing most on the largest shard. A
 * benchmark, not a test.
 *
 * <pre>
 * java -cp dist/target/condis-verify.jar dev.condis.model.bench.SuiteShardBenchmark [SPLIT-DEPTH [SHARDS...]]
 * </pre>
 */
public final class SuiteShardBenchmark {
  private SuiteShardBenchmark() {}

  public static void main(String[] args) {
    int depth;
    int[] counts;
    try {
      depth = BenchArgs.positive(args, 0, "SPLIT-DEPTH", 24);
      counts = args.length <= 1 ? new int[] {4, 16} : new int[args.length - 1];
      for (int i = 1; i < args.length; i++) {
        counts[i - 1] = BenchArgs.positive(args, i, "SHARDS", 4);
      }
    } catch (IllegalArgumentException e) {
      BenchArgs.exit("suite sharding", "SuiteShardBenchmark [SPLIT-DEPTH [SHARDS...]]", e);
      return;
    }
    List<ScenarioConfig> suite = ScenarioCatalog.defaultSuite();
    Explorer.plan(1); // one search at a time
    ExplorerEngine engine = new ExplorerEngine();
    for (ScenarioConfig c : suite) {
      engine.verify(ShardBenchmark.request(c, Map.of())); // warm-up: the JIT compiles before anything is timed
    }
    long whole = 0;
    double wholeTime = 0;
    for (ScenarioConfig c : suite) {
      VerificationResult r = engine.verify(ShardBenchmark.request(c, Map.of()));
      whole += r.figures().executions();
      wholeTime += r.figures().wallTime().toNanos() / 1e9;
    }
    System.out.printf(Locale.ROOT, "condis-verify suite sharding: %d cores, Java %s (%s carriers, %s), %d instances,"
        + " split depth %d, unsharded %,d executions in %.1fs%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), Explorer.carriers(), Explorer.pinning(), suite.size(), depth, whole, wholeTime);
    System.out.printf(Locale.ROOT, "  %-12s %6s %11s %9s %9s %9s %10s %9s%n",
        "assignment", "shards", "executions", "work/1", "time", "time/1", "max/mean", "(exec.)");
    for (int n : counts) {
      Run roundRobin = run(engine, suite, depth, n, c -> Map.of());
      print("rr", n, roundRobin, whole, wholeTime);
      UnitSizes sizes = measured(suite, depth, n, roundRobin);
      print("sized alone", n, run(engine, suite, depth, n,
          c -> Map.of(ExplorerEngine.UNIT_SIZES, alone(sizes, c.label()))), whole, wholeTime);
      Map<String, String> sized = Map.of(ExplorerEngine.UNIT_SIZES, sizes.toJson());
      print("sized", n, run(engine, suite, depth, n, c -> sized), whole, wholeTime);
      // A nightly job's nights, each by the sizes and the claims the night before made (merge
      // --unit-sizes --claims): the second night places units, the third the parts of the units
      // the second split again, and so on.
      Run night = roundRobin;
      for (int k = 2; k <= 4; k++) {
        Map<String, String> files = Map.of(ExplorerEngine.UNIT_SIZES, measured(suite, depth, n, night).toJson(),
            ExplorerEngine.CLAIMS, claims(suite, depth, night).toJson());
        night = run(engine, suite, depth, n, c -> files);
        print("night " + k, n, night, whole, wholeTime);
      }
    }
  }

  /** What {@code merge --unit-sizes} writes of a run: every instance, in suite order. */
  private static UnitSizes measured(List<ScenarioConfig> suite, int depth, int n, Run run) {
    UnitSizes.Builder all = UnitSizes.builder(depth);
    for (ScenarioConfig c : suite) {
      all.addMeasured(c.label(), n, run.shares.get(c.label()));
    }
    return all.build();
  }

  /** What {@code merge --claims} writes of a run. */
  private static StateClaims claims(List<ScenarioConfig> suite, int depth, Run run) {
    StateClaims.Builder b = StateClaims.builder(depth, null);
    for (ScenarioConfig c : suite) {
      run.shares.get(c.label()).forEach(share -> b.add(c.label(), share.reached()));
    }
    return b.build();
  }

  /** What one instance's own sizes file holds: its units placed as if no instance came before it. */
  private static String alone(UnitSizes sizes, String label) {
    return UnitSizes.builder(sizes.splitDepth())
        .add(label, sizes.sizesOf(label).orElseThrow(), sizes.splitAgainOf(label), sizes.partSizesOf(label))
        .build().toJson();
  }

  /** Each shard's totals over the suite, and each instance's shares and executions by shard. */
  private record Run(long[] executions, double[] seconds, Map<String, List<ShardShare>> shares,
      Map<String, long[]> byInstance) {}

  private static Run run(ExplorerEngine engine, List<ScenarioConfig> suite, int depth, int n,
      java.util.function.Function<ScenarioConfig, Map<String, String>> files) {
    long[] executions = new long[n];
    double[] seconds = new double[n];
    Map<String, List<ShardShare>> shares = new HashMap<>();
    Map<String, long[]> byInstance = new HashMap<>();
    for (ScenarioConfig c : suite) {
      long[] each = new long[n];
      byInstance.put(c.label(), each);
      List<ShardShare> mine = new java.util.ArrayList<>();
      List<VerificationResult> parts = ShardBenchmark.shards(engine, c, depth, n, files.apply(c));
      for (int k = 1; k <= n; k++) {
        VerificationResult r = parts.get(k - 1);
        executions[k - 1] += r.figures().executions();
        each[k - 1] = r.figures().executions();
        seconds[k - 1] += r.figures().wallTime().toNanos() / 1e9;
        mine.add(r.shard().orElseThrow());
      }
      shares.put(c.label(), mine);
    }
    return new Run(executions, seconds, shares, byInstance);
  }

  /** One row, and what weighs most on the largest shard: the instance with the largest share there. */
  private static void print(String assignment, int n, Run run, long whole, double wholeTime) {
    long total = java.util.Arrays.stream(run.executions).sum();
    double time = java.util.Arrays.stream(run.seconds).sum();
    int largest = 0;
    for (int k = 1; k < n; k++) {
      largest = run.executions[k] > run.executions[largest] ? k : largest;
    }
    int shard = largest;
    Map.Entry<String, long[]> heaviest = run.byInstance.entrySet().stream()
        .max(java.util.Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[shard])
            .thenComparing(Map.Entry::getKey))
        .orElseThrow();
    System.out.printf(Locale.ROOT, "  %-12s %6d %,11d %9.2f %8.1fs %9.2f %10.2f %9.2f   shard %d: %,d, of which %s %,d%n",
        assignment, n, total, (double) total / whole, time, time / wholeTime,
        java.util.Arrays.stream(run.seconds).max().orElse(0) * n / time, (double) run.executions[largest] * n / total,
        largest + 1, run.executions[largest], heaviest.getKey(), heaviest.getValue()[largest]);
  }
}
