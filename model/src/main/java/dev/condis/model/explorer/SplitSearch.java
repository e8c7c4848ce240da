package dev.condis.model.explorer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.HashCode;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import dev.condis.explorer.Explorer;
import dev.condis.explorer.SearchOptions;
import dev.condis.explorer.SearchResult;
import dev.condis.explorer.Split;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.ShardShare;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.scenario.Checkpoints;
import dev.condis.model.scenario.Premises;
import dev.condis.model.scenario.ScenarioHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One scenario instance's search split over several threads ({@code --split N}): the
 * explorer's {@link Split}, one worker per thread, each with its own state cache (a state one
 * worker saw in its own units is not known to the others: sound, since each worker cuts there
 * only at states whose future was explored; the cost is work done twice). In the top levels,
 * which every worker must run alike to number the units ({@link ExplorerPlatform#mayCut}), a
 * cache cuts only at states first met in the top levels, which every worker met alike; the
 * numbering is checked after the search all the same, and a split whose workers disagree is
 * an ERROR ({@link #unitsDisagree}). The verdict is a violation if any
 * worker found one, reported from the lowest failing unit, so the counterexample is the same
 * for any number of workers at one split depth. Figures are the workers' sums; each worker's
 * are deterministic, but a worker that stops early because another found a lower failing unit
 * stops where timing puts it, so a violation's figures may vary from run to run.
 */
final class SplitSearch {
  private final ExplorerEngine engine;
  private final VerificationRequest request;
  private final ScenarioHarness harness;
  private final Premises premises;
  private final ImmutableList<String> properties;
  private final int count;
  private final int depth;
  /** The one worker to run (a shard), or -1 for all of them. */
  private final int only;
  /** The units' sizes from an earlier run, by unit number, or null: round robin. */
  private final long[] unitSizes;
  /** With sizes: the units to split again below twice the depth, and their parts' sizes if known. */
  private final long[] splitAgain;
  private final Map<Long, long[]> partSizes;
  /** A shard's: an earlier run's claims (state to the lowest unit that reached it), relied on. */
  private final Map<HashCode, Long> earlierClaims;
  /** With sizes: the workers' loads from the instances assigned before this one (a shard's), else none. */
  private final long[] loadBefore;

  SplitSearch(ExplorerEngine engine, VerificationRequest request, ScenarioHarness harness, Premises premises,
      ImmutableList<String> properties, int count, int depth, int only, long[] unitSizes, long[] splitAgain,
      Map<Long, long[]> partSizes, Map<HashCode, Long> earlierClaims, long[] loadBefore) {
    this.engine = engine;
    this.request = request;
    this.harness = harness;
    this.premises = premises;
    this.properties = properties;
    this.count = count;
    this.depth = depth;
    this.only = only;
    this.unitSizes = unitSizes;
    this.splitAgain = splitAgain;
    this.partSizes = partSizes;
    this.earlierClaims = earlierClaims;
    this.loadBefore = loadBefore == null ? new long[count] : loadBefore;
  }

  private Split.Plan plan() {
    return unitSizes == null ? Split.plan(depth, count) : Split.plan(depth, count, unitSizes, splitAgain, partSizes, loadBefore);
  }

  VerificationResult run() {
    Split.Plan plan = plan();
    List<Checkpoints> caches = new ArrayList<>();
    List<Integer> workers = new ArrayList<>();
    // Workers in this process share which unit reached each state first. A shard, alone in its
    // process, records the same for its report (what merge --claims writes), and relies on an
    // earlier run's claims if given them.
    Checkpoints.Claims claims = only >= 0 ? Checkpoints.Claims.forShard(earlierClaims) : count > 1 ? new Checkpoints.Claims() : null;
    for (int k = 0; k < count; k++) {
      if (only >= 0 && k != only) {
        continue;
      }
      workers.add(k);
      caches.add(ExplorerEngine.stateCache(request, claims));
    }
    AtomicLongArray executions = new AtomicLongArray(workers.size());
    ProgressListener progress = request.progress();
    List<SearchResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(workers.size(), new ThreadFactoryBuilder()
        .setNameFormat("condis-verify-split-" + request.config().label().replace("%", "%%") + "-%d").setDaemon(true).build());
    try {
      List<Future<SearchResult>> parts = new ArrayList<>();
      for (int slot = 0; slot < workers.size(); slot++) {
        int worker = workers.get(slot);
        int mine = slot;
        dev.condis.explorer.ProgressListener own = progress == null || progress == ProgressListener.NONE
            ? null
            : (long n, Duration elapsed) -> {
              executions.set(mine, n);
              progress.progress(sum(executions), statesSeen(caches), elapsed);
            };
        SearchOptions options = ExplorerEngine.searchOptions(request.bounds(), ProgressListener.NONE).toBuilder()
            .split(plan.worker(worker))
            .progressListener(own)
            .build();
        parts.add(pool.submit(() -> Explorer.explore(ExplorerEngine.program(harness, null, caches.get(mine)), options)));
      }
      for (Future<SearchResult> part : parts) {
        results.add(part.get());
      }
    } catch (ExecutionException e) {
      return error("explorer failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted");
    } finally {
      pool.shutdownNow();
    }
    SearchResult representative = representative(results);
    Figures figures = new Figures(
        results.stream().mapToLong(SearchResult::executions).sum(),
        results.stream().mapToLong(SearchResult::prunedExecutions).sum(),
        results.stream().mapToInt(SearchResult::maxDepth).max().orElse(0),
        results.stream().mapToLong(SearchResult::decisionPoints).sum(),
        statesSeen(caches),
        results.stream().map(SearchResult::wallTime).max(Duration::compareTo).orElse(Duration.ZERO));
    // A shard's premises may be met in another shard's units: merge judges them.
    Premises judged = only < 0 ? premises : new Premises(ImmutableList.of());
    VerificationResult whole = engine.conclude(request, harness, judged, properties, representative, figures,
        ExplorerEngine.searchOptions(request.bounds(), ProgressListener.NONE), summary(results, caches, claims));
    if (only < 0) {
      String disagreement = whole.verdict() == Verdict.VERIFIED
          ? unitsDisagree(results.stream().map(SearchResult::split).toList()) : null;
      // An ERROR that keeps the workers' figures: what was run, with nothing claimed for it.
      return disagreement == null ? whole : new VerificationResult(whole.config(), whole.engine(), Verdict.ERROR,
          whole.properties(), whole.figures(), Optional.empty(), Optional.of(disagreement));
    }
    // A shard claims nothing on its own: VERIFIED becomes INCONCLUSIVE until merge.
    SearchResult mine = results.get(0);
    boolean complete = whole.verdict() == Verdict.VERIFIED;
    ShardShare share = new ShardShare(only, count, depth, mine.split().units(), mine.split().unitsOwned(),
        mine.split().failureUnit(), complete, premises.unmet(), mine.split().unitExecutions(),
        mine.split().partExecutions(), hex(claims == null ? Map.of() : claims.reached()),
        hex(claims == null ? Map.of() : claims.relied()));
    VerificationResult shard = !complete ? whole : new VerificationResult(whole.config(), whole.engine(),
        Verdict.INCONCLUSIVE, whole.properties(), whole.figures(), Optional.empty(),
        Optional.of(String.format(Locale.ROOT, "shard %d/%d: its %,d of %,d units explored, no violation;"
            + " nothing is claimed until condis-verify merge combines every shard (%s)",
            only + 1, count, share.unitsOwned(), share.units(), whole.detail().orElse(""))));
    return shard.withShard(share);
  }

  /**
   * Why the complete search cannot be trusted, or null: every worker must have numbered the
   * same units and together owned each exactly once, or some unit went unexplored (or twice).
   */
  static String unitsDisagree(List<SearchResult.SplitFigures> workers) {
    return ShardShare.unitsDisagree("split's workers", "its", workers);
  }

  /** The worker whose failure comes first (lowest unit), else one that reached a bound, else the first. */
  private static SearchResult representative(List<SearchResult> results) {
    Optional<SearchResult> failing = results.stream()
        .filter(r -> r.firstFailure().isPresent())
        .min((a, b) -> Long.compare(a.split().failureUnit(), b.split().failureUnit()));
    if (failing.isPresent()) {
      return failing.get();
    }
    return results.stream().filter(r -> !r.boundsReached().isEmpty()).findFirst().orElse(results.get(0));
  }

  /** What the proof rests on: the split, the workers' shared claims (null: none), and each worker's state cache. */
  private String summary(List<SearchResult> results, List<Checkpoints> caches, Checkpoints.Claims claims) {
    int again = plan().refinedUnits();
    boolean carried = java.util.Arrays.stream(loadBefore).anyMatch(l -> l != 0);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "search split over %d worker%s below depth %d: %,d units, assigned %s; figures summed over the"
            + " workers%s; the workers also ran %,d executions only to number each other's units",
        count, count == 1 ? "" : "s", depth, results.get(0).split().units(),
        unitSizes == null ? "round robin" : "by their sizes in --unit-sizes, largest first"
            + (carried ? ", after the instances before it there" : "") + (again == 0 ? ""
            : String.format(Locale.ROOT, ", %d large unit%s split again below depth %d", again, again == 1 ? "" : "s",
                2 * depth)),
        claims == null ? "" : only >= 0 ? claimsRelied(claims) : String.format(Locale.ROOT, ", which vary from run to"
            + " run: the workers share their caches' %,d states reached in units, and an execution stops at one a"
            + " lower unit reached first, whichever worker got there first", claims.states()),
        results.stream().mapToLong(r -> r.split().othersExecutions()).sum()));
    for (int k = 0; k < caches.size(); k++) {
      b.append("; worker ").append(only >= 0 ? only + 1 : k + 1).append(": ").append(results.get(k).split().unitsOwned())
          .append(" units, ").append(caches.get(k).summary());
    }
    return b.toString();
  }

  /** A shard's reliance on an earlier run's claims, if it was given any. */
  private static String claimsRelied(Checkpoints.Claims claims) {
    return claims.earlierStates() == 0 ? "" : String.format(Locale.ROOT, "; given an earlier run's claims on %,d"
        + " states (--claims), it stopped at %,d of them in units above the one that owns them, relying on that"
        + " unit's shard to explore them (merge checks it did)", claims.earlierStates(), claims.relied().size());
  }

  /** States by fingerprint as a shard report writes them: hex, in order. */
  static ImmutableSortedMap<String, Long> hex(Map<HashCode, Long> states) {
    ImmutableSortedMap.Builder<String, Long> out = ImmutableSortedMap.naturalOrder();
    states.forEach((state, unit) -> out.put(state.toString(), unit));
    return out.build();
  }

  private static long sum(AtomicLongArray a) {
    long s = 0;
    for (int i = 0; i < a.length(); i++) {
      s += a.get(i);
    }
    return s;
  }

  /** The workers' distinct states added up (a state two workers saw counts twice); -1 if a cache is off. */
  private static long statesSeen(List<Checkpoints> caches) {
    long s = 0;
    for (Checkpoints c : caches) {
      if (c.disabledBecause() != null) {
        return -1;
      }
      s += c.statesSeen();
    }
    return s;
  }

  private VerificationResult error(String detail) {
    return new VerificationResult(request.config(), ExplorerEngine.NAME, Verdict.ERROR, properties,
        new Figures(0, 0, 0, 0, -1, Duration.ZERO), Optional.empty(), Optional.of(detail));
  }
}
