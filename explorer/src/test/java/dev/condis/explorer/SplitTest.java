package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A split search loses nothing against the whole search (explorer/README.md, "Splitting a
 * search"): over every corpus program and random programs, for split depths 1 to 4 and 1 to 3
 * workers, the workers together see the same final states and the same failures as the
 * unsplit reduced search; every unit is owned by exactly one worker; and a search that stops
 * at its first failure reports the same failure whatever the number of workers.
 */
@Execution(ExecutionMode.CONCURRENT)
class SplitTest {
  private static final SearchOptions ALL = SearchOptions.builder()
      .stopOnFirstFailure(false).maxExecutions(20_000).stallTimeout(Duration.ofMinutes(2)).build();

  static Stream<Corpus.Named> corpus() {
    return Corpus.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void theWorkersTogetherSeeWhatTheWholeSearchSees(Corpus.Named program) {
    assertSplitLosesNothing(program.recording(), program.name());
  }

  /** A deeper sweep on demand: {@code -Dsplit.seeds=N -Dsplit.firstSeed=S}. */
  static LongStream seeds() {
    long first = Long.getLong("split.firstSeed", 0);
    return LongStream.range(first, first + Integer.getInteger("split.seeds", 60));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomProgramsToo(long seed) {
    RandomPrograms.Spec spec = RandomPrograms.generate(seed, 2 + (int) (seed % 2), 2 + (int) (seed % 3));
    Corpus.Recording recording = out -> RandomPrograms.program(spec, out);
    Observed whole = Observed.explore(recording, ALL);
    if (!whole.result().boundsReached().isEmpty()) {
      return;
    }
    assertSplitLosesNothing(recording, spec.toString());
  }

  @Test
  void aSplitSearchReportsTheSameFirstFailureForAnyNumberOfWorkersAndAnyAssignment() {
    int failing = 0;
    for (Corpus.Named program : Corpus.all()) {
      SearchOptions first = ALL.toBuilder().stopOnFirstFailure(true).build();
      for (int depth = 1; depth <= 4; depth++) {
        List<String> reported = new ArrayList<>();
        for (int count = 1; count <= 3; count++) {
          reported.add(firstFailure(program.recording(), first, Split.plan(depth, count)));
          reported.add(firstFailure(program.recording(), first, Split.plan(depth, count, SCRAMBLED)));
        }
        // Units split again are the same for any number of workers, and so is the failure.
        List<String> again = new ArrayList<>();
        for (int count = 1; count <= 3; count++) {
          again.add(firstFailure(program.recording(), first, Split.plan(depth, count, SCRAMBLED, new long[] {0, 2})));
        }
        assertThat(again).as(program.name() + " at depth " + depth + ", units 0 and 2 split again")
            .containsOnly(again.get(0));
        assertThat(reported).as(program.name() + " at depth " + depth).containsOnly(reported.get(0));
        failing += reported.get(0).equals("none") ? 0 : 1;
      }
    }
    assertThat(failing).as("programs and depths with a failure to report").isGreaterThanOrEqualTo(8);
  }

  /** How a program that cuts on its own account treats the top levels of a split. */
  enum TopLevels {
    /** Cuts there at any state it saw before: wrong. */
    IGNORED,
    /** Never cuts there (it may record states). */
    NO_CUT,
    /** Cuts there only at states first seen there, which every worker sees alike. */
    CUT_AT_TOP_LEVEL_STATES
  }

  /**
   * A program that ends executions early on its own account, as the model's state cache does at
   * quiescent points: a state first met inside one worker's unit (three decisions deep) is met
   * again on another path after one decision, inside the top levels every worker runs alike.
   * Cutting there would make that worker skip the prefixes below, number fewer units than the
   * others, and leave units without an owner; {@link Runtime#inSplitPrefix} says not to, unless
   * the state was first met in the top levels too.
   */
  private static Program cachingProgram(Map<Integer, String> seen, Map<Integer, String> seenInTopLevels,
      TopLevels mode, List<String> outcomes) {
    return rt -> {
      int[] s = new int[1];
      StringBuilder path = new StringBuilder();
      ThreadRef t1 = rt.spawn("set-up", () -> {
        int a = rt.choose("a", 2);
        path.append(a);
        if (a == 0) {
          int b = rt.choose("b", 2);
          int c = rt.choose("c", 2);
          path.append(b).append(c);
          s[0] = b == 0 && c == 0 ? 1 : 2 + b + c;
        } else {
          s[0] = 1;
        }
      });
      rt.join(t1);
      if (!cutAt(rt, s[0], path.toString(), seen, seenInTopLevels, mode)) {
        phaseTwo(rt, s[0], outcomes);
      }
    };
  }

  /**
   * As Checkpoints: whether to cut at {@code state}. The path that first met it goes on (the
   * search re-running its prefix to explore the rest of its future); another path is cut,
   * unless {@code mode} says not to in the top levels.
   */
  private static boolean cutAt(Runtime rt, int state, String path, Map<Integer, String> seen,
      Map<Integer, String> seenInTopLevels, TopLevels mode) {
    String first = seen.putIfAbsent(state, path);
    boolean top = rt.inSplitPrefix();
    if (top && mode == TopLevels.CUT_AT_TOP_LEVEL_STATES) {
      first = seenInTopLevels.putIfAbsent(state, path);
    }
    return first != null && !first.equals(path) && !(top && mode == TopLevels.NO_CUT);
  }

  /** A phase below: two choices on a thread of its own, recorded with the state it began in. */
  private static void phaseTwo(Runtime rt, int state, List<String> outcomes) {
    int[] d = new int[2];
    ThreadRef t2 = rt.spawn("phase-2", () -> {
      d[0] = rt.choose("d", 2);
      d[1] = rt.choose("e", 2);
    });
    rt.join(t2);
    outcomes.add(state + ":" + d[0] + d[1]);
  }

  /**
   * A state first met in the top levels and met there again along another path (x = 0 and
   * x = 2 both leave 0), then a phase below: cutting at it is the same cut in every worker.
   */
  private static Program topLevelCachingProgram(Map<Integer, String> seen, Map<Integer, String> seenInTopLevels,
      TopLevels mode, List<String> outcomes) {
    return rt -> {
      int[] x = new int[1];
      ThreadRef t1 = rt.spawn("set-up", () -> x[0] = rt.choose("x", 3));
      rt.join(t1);
      int state = x[0] == 2 ? 0 : x[0];
      if (!cutAt(rt, state, Integer.toString(x[0]), seen, seenInTopLevels, mode)) {
        phaseTwo(rt, state, outcomes);
      }
    };
  }

  /** What two workers of a split of a caching program did together. */
  private record TwoWorkers(List<Long> units, long owned, long executions, Set<String> outcomes) {
    /** Both workers numbered the same units, and owned each once. */
    void assertAgree(String what) {
      assertThat(units).as(what + ": every worker numbers the same units").containsOnly(units.get(0));
      assertThat(owned).as(what + ": each unit has one owner").isEqualTo(units.get(0));
    }
  }

  /** Runs both workers of a two-worker split at {@code depth}, each with a fresh cache of its own. */
  private static TwoWorkers twoWorkers(int depth, TopLevels mode, CachingProgram program) {
    Split.Plan plan = Split.plan(depth, 2);
    List<Long> units = new ArrayList<>();
    long owned = 0;
    long executions = 0;
    Set<String> outcomes = new TreeSet<>();
    for (int k = 0; k < 2; k++) {
      List<String> mine = new ArrayList<>();
      SearchResult r = Explorer.explore(program.of(new HashMap<>(), new HashMap<>(), mode, mine),
          ALL.toBuilder().split(plan.worker(k)).build());
      units.add(r.split().units());
      owned += r.split().unitsOwned();
      executions += r.executions() + r.split().othersExecutions();
      outcomes.addAll(mine);
    }
    return new TwoWorkers(units, owned, executions, outcomes);
  }

  @FunctionalInterface
  private interface CachingProgram {
    Program of(Map<Integer, String> seen, Map<Integer, String> seenInTopLevels, TopLevels mode, List<String> outcomes);
  }

  @Test
  void cutsAtStatesFirstMetInTheTopLevelsAreTheSameInEveryWorker() {
    for (int depth = 2; depth <= 4; depth++) {
      TwoWorkers noCut = twoWorkers(depth, TopLevels.NO_CUT, SplitTest::topLevelCachingProgram);
      TwoWorkers cut = twoWorkers(depth, TopLevels.CUT_AT_TOP_LEVEL_STATES, SplitTest::topLevelCachingProgram);
      for (TwoWorkers w : List.of(noCut, cut)) {
        w.assertAgree("at depth " + depth);
        assertThat(w.outcomes()).as("at depth " + depth + ": states 0 and 1, each with every phase-2 pair").hasSize(8);
      }
      assertThat(cut.executions()).as("at depth " + depth + " the cut saves work").isLessThan(noCut.executions());
    }
  }

  @Test
  void aCacheThatHeedsTheTopLevelsKeepsEveryWorkersNumberingAlike() {
    for (int depth = 1; depth <= 3; depth++) {
      for (TopLevels mode : TopLevels.values()) {
        TwoWorkers w = twoWorkers(depth, mode, SplitTest::cachingProgram);
        String what = mode + " at depth " + depth;
        if (mode == TopLevels.IGNORED) {
          if (depth == 2) {
            assertThat(w.units()).as(what + ": cutting in the top levels, the workers disagree").doesNotHaveDuplicates();
          }
          continue;
        }
        w.assertAgree(what);
        // Every state's future is explored: 1, 3 and 4, each with every phase-2 pair.
        assertThat(w.outcomes()).as(what).hasSize(12);
      }
    }
  }

  @Test
  void unitsGoLargestFirstToTheLeastLoadedWorker() {
    // Eight units over two workers, none above half a worker's share (22 of 44): largest
    // first to the least loaded, 22 each (round robin: 30 and 14).
    Split.Plan plan = Split.plan(3, 2, new long[] {10, 1, 8, 1, 6, 2, 6, 10});
    assertThat(plan.refinedUnits()).isZero();
    assertThat(LongStream.range(0, 10).map(plan::ownerOf).toArray())
        .containsExactly(0, 0, 0, 0, 1, 0, 1, 1, 0, 1);
    // Unknown sizes (-1) count as the mean of the known ones (2 here), 9 each; units past the
    // sizes go round robin.
    Split.Plan sized = Split.plan(3, 2, new long[] {4, 1, 4, 1, -1, 3, 3});
    assertThat(sized.refinedUnits()).isZero();
    assertThat(LongStream.range(0, 9).map(sized::ownerOf).toArray()).containsExactly(0, 1, 1, 1, 0, 0, 1, 1, 0);
    assertThat(Split.plan(3, 2).ownerOf(5)).isEqualTo(1);
    assertThat(Split.plan(3, 2).bySize()).isFalse();
  }

  @Test
  void largestFirstStartsFromTheLoadsEarlierSearchesLeft() {
    // Two searches over three workers, each with one large unit. From empty loads both large
    // units go to worker 0 (40 of 48); carrying the first search's loads into the second puts
    // its large unit on a worker the first left light (20, 22 and 6).
    long[] sizes = {20, 2, 2};
    Split.Plan first = Split.plan(3, 3, sizes, new long[0], Map.of());
    assertThat(first.loads()).containsExactly(20, 2, 2);
    Split.Plan alone = Split.plan(3, 3, sizes, new long[0], Map.of());
    Split.Plan carried = Split.plan(3, 3, sizes, new long[0], Map.of(), first.loads());
    assertThat(alone.ownerOf(0)).isZero();
    assertThat(carried.ownerOf(0)).isEqualTo(1);
    assertThat(carried.loads()).containsExactly(20, 22, 6);
    assertThat(LongStream.range(0, 3).map(carried::ownerOf).toArray()).containsExactly(1, 2, 2);
    assertThat(Split.plan(3, 3).loads()).as("round robin measures nothing").containsExactly(0, 0, 0);
    assertThatThrownBy(() -> Split.plan(3, 3, sizes, new long[0], Map.of(), new long[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loads of 2 workers for a split into 3");
  }

  /** Starting loads only move units between workers: every unit still has one owner, and nothing is lost. */
  @Test
  void anyStartingLoadsLoseNothing() {
    for (Corpus.Named program : Corpus.all()) {
      Observed whole = Observed.explore(program.recording(), ALL);
      for (int depth = 1; depth <= 3; depth++) {
        long[] loads = {0, 7, 3};
        Split.Plan plan = Split.plan(depth, 3, SCRAMBLED, new long[] {0}, Map.of(), loads);
        assertPlanLosesNothing(program.recording(), whole, program.name() + " from loads 0, 7, 3", plan);
      }
    }
  }

  @Test
  void knownPartsAreBalancedWithTheOtherUnits() {
    // Unit 1 split again into parts of 6, 1, 5 and one unknown (the mean of those, 4), placed
    // largest first with units 0 (5) and 2 (3): 13 and 11. Parts past those listed go round
    // robin from the unit's number.
    Split.Plan plan = Split.plan(3, 2, new long[] {5, 12, 3}, new long[] {1}, Map.of(1L, new long[] {6, 1, 5, -1}));
    assertThat(List.of(plan.ownerOf(1, 0), plan.ownerOf(1, 2), plan.ownerOf(0), plan.ownerOf(1, 3),
        plan.ownerOf(2), plan.ownerOf(1, 1))).containsExactly(0, 1, 1, 0, 0, 1);
    assertThat(plan.ownerOf(1, 4)).isEqualTo(1);
  }

  @Test
  void aUnitLargerThanHalfAWorkersShareIsSplitAgainBelowTwiceTheDepth() {
    // 10 of 20: over four workers, above 1.5 shares (7.5); over two, a share of 10 can hold
    // it. Its units below depth 6 go round robin from its own number; the rest are balanced
    // as if it were spread over all workers.
    long[] sizes = {1, 1, 1, 1, 10, 1, 1, 1, 1, 1, 1};
    assertThat(Split.unitsToSplitAgain(sizes, 4)).containsExactly(4);
    assertThat(Split.unitsToSplitAgain(sizes, 2)).isEmpty();
    assertThat(Split.unitsToSplitAgain(sizes, 1)).as("one worker: nothing to balance").isEmpty();
    Split.Plan plan = Split.plan(3, 2, sizes, Split.unitsToSplitAgain(sizes, 4));
    assertThat(plan.refineDepth()).isEqualTo(6);
    assertThat(plan.refinedUnits()).isEqualTo(1);
    assertThat(plan.refined(4)).isTrue();
    assertThat(plan.refined(3)).isFalse();
    assertThat(List.of(plan.ownerOf(4, 0), plan.ownerOf(4, 1), plan.ownerOf(4, 2))).containsExactly(0, 1, 0);
    assertThat(LongStream.range(0, 11).filter(u -> u != 4).map(plan::ownerOf).toArray())
        .containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    assertThat(Split.plan(3, 2, sizes).refinedUnits()).as("only the units given are split again").isZero();
  }

  /** A search whose units are split again still loses nothing, and numbers more, smaller units. */
  @Test
  void unitsSplitAgainLoseNothing() {
    for (Corpus.Named program : Corpus.all()) {
      Observed whole = Observed.explore(program.recording(), ALL);
      long[] oneLarge = new long[64];
      oneLarge[0] = 1_000; // unit 0 (and 1, below) split again, whatever their real sizes
      oneLarge[1] = 1_000;
      for (int depth = 1; depth <= 3; depth++) {
        Split.Plan plan = Split.plan(depth, 3, oneLarge, new long[] {0, 1});
        assertThat(plan.refinedUnits()).isEqualTo(2);
        Map<Long, Long> sizes = assertPlanLosesNothing(program.recording(), whole, program.name() + " split again", plan);
        // The parts measured, reversed so that largest first places them differently: the
        // next run balances by them, and still loses nothing.
        Map<Long, long[]> parts = new TreeMap<>();
        PARTS.get().forEach((key, n) -> {
          String[] unitAndPart = key.split("\\.");
          long unit = Long.parseLong(unitAndPart[0]);
          int j = Integer.parseInt(unitAndPart[1]);
          long[] known = parts.getOrDefault(unit, new long[0]);
          known = known.length > j ? known : Arrays.copyOf(known, j + 1);
          known[j] = 1_000 - n;
          parts.put(unit, known);
        });
        Map<String, Long> measuredParts = new TreeMap<>(PARTS.get());
        Split.Plan byParts = Split.plan(depth, 3, oneLarge, new long[] {0, 1}, parts);
        assertThat(assertPlanLosesNothing(program.recording(), whole, program.name() + " parts by size", byParts))
            .isEqualTo(sizes);
        assertThat(PARTS.get()).as("a part's size does not depend on its worker").isEqualTo(measuredParts);
        assertThat(sizes.keySet()).as("sizes are reported by the units at the split's depth")
            .isEqualTo(assertPlanLosesNothing(program.recording(), whole, program.name(), Split.plan(depth, 3)).keySet());
      }
    }
  }

  @Test
  void theTopLevelsAreTheFirstDepthDecisionsAndNothingOutsideASplit() {
    List<String> seen = new ArrayList<>();
    Program program = rt -> {
      seen.add("0:" + rt.inSplitPrefix());
      rt.choose("x", 2);
      seen.add("1:" + rt.inSplitPrefix());
      rt.choose("y", 2);
      seen.add("2:" + rt.inSplitPrefix());
    };
    Explorer.explore(program, ALL.toBuilder().split(Split.plan(1, 1).worker(0)).build());
    assertThat(seen).contains("0:true", "1:true", "2:false").doesNotContain("0:false", "2:true");
    seen.clear();
    Explorer.explore(program, ALL);
    assertThat(seen).containsOnly("0:false", "1:false", "2:false");
  }

  private static void assertSplitLosesNothing(Corpus.Recording recording, String name) {
    Observed whole = Observed.explore(recording, ALL);
    assertThat(whole.result().boundsReached()).as(name).isEmpty();
    for (int depth = 1; depth <= 4; depth++) {
      Map<Long, Long> sizes = null;
      for (int count = 1; count <= 3; count++) {
        Map<Long, Long> measured = assertPlanLosesNothing(recording, whole, name, Split.plan(depth, count));
        assertThat(sizes == null ? measured : sizes).as(name + ": a unit's size does not depend on its worker")
            .isEqualTo(measured);
        sizes = measured;
      }
      // Units assigned by their sizes: the measured ones, and sizes that are stale or wrong
      // (reversed, unknown, too few): any sizes give each unit one owner and lose nothing.
      long[] exact = new long[sizes.size()];
      sizes.forEach((u, n) -> exact[u.intValue()] = n);
      long[] reversed = new long[exact.length];
      for (int i = 0; i < exact.length; i++) {
        reversed[i] = exact[exact.length - 1 - i];
      }
      long[] partial = Arrays.copyOf(exact, exact.length / 2);
      if (partial.length > 0) {
        partial[0] = -1;
      }
      for (long[] guess : List.of(exact, reversed, partial)) {
        for (int count = 2; count <= 3; count++) {
          Split.Plan plan = Split.plan(depth, count, guess, Split.unitsToSplitAgain(guess, count));
          assertThat(plan.bySize()).isTrue();
          Map<Long, Long> measured = assertPlanLosesNothing(recording, whole, name + " by sizes " + Arrays.toString(guess), plan);
          // A unit split again is expanded further, so only the others keep their sizes.
          measured.keySet().removeIf(plan::refined);
          Map<Long, Long> unsplit = new TreeMap<>(sizes);
          unsplit.keySet().removeIf(plan::refined);
          assertThat(measured).as(name + ": the same units, whichever worker explored them").isEqualTo(unsplit);
        }
      }
    }
  }

  /** The parts' sizes the last {@link #assertPlanLosesNothing} measured, "unit.part" (per test thread). */
  private static final ThreadLocal<Map<String, Long>> PARTS = ThreadLocal.withInitial(TreeMap::new);

  /** The plan's workers together see what the whole search sees; returns the units' sizes. */
  private static Map<Long, Long> assertPlanLosesNothing(Corpus.Recording recording, Observed whole, String name,
      Split.Plan plan) {
    PARTS.get().clear();
    Set<String> outcomes = new TreeSet<>();
    Set<String> failures = new TreeSet<>();
    Map<Long, Long> sizes = new TreeMap<>();
    long owned = 0;
    long units = -1;
    for (int k = 0; k < plan.count(); k++) {
      Observed part = Observed.explore(recording, ALL.toBuilder().split(plan.worker(k)).build());
      assertThat(part.result().boundsReached()).as(name).isEmpty();
      outcomes.addAll(part.outcomes());
      failures.addAll(part.failures());
      owned += part.result().split().unitsOwned();
      for (Map.Entry<String, Long> p : part.result().split().partExecutions().entrySet()) {
        String[] unitAndPart = p.getKey().split("\\.");
        long unit = Long.parseLong(unitAndPart[0]);
        assertThat(plan.refined(unit)).as(p.getKey() + ": only units split again have parts").isTrue();
        assertThat(plan.ownerOf(unit, Long.parseLong(unitAndPart[1]))).as("only a part's owner explores it").isEqualTo(k);
        assertThat(PARTS.get().put(p.getKey(), p.getValue())).as("one worker per part").isNull();
      }
      for (Map.Entry<Long, Long> unit : part.result().split().unitExecutions().entrySet()) {
        if (plan.refined(unit.getKey())) {
          sizes.merge(unit.getKey(), unit.getValue(), Long::sum); // its units are spread over the workers
          continue;
        }
        assertThat(plan.ownerOf(unit.getKey())).as("only a unit's owner explores it").isEqualTo(k);
        assertThat(sizes.put(unit.getKey(), unit.getValue())).as("one worker per unit").isNull();
      }
      if (units >= 0) {
        assertThat(part.result().split().units()).as("every worker numbers every unit").isEqualTo(units);
      }
      units = part.result().split().units();
    }
    String what = name + " split at depth " + plan.depth() + " over " + plan.count();
    assertThat(owned).as(what + ": each unit has one owner").isEqualTo(units);
    assertThat(units).as(what + ": at least one unit").isPositive();
    if (plan.refinedUnits() == 0) {
      assertThat(sizes).as(what + ": every unit explored").hasSize((int) units);
    } else {
      assertThat(units).as(what + ": a unit split again is one unit or more").isGreaterThanOrEqualTo(sizes.size());
    }
    assertThat(outcomes).as(what).isEqualTo(whole.outcomes());
    assertThat(failures).as(what).isEqualTo(whole.failures());
    return sizes;
  }

  /** Unit sizes that assign the units in no order related to their numbers. */
  private static final long[] SCRAMBLED = LongStream.range(0, 64).map(i -> i * 7919 % 13).toArray();

  /** The failure the split reports: that of the lowest failing unit over its workers. */
  private static String firstFailure(Corpus.Recording recording, SearchOptions options, Split.Plan plan) {
    String best = "none";
    long bestUnit = Long.MAX_VALUE;
    for (int k = 0; k < plan.count(); k++) {
      SearchResult r = Explorer.explore(recording.program(s -> {}), options.toBuilder().split(plan.worker(k)).build());
      if (!r.failures().isEmpty() && r.split().failureUnit() < bestUnit) {
        bestUnit = r.split().failureUnit();
        Failure f = r.failures().get(0);
        best = f.kind() + ": " + f.message() + " @ " + f.schedule();
      }
    }
    return best;
  }
}
