package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random walks: a bug hunt that varies every decision in every execution, so a bug behind an
 * early data choice is found where depth-first order meets it last; and never a proof.
 */
class RandomWalkTest {

  /**
   * The bug needs the first choice to be its last value and then b's first turn before a's:
   * depth-first order runs every interleaving of the first seven values first.
   */
  private static Program bugBehindAnEarlyChoice() {
    return rt -> {
      int mode = rt.choose("mode", 8);
      LockRef l = rt.newLock("L");
      StringBuilder order = new StringBuilder();
      List<ThreadRef> ts = new ArrayList<>();
      for (String name : new String[] {"a", "b", "c"}) {
        ts.add(rt.spawn(name, () -> {
          for (int i = 0; i < 3; i++) {
            rt.acquire(l);
            order.append(name);
            rt.release(l);
          }
        }));
      }
      for (ThreadRef t : ts) {
        rt.join(t);
      }
      if (mode == 7 && order.charAt(0) == 'b') {
        rt.fail("mode 7 with b first: " + order, order.toString());
      }
    };
  }

  private static SearchOptions walks(long seed, long executions) {
    return SearchOptions.builder().randomWalk(seed).maxExecutions(executions).build();
  }

  @Test
  void findsABugBehindAnEarlyChoiceLongBeforeDepthFirstOrder() {
    SearchResult dfs = Explorer.explore(bugBehindAnEarlyChoice(), SearchOptions.builder().build());
    SearchResult walk = Explorer.explore(bugBehindAnEarlyChoice(), walks(1, 10_000));
    assertThat(dfs.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    assertThat(walk.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    // 7 x 1,680 lock orders come first depth-first; a walk meets the bug about once in 24.
    assertThat(dfs.executions()).isGreaterThan(7 * 1_680);
    assertThat(walk.executions()).isLessThan(500);
  }

  @Test
  void theFailureItFindsReplays() {
    Failure f = Explorer.explore(bugBehindAnEarlyChoice(), walks(5, 10_000)).firstFailure().orElseThrow();
    ExecutionResult again = Explorer.replay(bugBehindAnEarlyChoice(), f.schedule());
    assertThat(again.failure()).hasValueSatisfying(g -> assertThat(g.message()).isEqualTo(f.message()));
  }

  @Test
  void theSameSeedWalksTheSameWayAndAnotherSeedAnother() {
    List<String> first = schedules(3);
    assertThat(schedules(3)).isEqualTo(first);
    assertThat(schedules(4)).isNotEqualTo(first);
    SearchResult a = Explorer.explore(bugBehindAnEarlyChoice(), walks(9, 10_000));
    SearchResult b = Explorer.explore(bugBehindAnEarlyChoice(), walks(9, 10_000));
    assertThat(b.executions()).isEqualTo(a.executions());
    assertThat(b.firstFailure().orElseThrow().schedule()).isEqualTo(a.firstFailure().orElseThrow().schedule());
  }

  private static List<String> schedules(long seed) {
    List<String> out = new ArrayList<>();
    Explorer.explore(Corpus.lockOrders(3, s -> {}),
        SearchOptions.builder().randomWalk(seed).maxExecutions(20).executionListener(e -> out.add(e.schedule().toString())).build());
    return out;
  }

  @Test
  void anyNumberOfWalkersReportsTheSameFailureAfterTheSameWalks() {
    SearchResult one = Explorer.explore(bugBehindAnEarlyChoice(), walks(11, 10_000));
    Failure f = one.firstFailure().orElseThrow();
    for (int walkers : new int[] {2, 3, 5}) {
      SearchResult many = Explorer.explore(bugBehindAnEarlyChoice(),
          SearchOptions.builder().randomWalk(11, walkers).maxExecutions(10_000).build());
      assertThat(many.firstFailure().orElseThrow().schedule()).as("%d walkers", walkers).isEqualTo(f.schedule());
      assertThat(many.executions()).as("%d walkers", walkers).isEqualTo(one.executions());
      assertThat(many.failingExecutions()).isEqualTo(1);
    }
  }

  @Test
  void walkersShareTheExecutionBoundAndMeetTheSameExecutions() {
    List<String> alone = Collections.synchronizedList(new ArrayList<>());
    List<String> together = Collections.synchronizedList(new ArrayList<>());
    SearchResult one = Explorer.explore(Corpus.lockOrders(3, alone::add),
        SearchOptions.builder().randomWalk(2, 1).maxExecutions(301).build());
    SearchResult three = Explorer.explore(Corpus.lockOrders(3, together::add),
        SearchOptions.builder().randomWalk(2, 3).maxExecutions(301).build());
    assertThat(three.executions()).isEqualTo(301).isEqualTo(one.executions());
    assertThat(three.boundsReached()).containsExactly(Bound.MAX_EXECUTIONS);
    assertThat(together).containsExactlyInAnyOrderElementsOf(alone); // walk i is walk i, whoever runs it
    SearchResult more = Explorer.explore(Corpus.lockOrders(3, s -> {}),
        SearchOptions.builder().randomWalk(2, 8).maxExecutions(5).build());
    assertThat(more.executions()).isEqualTo(5);
  }

  @Test
  void shardsTogetherRunTheWalksOfOneSearchAndTheLowestFailureIsItsFailure() {
    List<String> alone = Collections.synchronizedList(new ArrayList<>());
    Explorer.explore(Corpus.lockOrders(3, alone::add), SearchOptions.builder().randomWalk(4, 1).maxExecutions(100).build());
    List<String> sharded = Collections.synchronizedList(new ArrayList<>());
    long executions = 0;
    for (int k = 0; k < 3; k++) {
      SearchResult part = Explorer.explore(Corpus.lockOrders(3, sharded::add),
          SearchOptions.builder().randomWalk(4, 2).randomWalkShard(k, 3).maxExecutions(100).build());
      assertThat(part.boundsReached()).containsExactly(Bound.MAX_EXECUTIONS);
      executions += part.executions();
    }
    assertThat(executions).isEqualTo(100);
    assertThat(sharded).containsExactlyInAnyOrderElementsOf(alone);

    SearchResult one = Explorer.explore(bugBehindAnEarlyChoice(), walks(11, 10_000));
    SearchResult lowest = null;
    for (int k = 0; k < 4; k++) {
      SearchResult part = Explorer.explore(bugBehindAnEarlyChoice(),
          SearchOptions.builder().randomWalk(11, 1).randomWalkShard(k, 4).maxExecutions(10_000).build());
      assertThat(part.outcome()).isEqualTo(Outcome.FAILURE_FOUND); // a bug met about once in 24 walks
      if (lowest == null || part.split().failureUnit() < lowest.split().failureUnit()) {
        lowest = part;
      }
    }
    assertThat(lowest.split().failureUnit()).isEqualTo(one.executions() - 1);
    assertThat(lowest.firstFailure().orElseThrow().schedule()).isEqualTo(one.firstFailure().orElseThrow().schedule());
    SearchResult none = Explorer.explore(Corpus.lockOrders(3, s -> {}),
        SearchOptions.builder().randomWalk(4, 1).randomWalkShard(7, 8).maxExecutions(5).build());
    assertThat(none.executions()).isZero();
    assertThat(none.boundsReached()).containsExactly(Bound.MAX_EXECUTIONS);
  }

  @Test
  void neverCompleteEvenWhenEveryExecutionWasMet() {
    Set<String> orders = new HashSet<>();
    SearchResult r = Explorer.explore(Corpus.lockOrders(2, orders::add), walks(1, 2_000));
    assertThat(orders).hasSize(6); // all C(4,2) orders met, yet no claim is made
    assertThat(r.outcome()).isEqualTo(Outcome.BOUND_REACHED);
    assertThat(r.boundsReached()).containsExactly(Bound.MAX_EXECUTIONS);
    assertThat(r.executions()).isEqualTo(2_000);
    assertThat(r.reduction()).isFalse();
    SearchResult timed = Explorer.explore(Corpus.lockOrders(2, s -> {}),
        SearchOptions.builder().randomWalk(1L).timeBudget(Duration.ofMillis(200)).build());
    assertThat(timed.boundsReached()).containsExactly(Bound.TIME_BUDGET);
  }

  @Test
  void theDepthBoundCutsAWalk() {
    SearchResult r = Explorer.explore(Corpus.lockOrders(4, s -> {}),
        SearchOptions.builder().randomWalk(1L).maxExecutions(50).maxDepth(3).build());
    assertThat(r.boundsReached()).contains(Bound.MAX_DEPTH);
    assertThat(r.maxDepth()).isEqualTo(3);
  }

  @Test
  void walksWithoutAnEndOrWithASplitAreRefused() {
    assertThatThrownBy(() -> SearchOptions.builder().randomWalk(1L).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never end by themselves");
    assertThatThrownBy(() -> SearchOptions.builder().randomWalk(1L).maxExecutions(10).split(Split.plan(4, 2).worker(0)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be split");
  }
}
