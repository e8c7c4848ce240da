package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
