package dev.condis.model.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.explorer.Explorer;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far the proof reaches as the parties grow: {@code multipoint}, {@code incoming-drop-race}
 * and the uncut {@code drop-close-race} from 2 to 6 parties under both call-manager kinds, with
 * the state cache on and off, each within a time budget. One row per search: verdict,
 * executions, distinct states at quiescent points, wall time, executions per second and the
 * JVM's peak heap during the search. A benchmark, not a test: it prints figures and exits 0.
 * Once a size is INCONCLUSIVE the larger sizes of that row are not run (they are larger
 * still).
 *
 * <p>Run from the repository root after {@code mvn -q install -DskipTests}:
 *
 * <pre>
 * java -cp dist/target/condis-verify.jar dev.condis.model.bench.ScalingBenchmark [BUDGET-SECONDS] [MAX-PARTIES]
 * </pre>
 *
 * (defaults 60 and 6).
 */
public final class ScalingBenchmark {
  private static final ImmutableList<String> SCENARIOS = ImmutableList.of(
      ScenarioCatalog.MULTIPOINT, ScenarioCatalog.INCOMING_DROP_RACE, ScenarioCatalog.DROP_CLOSE_RACE);

  private ScalingBenchmark() {}

  public static void main(String[] args) {
    int budget = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int maxParties = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Explorer.plan(1); // one search at a time
    ExplorerEngine engine = new ExplorerEngine();
    engine.verify(request(ScenarioCatalog.defaultSuite().get(0), true, 60)); // warm-up
    System.out.printf(Locale.ROOT, "condis-verify scaling: %d cores, Java %s (%s carriers, %s), max heap %d MiB, budget %d s per search%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Explorer.carriers(), Explorer.pinning(),
        Runtime.getRuntime().maxMemory() >> 20, budget);
    System.out.printf(Locale.ROOT, "  %-52s %-6s %-12s %11s %8s %9s %9s %9s%n",
        "instance", "cache", "verdict", "executions", "states", "wall", "exec/s", "peak heap");
    for (String name : SCENARIOS) {
      ScenarioDefinition d = ScenarioCatalog.get(name);
      for (CallManagerKind kind : CallManagerKind.values()) {
        for (boolean cache : new boolean[] {true, false}) {
          for (int parties = d.minParties(); parties <= Math.min(maxParties, d.maxParties()); parties++) {
            ScenarioConfig config = d.config(parties, kind, VcOwner.CLIENT, FaultSet.none(), DriverSelection.REFERENCE);
            resetPeakHeap();
            VerificationResult r = engine.verify(request(config, cache, budget));
            double wall = r.figures().wallTime().toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "  %-52s %-6s %-12s %,11d %8s %8.1fs %,9.0f %6d MiB%n",
                config.label(), cache ? "on" : "off", r.verdict(), r.figures().executions(),
                r.figures().states() < 0 ? "-" : String.format(Locale.ROOT, "%,d", r.figures().states()),
                wall, r.figures().executions() / Math.max(wall, 1e-9), peakHeapMiB());
            if (r.verdict() != Verdict.VERIFIED) {
              break;
            }
          }
        }
      }
    }
  }

  private static VerificationRequest request(ScenarioConfig config, boolean cache, int budgetSeconds) {
    return VerificationRequest.of(config,
        new Bounds(Long.MAX_VALUE, Bounds.DEFAULT.maxDepth(), Duration.ofSeconds(budgetSeconds)),
        cache ? ImmutableMap.of() : ImmutableMap.of(ExplorerEngine.STATE_CACHE, "false"));
  }

  private static List<MemoryPoolMXBean> heapPools() {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        pools.add(p);
      }
    }
    return pools;
  }

  private static void resetPeakHeap() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks since the reset: an upper bound of the peak heap. */
  private static long peakHeapMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean p : heapPools()) {
      bytes += p.getPeakUsage().getUsed();
    }
    return bytes >> 20;
  }
}
