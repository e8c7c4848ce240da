package dev.condis.model.bench;

import dev.condis.explorer.Explorer;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The default suite, one search at a time, with the explorer's platform carriers pinned to one
 * CPU per search and not, alternated in one JVM (explorer/README.md, "How it runs"). Prints
 * each round, the medians and their ratio; exits 1 if a verdict is not VERIFIED or the two
 * ways' executions differ (pinning moves threads, never the search).
 *
 * <pre>
 * java -cp dist/target/condis-verify.jar dev.condis.model.bench.PinningBenchmark [ROUNDS]
 * </pre>
 */
public final class PinningBenchmark {
  private PinningBenchmark() {}

  public static void main(String[] args) {
    int rounds;
    try {
      rounds = BenchArgs.positive(args, 0, "ROUNDS", 3);
    } catch (IllegalArgumentException e) {
      BenchArgs.exit("pinning", "PinningBenchmark [ROUNDS]", e);
      return;
    }
    Explorer.plan(1);
    ExplorerEngine engine = new ExplorerEngine();
    engine.verify(SuiteBenchmark.request(ScenarioCatalog.defaultSuite().get(0))); // class loading, not charged
    System.out.printf(Locale.ROOT, "condis-verify pinning: %d cores, Java %s (%s carriers, %s)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Explorer.carriers(), Explorer.pinning());
    if (!Explorer.pinning().startsWith("pinned")) {
      System.out.println("nothing to compare: carriers are " + Explorer.pinning());
      System.exit(0);
    }
    List<Double> pinned = new ArrayList<>();
    List<Double> unpinned = new ArrayList<>();
    long expected = -1;
    boolean ok = true;
    for (int round = 1; round <= rounds; round++) {
      for (boolean pin : new boolean[] {false, true}) {
        Explorer.pinCarriers(pin);
        long start = System.nanoTime();
        long executions = 0;
        for (ScenarioConfig config : ScenarioCatalog.defaultSuite()) {
          VerificationResult r = engine.verify(SuiteBenchmark.request(config));
          executions += r.figures().executions();
          ok &= r.verdict() == Verdict.VERIFIED;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        (pin ? pinned : unpinned).add(wall);
        ok &= expected < 0 || executions == expected;
        expected = executions;
        System.out.printf(Locale.ROOT, "  round %d %-9s %,d executions in %6.2f s (%,.0f executions/s)%n",
            round, pin ? "pinned" : "unpinned", executions, wall, executions / wall);
      }
    }
    Explorer.pinCarriers(true);
    double p = median(pinned);
    double u = median(unpinned);
    System.out.printf(Locale.ROOT, "  medians: unpinned %.2f s, pinned %.2f s: pinned is %.2fx as fast%n", u, p, u / p);
    if (!ok) {
      System.out.println("  !! a verdict was not VERIFIED, or the executions differed");
    }
    System.exit(ok ? 0 : 1);
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
