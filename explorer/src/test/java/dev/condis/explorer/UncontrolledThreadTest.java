package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A thread the program starts itself is outside the explorer's control, so the interleavings it
 * takes part in are not explored: a search that saw one must not come out COMPLETE.
 */
@Isolated // its threads would be blamed on any search running beside it (explorer/README.md)
class UncontrolledThreadTest {

  @Test
  void aThreadStartedWithoutTheRuntimeFailsTheExecution() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    try {
      SearchResult r = Explorer.explore(rt -> {
        LockRef l = rt.newLock("L");
        Thread mine = new Thread(() -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "mine");
        mine.setDaemon(true);
        mine.start();
        rt.acquire(l);
        rt.release(l);
      });

      assertThat(r.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
      Failure f = r.firstFailure().orElseThrow();
      assertThat(f.kind()).isEqualTo(FailureKind.UNCONTROLLED_THREAD);
      assertThat(f.message()).startsWith("the program created a thread of its own")
          .contains(" at " + UncontrolledThreadTest.class.getName() + ".lambda$");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aThreadThatEndsBeforeTheExecutionIsSeenAtItsCreation() {
    int[] shared = new int[1];
    SearchResult r = Explorer.explore(rt -> {
      Thread racer = new Thread(() -> shared[0]++, "racer"); // a data race with no runtime call
      racer.start();
      shared[0]++;
      try {
        racer.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(r.outcome()).isEqualTo(Outcome.FAILURE_FOUND);
    Failure f = r.firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.UNCONTROLLED_THREAD);
    assertThat(f.message()).startsWith("the program created a thread of its own")
        .contains(" at " + UncontrolledThreadTest.class.getName() + ".lambda$");
    assertThat(Explorer.replay(rt -> {
      Thread racer = new Thread(() -> { }, "racer");
      racer.start();
    }, f.schedule()).failure()).map(Failure::kind).contains(FailureKind.UNCONTROLLED_THREAD);
  }

  @Test
  void aThreadOfItsOwnCallingTheRuntimeFailsTheExecution() {
    SearchResult r = Explorer.explore(rt -> {
      // Created without inheriting thread-locals, so only its call to the runtime gives it away.
      Thread mine = new Thread(null, () -> {
        try {
          rt.yieldPoint("x");
        } catch (IllegalStateException expected) {
          // the runtime refuses it; the finding is the execution's
        }
      }, "worker-of-my-own", 0, false);
      mine.start();
      try {
        mine.join();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    Failure f = r.firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.UNCONTROLLED_THREAD);
    assertThat(f.message())
        .startsWith("thread 'worker-of-my-own', which the explorer does not control, called the runtime")
        .contains(" at " + UncontrolledThreadTest.class.getName() + ".lambda$");
  }

  @Test
  void spawnedThreadsAreControlled() {
    SearchResult r = Explorer.explore(rt -> rt.join(rt.spawn("t", () -> rt.yieldPoint("x"))));
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
  }
}
