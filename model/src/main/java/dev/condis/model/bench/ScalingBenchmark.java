package dev.condis.model.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.explorer.Explorer;
import dev.condis.model.cli.ServiceEngineDirectory;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Engine;
import dev.condis.model.engine.EngineUnavailableException;
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
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * How far the proof reaches as the parties grow: {@code multipoint}, {@code incoming-drop-race}
 * and the uncut {@code drop-close-race} from 2 to 6 parties under both call-manager kinds, with
 * the state cache on and off, each within a time budget. One row per search: verdict,
 * executions, distinct states at quiescent points, wall time, executions per second and the
 * JVM's peak heap during the search. A benchmark, not a test: it prints figures and exits 0.
 * Once a size is INCONCLUSIVE the larger sizes of that row are not run (they are larger
 * still).
 *
 * <p>Where Java PathFinder is installed ({@code -Djpf.home} or {@code JPF_HOME}), the same rows
 * under JPF follow, with the same budget (without the data-race check unless {@code
 * -Djpf.races=true}: the explorer's premise): its end states as executions, its new states as
 * states, and the peak heap of JPF's own JVM. Without JPF they are skipped with a line that says
 * why.
 *
 * <p>Run from the repository root after {@code mvn -q install -DskipTests}:
 *
 * <pre>
 * java -cp dist/target/condis-verify.jar dev.condis.model.bench.ScalingBenchmark [BUDGET-SECONDS] [MAX-PARTIES] [ENGINES]
 * </pre>
 *
 * (defaults 60, 6, and {@code explorer,jpf}; {@code jpf} alone runs only JPF's rows).
 */
public final class ScalingBenchmark {
  private static final ImmutableList<String> SCENARIOS = ImmutableList.of(
      ScenarioCatalog.MULTIPOINT, ScenarioCatalog.INCOMING_DROP_RACE, ScenarioCatalog.DROP_CLOSE_RACE);

  /** JPF's data-race check (jpf-config's {@code JpfEngine.RACES}, which this module cannot see). */
  private static final String JPF_RACES = "jpf.races";

  private ScalingBenchmark() {}

  public static void main(String[] args) {
    String usage = "ScalingBenchmark [BUDGET-SECONDS] [MAX-PARTIES] [ENGINES]";
    int budget;
    int maxParties;
    List<String> engines = List.of((args.length > 2 ? args[2] : "explorer,jpf").split(","));
    try {
      budget = BenchArgs.positive(args, 0, "BUDGET-SECONDS", 60);
      maxParties = BenchArgs.positive(args, 1, "MAX-PARTIES", 6);
      if (!List.of(ExplorerEngine.NAME, "jpf").containsAll(engines)) {
        throw new IllegalArgumentException("ENGINES is explorer, jpf or explorer,jpf, not '" + args[2] + "'");
      }
    } catch (IllegalArgumentException e) {
      BenchArgs.exit("scaling", usage, e);
      return;
    }
    Explorer.plan(1); // one search at a time
    ExplorerEngine engine = new ExplorerEngine();
    engine.verify(request(ScenarioCatalog.defaultSuite().get(0), true, 60)); // warm-up
    System.out.printf(Locale.ROOT, "condis-verify scaling: %d cores, Java %s (%s carriers, %s), max heap %d MiB, budget %d s per search%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Explorer.carriers(), Explorer.pinning(),
        Runtime.getRuntime().maxMemory() >> 20, budget);
    System.out.printf(Locale.ROOT, "  %-52s %-6s %-12s %11s %8s %9s %9s %9s%n",
        "instance", "cache", "verdict", "executions", "states", "wall", "exec/s", "peak heap");
    if (engines.contains(ExplorerEngine.NAME)) {
      rows(maxParties, List.of("on", "off"), (config, cache) -> {
        resetPeakHeap();
        VerificationResult r = engine.verify(request(config, cache.equals("on"), budget));
        return print(config, cache, r, peakHeapMiB());
      });
    }
    if (engines.contains("jpf")) {
      jpfRows(budget, maxParties);
    }
  }

  /**
   * JPF's rows, where it is installed: its own state matching stands in the cache column ("jpf").
   * Its executions are its end states, its states its new states, its heap its own JVM's peak.
   */
  private static void jpfRows(int budget, int maxParties) {
    Optional<Engine> jpf = new ServiceEngineDirectory().find("jpf");
    ImmutableMap<String, String> options = ImmutableMap.of(JPF_RACES, System.getProperty(JPF_RACES, "false"));
    try {
      jpf.orElseThrow(() -> new EngineUnavailableException("the jpf engine is not on the class path"))
          .checkAvailable(options);
    } catch (EngineUnavailableException e) {
      System.out.println("  JPF rows skipped: " + e.getMessage());
      return;
    }
    rows(maxParties, List.of("jpf"), (config, mode) -> {
      VerificationResult r = jpf.get().verify(VerificationRequest.of(config,
          new Bounds(Long.MAX_VALUE, Bounds.DEFAULT.maxDepth(), Duration.ofSeconds(budget)), options));
      return print(config, "jpf", r, r.figures().peakHeapMiB());
    });
  }

  /**
   * Runs {@code search} over the scenarios, both kinds, each mode (the cache column), from the
   * fewest parties up to the first size not VERIFIED.
   */
  private static void rows(int maxParties, List<String> modes, BiFunction<ScenarioConfig, String, Verdict> search) {
    for (String name : SCENARIOS) {
      ScenarioDefinition d = ScenarioCatalog.get(name);
      for (CallManagerKind kind : CallManagerKind.values()) {
        for (String mode : modes) {
          for (int parties = d.minParties(); parties <= Math.min(maxParties, d.maxParties()); parties++) {
            ScenarioConfig config = d.config(parties, kind, VcOwner.CLIENT, FaultSet.none(), DriverSelection.REFERENCE);
            if (search.apply(config, mode) != Verdict.VERIFIED) {
              break;
            }
          }
        }
      }
    }
  }

  private static Verdict print(ScenarioConfig config, String cache, VerificationResult r, long peakHeapMiB) {
    double wall = r.figures().wallTime().toNanos() / 1e9;
    System.out.printf(Locale.ROOT, "  %-52s %-6s %-12s %,11d %8s %8.1fs %,9.0f %6s MiB%n",
        config.label(), cache, r.verdict(), r.figures().executions(),
        r.figures().states() < 0 ? "-" : String.format(Locale.ROOT, "%,d", r.figures().states()),
        wall, r.figures().executions() / Math.max(wall, 1e-9), peakHeapMiB < 0 ? "-" : Long.toString(peakHeapMiB));
    return r.verdict();
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
