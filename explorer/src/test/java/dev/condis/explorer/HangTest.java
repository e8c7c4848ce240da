package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A thread that blocks outside the runtime or runs away never hangs the explorer. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HangTest {
  private static final SearchOptions QUICK = SearchOptions.builder()
      .stallTimeout(Duration.ofMillis(300))
      .maxStepsPerExecution(10_000)
      .stopOnFirstFailure(false)
      .build();

  /** Value 0 of a choice hangs a worker in {@code hang}; value 1, explored after, completes. */
  private static Program hangsOnOneBranch(Runnable hang) {
    return rt -> {
      LockRef l = rt.newLock("L");
      ThreadRef w = rt.spawn("worker", () -> {
        if (rt.choose("hang", 2) == 0) {
          hang.run();
        }
        rt.acquire(l);
        rt.release(l);
      });
      rt.join(w);
    };
  }

  private static void assertOneFailureAndSearchGoesOn(Program p, FailureKind kind, String message) {
    long t0 = System.nanoTime();
    SearchResult r = Explorer.explore(p, QUICK);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(r.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    assertThat(r.executions()).isEqualTo(2); // the search went on after the hang
    assertThat(r.failures()).hasSize(1);
    Failure f = r.failures().get(0);
    assertThat(f.kind()).isEqualTo(kind);
    assertThat(f.threadName()).isEqualTo("worker");
    assertThat(f.message()).contains(message);
    assertThat(f.schedule()).hasToString("c0of2");
  }

  @Test
  void sleepForeverTimesOut() {
    assertOneFailureAndSearchGoesOn(hangsOnOneBranch(() -> {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }), FailureKind.TIMEOUT, "thread 'worker' made no runtime call for 300 ms: it blocks or spins"
        + " outside the runtime, at dev.condis.explorer.HangTest.lambda$sleepForeverTimesOut");
  }

  @Test
  void plainObjectWaitTimesOut() {
    Object monitor = new Object();
    assertOneFailureAndSearchGoesOn(hangsOnOneBranch(() -> {
      synchronized (monitor) {
        try {
          monitor.wait();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
    }), FailureKind.TIMEOUT, "made no runtime call for 300 ms");
  }

  @Test
  void busyLoopWithoutRuntimeCallsTimesOut() {
    long[] spins = {0};
    assertOneFailureAndSearchGoesOn(hangsOnOneBranch(() -> {
      while (spins[0] >= 0) {
        spins[0]++;
      }
    }), FailureKind.TIMEOUT, ", at dev.condis.explorer.HangTest.lambda$busyLoopWithoutRuntimeCallsTimesOut");
  }

  @Test
  void theStuckThreadsStackComesWithTheFailure() {
    SearchResult r = Explorer.explore(hangsOnOneBranch(() -> {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }), QUICK);
    Throwable cause = r.failures().get(0).cause();
    assertThat(cause).isInstanceOf(Stalled.class);
    assertThat(((Stalled) cause).firstProgramFrame().orElseThrow().getClassName()).isEqualTo(HangTest.class.getName());
    // The stuck call is Thread.sleep, just above the program's frame (on a virtual carrier the
    // JDK's own park frames sit above it).
    List<String> frames = Arrays.stream(cause.getStackTrace())
        .takeWhile(f -> !f.getClassName().equals(HangTest.class.getName()))
        .map(f -> f.getClassName() + "." + f.getMethodName()).toList();
    assertThat(frames).last().isEqualTo("java.lang.Thread.sleep");
  }

  /** The time budget ends the search on time even when it is shorter than the stall timeout. */
  @Test
  void aTimeBudgetBelowTheWatchdogEndsTheSearchOnTime() {
    long t0 = System.nanoTime();
    SearchResult r = Explorer.explore(hangsOnOneBranch(() -> sleep(Long.MAX_VALUE)),
        QUICK.toBuilder().stallTimeout(Duration.ofSeconds(30)).timeBudget(Duration.ofSeconds(1)).build());
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(r.outcome()).isEqualTo(Outcome.BOUND_REACHED);
    assertThat(r.boundsReached()).containsExactly(Bound.TIME_BUDGET);
    assertThat(r.failures()).isEmpty();
  }

  /** Slow steps are not a stall: the watchdog measures time without progress, not run time. */
  @Test
  void anExecutionSlowerThanTheTimeoutButMakingProgressCompletes() {
    SearchResult r = Explorer.explore(rt -> {
      LockRef l = rt.newLock("L");
      for (int i = 0; i < 8; i++) {
        rt.acquire(l);
        sleep(100); // each step well under the 300 ms limit; the whole run well over it
        rt.release(l);
      }
    }, QUICK);
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
  }

  /** No watchdog (a replay in a debugger): a thread paused for longer than any limit is waited for. */
  @Test
  void withoutAWatchdogAPausedThreadIsWaitedFor() {
    Program p = hangsOnOneBranch(() -> sleep(700));
    ExecutionResult e = Explorer.replay(p, Schedule.parse("c0of2"), QUICK.toBuilder().stallTimeout(null).build());
    assertThat(e.failure()).isEmpty();
    assertThat(e.completed()).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void loopOverSchedulingPointsHitsTheStepBound() {
    assertOneFailureAndSearchGoesOn(hangsOnOneBranch(() -> {
      Runtime rt = Runtime.current();
      while (true) {
        rt.yieldPoint("spin");
      }
    }), FailureKind.STEP_BOUND, "exceeded 10000 runtime calls");
  }

  @Test
  void pollingTheRuntimeWithoutSchedulingPointsHitsTheStepBound() {
    assertOneFailureAndSearchGoesOn(hangsOnOneBranch(() -> {
      Runtime rt = Runtime.current();
      LockRef never = rt.newLock("never");
      while (!rt.holds(never)) {
        Thread.onSpinWait();
      }
    }), FailureKind.STEP_BOUND, "livelock or runaway loop");
  }

  @Test
  void livelockBetweenTwoThreadsHitsTheStepBound() {
    SearchResult r = Explorer.explore(rt -> {
      LockRef l = rt.newLock("flag");
      boolean[] flag = {false};
      rt.spawn("waiter", () -> {
        while (true) { // waits for a flag nobody sets
          rt.acquire(l);
          boolean f = flag[0];
          rt.release(l);
          if (f) {
            return;
          }
        }
      });
    }, QUICK);
    assertThat(r.firstFailure().orElseThrow().kind()).isEqualTo(FailureKind.STEP_BOUND);
  }

  @Test
  void aTimedOutScheduleReplaysToATimeout() {
    Program p = hangsOnOneBranch(() -> {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    ExecutionResult e = Explorer.replay(p, Schedule.parse("c0of2"), QUICK);
    assertThat(e.failure().orElseThrow().kind()).isEqualTo(FailureKind.TIMEOUT);
    // and the explorer still works afterwards
    assertThat(Explorer.replay(p, Schedule.parse("c1of2"), QUICK).completed()).isTrue();
  }

  @Test
  void stopOnFirstFailureEndsAtTheHang() {
    SearchResult r = Explorer.explore(hangsOnOneBranch(() -> {
      while (true) {
        Runtime.current().yieldPoint("spin");
      }
    }), QUICK.toBuilder().stopOnFirstFailure(true).build());
    assertThat(r.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    assertThat(r.executions()).isEqualTo(1);
  }
}
