package dev.condis.model.bench;

import dev.condis.explorer.Explorer;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.scenario.FaultScenarios;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.reference.fault.SeededFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The default suite's wall time on the correct reference (every scenario VERIFIED and
 * exhaustive), executions per scenario, and the time to the first counterexample for every
 * seeded fault. A benchmark, not a test: it prints figures and exits 1 only if a verdict is not
 * what it must be (suite VERIFIED, each fault VIOLATION).
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -pl model -am install -DskipTests
 * mvn -q -pl model dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "$(cat model/target/bench-classpath.txt):model/target/classes" \
 *     dev.condis.model.bench.SuiteBenchmark
 * </pre>
 *
 * Argument {@code --suite-only}
 * skips the faults; {@code --faults-only} skips the suite.
 */
public final class SuiteBenchmark {
  private SuiteBenchmark() {}

  public static void main(String[] args) {
    boolean suite = !List.of(args).contains("--faults-only");
    boolean faults = !List.of(args).contains("--suite-only");
    boolean ok = true;
    Explorer.plan(1); // one search at a time
    ExplorerEngine engine = new ExplorerEngine();
    // Warm-up: one small search so class loading and JIT are not charged to the first scenario.
    engine.verify(request(ScenarioCatalog.defaultSuite().get(0)));

    System.out.printf(Locale.ROOT, "condis-verify benchmark: %d cores, Java %s (%s carriers, %s)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Explorer.carriers(), Explorer.pinning());
    if (suite) {
      System.out.println();
      System.out.println("Default suite on the correct reference (explorer, exhaustive):");
      System.out.printf(Locale.ROOT, "  %-62s %-10s %10s %9s %7s %9s%n",
          "scenario", "verdict", "executions", "pruned", "depth", "time");
      long total = 0;
      long executions = 0;
      long start = System.nanoTime();
      for (ScenarioConfig config : ScenarioCatalog.defaultSuite()) {
        VerificationResult r = engine.verify(request(config));
        total += r.figures().wallTime().toNanos();
        executions += r.figures().executions();
        System.out.printf(Locale.ROOT, "  %-62s %-10s %10d %9d %7d %8.2fs%n",
            config.label(), r.verdict(), r.figures().executions(), r.figures().pruned(),
            r.figures().maxDepth(), r.figures().wallTime().toNanos() / 1e9);
        if (r.verdict() != Verdict.VERIFIED) {
          ok = false;
          System.out.println("    !! expected VERIFIED: " + r.detail().orElse("")
              + r.counterexample().map(c -> " " + c.violation() + " " + c.replayCommand()).orElse(""));
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT,
          "  suite: %d scenarios, %d executions, %.2f s searching, %.2f s wall (%.0f executions/s)%n",
          ScenarioCatalog.defaultSuite().size(), executions, total / 1e9, wall, executions / wall);
    }
    if (faults) {
      System.out.println();
      System.out.println("Time to the first counterexample per seeded fault:");
      System.out.printf(Locale.ROOT, "  %-42s %-26s %-9s %10s %9s  %s%n",
          "fault", "property", "rule", "executions", "time", "scenario");
      List<String> wrong = new ArrayList<>();
      for (SeededFault fault : SeededFault.values()) {
        ScenarioConfig config = FaultScenarios.forFault(fault);
        VerificationResult r = engine.verify(request(config));
        String property = r.counterexample().map(c -> c.violation().property()).orElse("-");
        String rule = r.counterexample().map(c -> c.violation().ruleId()).orElse("-");
        System.out.printf(Locale.ROOT, "  %-42s %-26s %-9s %10d %8.3fs  %s%n",
            fault.cliName(), property, rule, r.figures().executions(),
            r.figures().wallTime().toNanos() / 1e9, config.scenario());
        if (r.verdict() != Verdict.VIOLATION || !property.equals(fault.property()) || !rule.equals(fault.ruleId())) {
          wrong.add(fault.cliName() + ": " + r.verdict() + " " + property + " " + rule
              + " (catalog: " + fault.property() + " " + fault.ruleId() + ")");
        }
      }
      if (!wrong.isEmpty()) {
        ok = false;
        wrong.forEach(w -> System.out.println("    !! " + w));
      }
    }
    System.exit(ok ? 0 : 1);
  }

  /** An exhaustive check of {@code config} under a 10-minute budget. */
  static VerificationRequest request(ScenarioConfig config) {
    return VerificationRequest.of(
        config, new Bounds(Bounds.DEFAULT.maxExecutions(), Bounds.DEFAULT.maxDepth(), Duration.ofMinutes(10)), Map.of());
  }

}
