package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reaching a bound is BOUND_REACHED, never COMPLETE. */
class BoundsTest {
  /** 70 executions with reduction (C(8,4) lock orders). */
  private static final Program SEVENTY = Corpus.lockOrders(4, s -> {});

  @Test
  void maxExecutionsWithWorkLeftIsBoundReached() {
    SearchResult r = Explorer.explore(SEVENTY, SearchOptions.builder().maxExecutions(10).build());
    assertThat(r.outcome()).isEqualTo(Outcome.BOUND_REACHED);
    assertThat(r.boundsReached()).containsExactly(Bound.MAX_EXECUTIONS);
    assertThat(r.executions()).isEqualTo(10);
  }

  @Test
  void maxExecutionsExactlyEnoughIsComplete() {
    SearchResult r = Explorer.explore(SEVENTY, SearchOptions.builder().maxExecutions(70).build());
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(r.boundsReached()).isEmpty();
    assertThat(Explorer.explore(SEVENTY, SearchOptions.builder().maxExecutions(69).build()).outcome())
        .isEqualTo(Outcome.BOUND_REACHED);
  }

  @Test
  void maxDepthCutsDeepExecutions() {
    SearchResult r = Explorer.explore(SEVENTY, SearchOptions.builder().maxDepth(3).build());
    assertThat(r.outcome()).isEqualTo(Outcome.BOUND_REACHED);
    assertThat(r.boundsReached()).containsExactly(Bound.MAX_DEPTH);
    assertThat(r.maxDepth()).isEqualTo(3);
    assertThat(r.depthCutExecutions()).isPositive();
  }

  @Test
  void depthBoundIsReportedEvenWhenTheSearchFinishesUnderIt() {
    SearchResult shallow = Explorer.explore(SEVENTY, SearchOptions.builder().maxDepth(100).build());
    assertThat(shallow.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(shallow.maxDepth()).isEqualTo(16);
    SearchResult exact = Explorer.explore(SEVENTY, SearchOptions.builder().maxDepth(16).build());
    assertThat(exact.outcome()).isEqualTo(Outcome.COMPLETE);
    SearchResult under = Explorer.explore(SEVENTY, SearchOptions.builder().maxDepth(15).build());
    assertThat(under.outcome()).isEqualTo(Outcome.BOUND_REACHED);
  }

  @Test
  void timeBudgetIsBoundReached() {
    SearchResult r = Explorer.explore(Corpus.independent(4, 3),
        SearchOptions.builder().reduction(false).timeBudget(Duration.ofMillis(50)).build());
    assertThat(r.outcome()).isEqualTo(Outcome.BOUND_REACHED);
    assertThat(r.boundsReached()).containsExactly(Bound.TIME_BUDGET);
    assertThat(r.wallTime()).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void failureOutranksBounds() {
    SearchResult r = Explorer.explore(Corpus.lostUpdate(false, s -> {}),
        SearchOptions.builder().maxExecutions(3).stopOnFirstFailure(false).build());
    assertThat(r.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    assertThat(r.boundsReached()).containsExactly(Bound.MAX_EXECUTIONS);
  }

  @Test
  void progressAndExecutionListenersAreCalled() {
    List<Long> progress = new ArrayList<>();
    List<ExecutionSummary> ends = new ArrayList<>();
    SearchResult r = Explorer.explore(Corpus.lostUpdate(false, s -> {}), SearchOptions.builder()
        .stopOnFirstFailure(false)
        .progressListener((n, elapsed) -> progress.add(n))
        .progressInterval(Duration.ofMillis(1))
        .executionListener(ends::add)
        .build());
    assertThat(progress).isNotEmpty().last().isEqualTo(6L);
    assertThat(ends).extracting(ExecutionSummary::index).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(ends).filteredOn(s -> s.failure().isPresent()).hasSize(4);
    assertThat(ends).filteredOn(ExecutionSummary::completed).hasSize(2);
    assertThat(r.executions()).isEqualTo(6);
  }

  @Test
  void optionsValidateAndCopy() {
    assertThatThrownBy(() -> SearchOptions.builder().maxExecutions(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxExecutions");
    assertThatThrownBy(() -> SearchOptions.builder().stallTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    SearchOptions o = SearchOptions.builder().maxDepth(7).reduction(false).build();
    SearchOptions copy = o.toBuilder().maxExecutions(5).build();
    assertThat(copy.maxDepth()).isEqualTo(7);
    assertThat(copy.reduction()).isFalse();
    assertThat(copy.maxExecutions()).isEqualTo(5);
    assertThat(o.maxExecutions()).isEqualTo(Long.MAX_VALUE);
    assertThat(SearchOptions.DEFAULTS.reduction()).isTrue();
    assertThat(SearchOptions.DEFAULTS.stopOnFirstFailure()).isTrue();
    assertThat(SearchOptions.DEFAULTS.timeBudget()).isEmpty();
  }
}
