package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every schedule replays its execution exactly; any departure is reported as a divergence. */
class ReplayTest {
  private static final SearchOptions ALL = SearchOptions.builder().stopOnFirstFailure(false).build();

  @Test
  void everyFailureOfTheCorpusReplaysToTheSameFailure() {
    int replayed = 0;
    for (Corpus.Named n : Corpus.all()) {
      SearchResult r = Explorer.explore(n.recording().program(s -> {}), ALL);
      for (Failure f : r.failures()) {
        Schedule reparsed = Schedule.parse(f.schedule().toString());
        ExecutionResult e = Explorer.replay(n.recording().program(s -> {}), reparsed, ALL);
        assertThat(e.failure()).as(n + " " + f).isPresent();
        Failure again = e.failure().get();
        assertThat(again.kind()).as(n.name()).isEqualTo(f.kind());
        assertThat(again.message()).isEqualTo(f.message());
        assertThat(again.threadName()).isEqualTo(f.threadName());
        assertThat(again.schedule()).isEqualTo(f.schedule());
        assertThat(e.trace()).isNotEmpty();
        replayed++;
      }
    }
    // lost update, ABBA, callback twice, join under lock, "saw ab11", "t0 saw 20", and the six
    // cross-lock accesses (a use after free each, whichever thread starts first)
    assertThat(replayed).isEqualTo(12);
  }

  @Test
  void everyCompletedExecutionReplaysToTheSameFinalState() {
    Map<String, String> outcomeBySchedule = new TreeMap<>();
    List<String> last = new ArrayList<>();
    SearchOptions o = ALL.toBuilder()
        .executionListener(s -> outcomeBySchedule.put(s.schedule().toString(), last.get(last.size() - 1)))
        .build();
    Explorer.explore(Corpus.nestedSpawns(last::add), o);
    assertThat(outcomeBySchedule).hasSize(9);
    outcomeBySchedule.forEach((schedule, outcome) -> {
      List<String> seen = new ArrayList<>();
      ExecutionResult e = Explorer.replay(Corpus.nestedSpawns(seen::add), Schedule.parse(schedule));
      assertThat(e.completed()).isTrue();
      assertThat(e.schedule()).hasToString(schedule);
      assertThat(seen).containsExactly(outcome);
    });
  }

  @Test
  void traceNamesThreadsAndEvents() {
    ExecutionResult e = Explorer.replay(Corpus.lostUpdate(false, s -> {}), Schedule.parse("1.0.2.2"));
    assertThat(e.failure().orElseThrow().message()).isEqualTo("lost update: x=1");
    assertThat(e.trace()).extracting(TraceStep::toString).containsExactly(
        "main#0: spawn(inc1)",
        "inc1#1: yield(x)",
        "main#0: spawn(inc2)",
        "inc2#2: yield(x)",
        "inc2#2: yield(x)",
        "inc2#2: end",
        "inc1#1: yield(x)",
        "inc1#1: end",
        "main#0: join(inc1)",
        "main#0: join(inc2)",
        "main#0: ASSERTION: lost update: x=1");
  }

  @Test
  void aPickOfAThreadThatCannotRunDiverges() {
    ExecutionResult e = Explorer.replay(Corpus.lostUpdate(false, s -> {}), Schedule.parse("1.0.5.2"));
    Failure f = e.failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE);
    assertThat(f.message()).isEqualTo(
        "decision 3 '5' picks thread 5, which cannot run there; threads that can: [1=inc1, 2=inc2]");
    assertThat(e.schedule()).hasToString("1.0");
  }

  @Test
  void extraDecisionsDiverge() {
    ExecutionResult e = Explorer.replay(Corpus.abba(true, s -> {}), Schedule.parse("1.1.1.1.1.1.1.1.0"));
    assertThat(e.failure().orElseThrow().kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE);
  }

  @Test
  void aFailureBeforeTheEndOfTheScheduleDiverges() {
    Failure f = Explorer.replay(Corpus.lostUpdate(false, s -> {}), Schedule.parse("1.0.2.2.1"))
        .failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE);
    assertThat(f.message()).isEqualTo("the execution ended after 4 of the schedule's 5 decisions;"
        + " it failed first: ASSERTION: lost update: x=1");
  }

  @Test
  void aTruncatedScheduleDiverges() {
    Failure f = Explorer.replay(Corpus.lostUpdate(false, s -> {}), Schedule.parse("1.0"))
        .failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE);
    assertThat(f.message()).startsWith("the schedule ends after 2 decisions but the program needs a pick");
  }

  @Test
  void aChoiceOfAnotherArityDiverges() {
    Failure f = Explorer.replay(Corpus.chooseInThread(s -> {}), Schedule.parse("1.c1of2"))
        .failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE);
    assertThat(f.message()).isEqualTo("decision 2 'c1of2' is c1of2 but the program reaches"
        + " choose(a.value) of 3 in thread 'a'");
  }

  @Test
  void aPickWhereTheProgramChoosesDiverges() {
    Failure f = Explorer.replay(Corpus.chooseInThread(s -> {}), Schedule.parse("1.1"))
        .failure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE);
    assertThat(f.message()).contains("is a thread pick but the program reaches choose(a.value)");
  }

  @Test
  void aChangedProgramDiverges() {
    Failure found = Explorer.explore(Corpus.abba(false, s -> {})).firstFailure().orElseThrow();
    ExecutionResult e = Explorer.replay(Corpus.abba(true, s -> {}), found.schedule());
    assertThat(e.failure()).hasValueSatisfying(
        f -> assertThat(f.kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE));
  }

  @Test
  void aNondeterministicProgramIsReportedNotExploredWrongly() {
    int[] runs = {0};
    SearchResult r = Explorer.explore(rt -> {
      int n = ++runs[0] % 2 == 0 ? 3 : 2; // arity changes between executions
      rt.choose("flaky", n);
      rt.choose("flaky2", n);
    });
    Failure f = r.firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.REPLAY_DIVERGENCE);
    assertThat(f.message()).startsWith("the program is not deterministic");
  }
}
