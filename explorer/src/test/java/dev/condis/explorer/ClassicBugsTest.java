package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Classic concurrency bugs are found, with a replayable schedule; their fixes verify. */
class ClassicBugsTest {
  private static final SearchOptions ALL = SearchOptions.builder().stopOnFirstFailure(false).build();

  private static Failure onlyFailure(Observed o, FailureKind kind) {
    assertThat(o.result().outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    assertThat(o.result().failures()).hasSize(1);
    Failure f = o.result().failures().get(0);
    assertThat(f.kind()).isEqualTo(kind);
    return f;
  }

  @Test
  void lostUpdateUnderAMissingLock() {
    Observed bug = Observed.explore(out -> Corpus.lostUpdate(false, out), ALL);
    Failure f = onlyFailure(bug, FailureKind.ASSERTION);
    assertThat(f.message()).isEqualTo("lost update: x=1");
    assertThat(f.payload()).isEqualTo(1);
    assertThat(f.threadName()).isEqualTo("main");
    assertThat(bug.outcomes()).containsExactly("x=1", "x=2");
    // The four yields on "x" are all dependent: 4!/(2!2!) = 6 orders, 4 of them lose an update.
    assertThat(bug.result().executions()).isEqualTo(6);
    assertThat(bug.result().failingExecutions()).isEqualTo(4);

    Observed fixed = Observed.explore(out -> Corpus.lostUpdate(true, out), ALL);
    assertThat(fixed.result().outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(fixed.outcomes()).containsExactly("x=2");
    assertThat(fixed.result().executions()).isEqualTo(2); // which increment goes first
  }

  @Test
  void firstFailureStopsTheSearchByDefault() {
    SearchResult r = Explorer.explore(Corpus.lostUpdate(false, s -> {}));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    assertThat(r.executions()).isEqualTo(2);
    assertThat(r.firstFailure().orElseThrow().schedule()).hasToString("1.0.2.2");
  }

  @Test
  void abbaDeadlock() {
    Observed bug = Observed.explore(out -> Corpus.abba(false, out), ALL);
    Failure f = onlyFailure(bug, FailureKind.DEADLOCK);
    assertThat(f.message()).isEqualTo("deadlock: 'main' waits to join 't1'; 't1' waits for lock 'B'"
        + " held by 't2'; 't2' waits for lock 'A' held by 't1'");
    assertThat(bug.outcomes()).containsExactly("12", "21");
    assertThat(bug.result().executions()).isEqualTo(3);

    Observed fixed = Observed.explore(out -> Corpus.abba(true, out), ALL);
    assertThat(fixed.result().outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(fixed.outcomes()).containsExactly("12", "21");
    assertThat(fixed.result().executions()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void diningPhilosophersDeadlockUnlessForksAreOrdered(int n) {
    Observed bug = Observed.explore(out -> Corpus.philosophers(n, false, out), ALL);
    Failure f = onlyFailure(bug, FailureKind.DEADLOCK);
    assertThat(f.message()).startsWith("deadlock: ").contains("'p0' waits for lock 'fork1' held by 'p1'")
        .contains("'p" + (n - 1) + "' waits for lock 'fork0' held by 'p0'");
    assertThat(bug.outcomes()).hasSize(factorial(n)); // every eating order still occurs

    Observed fixed = Observed.explore(out -> Corpus.philosophers(n, true, out), ALL);
    assertThat(fixed.result().outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(fixed.result().failures()).isEmpty();
    assertThat(fixed.outcomes()).hasSize(factorial(n));
  }

  /**
   * executions/pruned/failing. Fixed: one execution per eating order (n!), i.e. one per
   * Mazurkiewicz trace. Buggy: the same plus the deadlock (and, for 4, one sleep-set-blocked run).
   */
  @Test
  void philosopherFiguresArePinned() {
    assertThat(figures(3, false)).isEqualTo("7/0/1");
    assertThat(figures(3, true)).isEqualTo("6/0/0");
    assertThat(figures(4, false)).isEqualTo("26/1/1");
    assertThat(figures(4, true)).isEqualTo("24/0/0");
  }

  private static String figures(int n, boolean fixed) {
    SearchResult r = Observed.explore(out -> Corpus.philosophers(n, fixed, out), ALL).result();
    return r.executions() + "/" + r.prunedExecutions() + "/" + r.failingExecutions();
  }

  @Test
  void checkThenActCallbackRunsTwiceWhenCancelRacesCompletion() {
    Observed bug = Observed.explore(out -> Corpus.callbackOnce(false, out), ALL);
    Failure f = onlyFailure(bug, FailureKind.ASSERTION);
    assertThat(f.message()).isEqualTo("completion callback ran twice");
    assertThat((String) f.payload()).matches("(complete;cancel;|cancel;complete;)");
    assertThat(bug.outcomes()).containsExactly("cancel;", "complete;");

    Observed fixed = Observed.explore(out -> Corpus.callbackOnce(true, out), ALL);
    assertThat(fixed.result().outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(fixed.outcomes()).containsExactly("cancel;", "complete;");
  }

  private static int factorial(int n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
  }
}
