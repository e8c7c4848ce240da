package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  static LongStream seeds() {
    return LongStream.range(0, 60);
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
  void aSplitSearchReportsTheSameFirstFailureForAnyNumberOfWorkers() {
    int failing = 0;
    for (Corpus.Named program : Corpus.all()) {
      SearchOptions first = ALL.toBuilder().stopOnFirstFailure(true).build();
      for (int depth = 1; depth <= 4; depth++) {
        List<String> reported = new ArrayList<>();
        for (int count = 1; count <= 3; count++) {
          reported.add(firstFailure(program.recording(), first, depth, count));
        }
        assertThat(reported).as(program.name() + " at depth " + depth).containsOnly(reported.get(0));
        failing += reported.get(0).equals("none") ? 0 : 1;
      }
    }
    assertThat(failing).as("programs and depths with a failure to report").isGreaterThanOrEqualTo(8);
  }

  /**
   * A program that ends executions early on its own account, as the model's state cache does at
   * quiescent points: a state first met inside one worker's unit (three decisions deep) is met
   * again on another path after one decision, inside the top levels every worker runs alike.
   * Cutting there would make that worker skip the prefixes below, number fewer units than the
   * others, and leave units without an owner; {@link Runtime#inSplitPrefix} says not to.
   */
  private static Program cachingProgram(Map<Integer, String> seen, boolean heedPrefix, List<String> outcomes) {
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
      // As Checkpoints: the path that first met the state goes on (the search re-running its
      // prefix to explore the rest of its future); another path is cut, unless told not to.
      String first = seen.putIfAbsent(s[0], path.toString());
      if (first != null && !first.equals(path.toString()) && !(heedPrefix && rt.inSplitPrefix())) {
        return;
      }
      int[] d = new int[2];
      ThreadRef t2 = rt.spawn("phase-2", () -> {
        d[0] = rt.choose("d", 2);
        d[1] = rt.choose("e", 2);
      });
      rt.join(t2);
      outcomes.add(s[0] + ":" + d[0] + d[1]);
    };
  }

  @Test
  void aCacheThatHeedsTheTopLevelsKeepsEveryWorkersNumberingAlike() {
    for (boolean heed : new boolean[] {true, false}) {
      Split.Plan plan = Split.plan(2, 2);
      List<Long> units = new ArrayList<>();
      long owned = 0;
      Set<String> outcomes = new TreeSet<>();
      for (int k = 0; k < 2; k++) {
        List<String> mine = new ArrayList<>();
        SearchResult r = Explorer.explore(cachingProgram(new HashMap<>(), heed, mine),
            ALL.toBuilder().split(plan.worker(k)).build());
        units.add(r.split().units());
        owned += r.split().unitsOwned();
        outcomes.addAll(mine);
      }
      if (heed) {
        assertThat(units).as("every worker numbers the same units").containsOnly(units.get(0));
        assertThat(owned).as("each unit has one owner").isEqualTo(units.get(0));
        // Every state's future is explored: 1, 3 and 4, each with every phase-2 pair.
        assertThat(outcomes).hasSize(12);
      } else {
        assertThat(units).as("cutting in the top levels: the workers disagree").doesNotHaveDuplicates();
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
      for (int count = 1; count <= 3; count++) {
        Split.Plan plan = Split.plan(depth, count);
        Set<String> outcomes = new TreeSet<>();
        Set<String> failures = new TreeSet<>();
        long owned = 0;
        long units = -1;
        for (int k = 0; k < count; k++) {
          Observed part = Observed.explore(recording, ALL.toBuilder().split(plan.worker(k)).build());
          assertThat(part.result().boundsReached()).as(name).isEmpty();
          outcomes.addAll(part.outcomes());
          failures.addAll(part.failures());
          owned += part.result().split().unitsOwned();
          if (units >= 0) {
            assertThat(part.result().split().units()).as("every worker numbers every unit").isEqualTo(units);
          }
          units = part.result().split().units();
        }
        String what = name + " split at depth " + depth + " over " + count;
        assertThat(owned).as(what + ": each unit has one owner").isEqualTo(units);
        assertThat(units).as(what + ": at least one unit").isPositive();
        assertThat(outcomes).as(what).isEqualTo(whole.outcomes());
        assertThat(failures).as(what).isEqualTo(whole.failures());
      }
    }
  }

  /** The failure the split reports: that of the lowest failing unit over its workers. */
  private static String firstFailure(Corpus.Recording recording, SearchOptions options, int depth, int count) {
    Split.Plan plan = Split.plan(depth, count);
    String best = "none";
    long bestUnit = Long.MAX_VALUE;
    for (int k = 0; k < count; k++) {
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
