package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.math.LongMath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Exact execution counts against formulas. */
class CountingTest {

  private static SearchResult explore(Program p, boolean reduction) {
    return Explorer.explore(p, SearchOptions.builder().reduction(reduction).build());
  }

  /**
   * n threads with k private yield points each. Main spawns them in order, then ends: thread i's
   * k transitions follow spawn i, and the spawns are ordered. Counting linear extensions, the
   * n chains of (spawn + k steps) interleave freely except that the spawns keep their order:
   * multinomial(n(k+1); k+1, ..., k+1) / n!.
   */
  @ParameterizedTest
  @CsvSource({"1,3", "2,1", "2,3", "3,1", "3,2", "4,1"})
  void independentThreadsOneExecutionWithReductionMultinomialWithout(int n, int k) {
    SearchResult reduced = explore(Corpus.independent(n, k), true);
    assertThat(reduced.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(reduced.executions()).isEqualTo(1);
    assertThat(reduced.prunedExecutions()).isZero();

    long multinomial = LongMath.factorial(n * (k + 1));
    for (int i = 0; i < n; i++) {
      multinomial /= LongMath.factorial(k + 1);
    }
    SearchResult full = explore(Corpus.independent(n, k), false);
    assertThat(full.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(full.executions()).isEqualTo(multinomial / LongMath.factorial(n));
    assertThat(full.prunedExecutions()).isZero();
    assertThat(full.maxDepth()).isLessThanOrEqualTo(n * (k + 1));
  }

  @Test
  void independentThreeByTwoIsExactly280WithoutReduction() {
    assertThat(explore(Corpus.independent(3, 2), false).executions()).isEqualTo(280);
  }

  /** Each lock order (which thread's i-th critical section comes when) is one trace: C(2k, k). */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void twoThreadsOnOneLockGiveBinomialManyExecutions(int k) {
    List<String> orders = new ArrayList<>();
    SearchResult r =
        Explorer.explore(Corpus.lockOrders(k, orders::add), SearchOptions.builder().build());
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(r.executions()).isEqualTo(LongMath.binomial(2 * k, k));
    assertThat(r.prunedExecutions()).isZero();
    assertThat(orders).doesNotHaveDuplicates().hasSize((int) LongMath.binomial(2 * k, k));
  }

  @Test
  void lockOrdersWithoutReductionCountEveryLockConsistentInterleaving() {
    // k=2, by hand. Main: spawn a, spawn b, join a, join b. Spawn b must precede b's first
    // step and join a must follow a's last one (and spawn b). Per lock order:
    // aabb: spawn b in 4 places inside a's run, then join a in 5 places among b's 4 steps
    //       (20), or spawn b after a's run then join a in 5 places (5): 25;
    // abab: 3 places for spawn b x 3 for join a = 9; abba: 3 x 1; baab: 1 x 3; baba, bbaa: 1.
    // Total 25 + 9 + 3 + 3 + 1 + 1 = 42.
    List<String> orders = new ArrayList<>();
    SearchResult r = Explorer.explore(
        Corpus.lockOrders(2, orders::add), SearchOptions.builder().reduction(false).build());
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(orders).containsOnly("aabb", "abab", "abba", "baab", "baba", "bbaa");
    assertThat(r.executions()).isEqualTo(42);
    assertThat(orders).hasSize(42);
  }

  /**
   * choose(3) inside thread a's critical section: 2 lock orders times 3 values = 6 with
   * reduction, and every value for every interleaving without.
   */
  @Test
  void chooseInsideOneThread() {
    List<String> seen = new ArrayList<>();
    SearchResult r =
        Explorer.explore(Corpus.chooseInThread(seen::add), SearchOptions.builder().build());
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(r.executions()).isEqualTo(6);
    assertThat(seen).containsExactly("a0b", "a1b", "a2b", "ba0", "ba1", "ba2");

    List<String> all = new ArrayList<>();
    SearchResult full = Explorer.explore(
        Corpus.chooseInThread(all::add), SearchOptions.builder().reduction(false).build());
    assertThat(full.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(full.executions() % 3).isZero();
    assertThat(full.executions()).isEqualTo(3 * interleavingsOfChooseProgram());
    assertThat(all).containsOnly(seen.toArray(new String[0]));
  }

  /** The same program without the choose, explored without reduction. */
  private static long interleavingsOfChooseProgram() {
    return Explorer.explore(rt -> {
      LockRef l = rt.newLock("L");
      ThreadRef a = rt.spawn("a", () -> {
        rt.acquire(l);
        rt.release(l);
      });
      ThreadRef b = rt.spawn("b", () -> {
        rt.acquire(l);
        rt.release(l);
      });
      rt.join(a);
      rt.join(b);
    }, SearchOptions.builder().reduction(false).build()).executions();
  }

  @Test
  void sleepingRacerNeedsSixExecutionsForItsSixTraces() {
    List<String> seen = new ArrayList<>();
    SearchResult r = Explorer.explore(Corpus.sleepingRacer(seen::add), SearchOptions.builder().build());
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    // t0's y1 before or after t1's (2) times t2's y0 before, between or after t0's two (3).
    assertThat(seen).doesNotHaveDuplicates().hasSize(6).contains("y0=200 y1=01");
    assertThat(r.executions()).isEqualTo(6);
  }

  @Test
  void failureHidesARaceStillFindsEveryOrder() {
    List<String> seen = new ArrayList<>();
    SearchResult r = Explorer.explore(Corpus.failureHidesARace(seen::add),
        SearchOptions.builder().stopOnFirstFailure(false).build());
    assertThat(r.firstFailure().orElseThrow().message()).isEqualTo("t0 saw 20");
    assertThat(seen).containsExactlyInAnyOrder("012", "021", "102", "120", "210"); // 201 fails
  }

  @Test
  void chooseAloneIsADecisionPerValue() {
    SearchResult r = Explorer.explore(rt -> {
      int a = rt.choose("a", 2);
      int b = rt.choose("b", 3);
      int c = rt.choose("one", 1); // n = 1 is no decision
      assertThat(a + b + c).isBetween(0, 3);
    });
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(r.executions()).isEqualTo(6);
    // Nodes: a and b on the first run, b again after a moves to 1.
    assertThat(r.decisionPoints()).isEqualTo(3);
    assertThat(r.maxDepth()).isEqualTo(2);
  }
}
