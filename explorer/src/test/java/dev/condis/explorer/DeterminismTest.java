package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same program, same exploration: order, figures and first counterexample. */
class DeterminismTest {

  private static String figures(SearchResult r) {
    return r.outcome() + " " + r.executions() + " " + r.prunedExecutions() + " "
        + r.prunedAlternatives() + " " + r.maxDepth() + " " + r.decisionPoints() + " "
        + r.failingExecutions() + " " + r.failures();
  }

  @Test
  void everyCorpusProgramExploresIdenticallyTwice() {
    for (Corpus.Named n : Corpus.all()) {
      for (boolean stop : new boolean[] {true, false}) {
        SearchOptions o = SearchOptions.builder().stopOnFirstFailure(stop).build();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        SearchResult a = Explorer.explore(n.recording().program(first::add), o);
        SearchResult b = Explorer.explore(n.recording().program(second::add), o);
        assertThat(figures(b)).as(n.name()).isEqualTo(figures(a));
        assertThat(second).as(n.name()).isEqualTo(first);
      }
    }
  }

  @Test
  void firstCounterexampleIsStable() {
    List<String> schedules = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      schedules.add(Explorer.explore(Corpus.philosophers(4, false, s -> {}))
          .firstFailure().orElseThrow().schedule().toString());
    }
    assertThat(schedules).containsOnly(schedules.get(0));
  }
}
