package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RuntimeApiTest {

  @Test
  void currentRuntimeAndThreadNames() {
    List<String> seen = new ArrayList<>();
    SearchResult r = Explorer.explore(rt -> {
      assertThat(Runtime.current()).isSameAs(rt);
      seen.add(rt.currentThreadName());
      ThreadRef t = rt.spawn("worker", () -> {
        assertThat(Runtime.current()).isSameAs(rt);
        seen.add(Runtime.current().currentThreadName());
      });
      assertThat(t.name()).isEqualTo("worker");
      rt.join(t);
    });
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(r.executions()).isEqualTo(1);
    assertThat(seen).containsExactly("main", "worker");
    assertThatThrownBy(Runtime::current).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not called from a thread controlled by the explorer");
  }

  @Test
  void holdsReflectsOwnership() {
    SearchResult r = Explorer.explore(rt -> {
      LockRef l = rt.newLock("L");
      assertThat(l.name()).isEqualTo("L");
      assertThat(rt.holds(l)).isFalse();
      rt.acquire(l);
      assertThat(rt.holds(l)).isTrue();
      ThreadRef t = rt.spawn("other", () -> assertThat(rt.holds(l)).isFalse());
      rt.release(l);
      rt.join(t);
    });
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
  }

  @Test
  void reacquiringAHeldLockIsASelfDeadlock() {
    Failure f = Explorer.explore(rt -> {
      LockRef l = rt.newLock("L");
      rt.acquire(l);
      rt.acquire(l);
    }).firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.DEADLOCK);
    assertThat(f.message()).isEqualTo("self-deadlock: thread 'main' acquires lock 'L' which it"
        + " already holds (locks are not reentrant)");
  }

  @Test
  void joiningOneselfIsASelfDeadlock() {
    Failure f = Explorer.explore(rt -> {
      ThreadRef[] me = new ThreadRef[1];
      LockRef l = rt.newLock("L");
      rt.acquire(l);
      me[0] = rt.spawn("t", () -> {
        rt.acquire(l);
        ThreadRef self = me[0];
        rt.release(l);
        rt.join(self);
      });
      rt.release(l);
    }).firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.DEADLOCK);
    assertThat(f.message()).isEqualTo("self-deadlock: thread 't' joins itself");
  }

  @Test
  void releasingALockNotHeldThrowsIntoTheProgram() {
    Failure f = Explorer.explore(rt -> rt.release(rt.newLock("L"))).firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.UNCAUGHT_EXCEPTION);
    assertThat(f.cause()).isInstanceOf(IllegalMonitorStateException.class);
    assertThat(f.message()).contains("releases lock 'L' which it does not hold");
  }

  @Test
  void uncaughtExceptionInAnyThreadIsAFailure() {
    Failure f = Explorer.explore(rt -> {
      rt.spawn("boom", () -> {
        throw new IllegalArgumentException("bad input");
      });
    }).firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.UNCAUGHT_EXCEPTION);
    assertThat(f.threadName()).isEqualTo("boom");
    assertThat(f.message()).isEqualTo("java.lang.IllegalArgumentException: bad input");
    assertThat(f.cause()).isInstanceOf(IllegalArgumentException.class);
    assertThat(f.payload()).isNull();
  }

  @Test
  void failCarriesThePayloadUntouchedAndDoesNotReturn() {
    Object payload = new Object();
    boolean[] after = {false};
    Failure f = Explorer.explore(rt -> {
      rt.fail("property violated", payload);
      after[0] = true;
    }).firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.ASSERTION);
    assertThat(f.payload()).isSameAs(payload);
    assertThat(after[0]).isFalse();
  }

  @Test
  void aProgramSwallowingTheAbortStillEnds() {
    SearchResult r = Explorer.explore(rt -> {
      try {
        rt.fail("first", null);
      } catch (Throwable swallowed) {
        // a badly written program: the next runtime call throws again
      }
      rt.yieldPoint("after");
    });
    assertThat(r.firstFailure().orElseThrow().message()).isEqualTo("first");
  }

  @Test
  void staleRuntimeIsRejected() {
    Runtime[] saved = new Runtime[1];
    LockRef[] lock = new LockRef[1];
    List<Throwable> errors = new ArrayList<>();
    Explorer.explore(rt -> {
      int v = rt.choose("run", 2);
      if (v == 0) {
        saved[0] = rt;
        lock[0] = rt.newLock("old");
      } else {
        try {
          rt.acquire(lock[0]);
        } catch (IllegalStateException e) {
          errors.add(e);
        }
        try {
          saved[0].yieldPoint("x");
        } catch (IllegalStateException e) {
          errors.add(e);
        }
      }
    });
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).hasMessageContaining("belongs to another execution");
    assertThat(errors.get(1)).hasMessageContaining("outside its own execution");
  }

  @Test
  void chooseValidatesArity() {
    Failure f = Explorer.explore(rt -> rt.choose("none", 0)).firstFailure().orElseThrow();
    assertThat(f.cause()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void awaitDeferredWaitsForDeferredThreadsTransitivelyButNotForPlainOnes() {
    Set<String> seen = new TreeSet<>();
    SearchResult r = Explorer.explore(rt -> {
      LockRef l = rt.newLock("L");
      StringBuilder log = new StringBuilder();
      rt.spawnDeferred("d1", () -> rt.spawnDeferred("d2", () -> {
        rt.acquire(l);
        log.append("d2");
        rt.release(l);
      }));
      ThreadRef plain = rt.spawn("plain", () -> {
        rt.acquire(l);
        log.append("p");
        rt.release(l);
      });
      rt.awaitDeferred();
      rt.acquire(l);
      seen.add(log.toString());
      rt.release(l);
      rt.join(plain);
    });
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(seen).containsExactly("d2", "d2p", "pd2"); // d2 always seen, p maybe
  }

  @Test
  void deferredThreadsThatNeverFinishAreADeadlockAtAwait() {
    Failure f = Explorer.explore(rt -> {
      LockRef l = rt.newLock("L");
      rt.acquire(l);
      rt.spawnDeferred("dpc", () -> rt.acquire(l));
      rt.awaitDeferred();
    }).firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.DEADLOCK);
    assertThat(f.message()).isEqualTo("deadlock: 'main' awaits deferred threads 'dpc'; 'dpc'"
        + " waits for lock 'L' held by 'main'");
  }

  @Test
  void threadsOutliveMainAndTheExecutionWaitsForThem() {
    List<String> ends = new ArrayList<>();
    SearchResult r = Explorer.explore(rt -> {
      LockRef l = rt.newLock("L");
      rt.spawn("late", () -> {
        rt.acquire(l);
        ends.add("late");
        rt.release(l);
      });
    });
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(ends).containsExactly("late");
  }

  @Test
  void moreThan64ThreadsIsAClearFailure() {
    Failure f = Explorer.explore(rt -> {
      for (int i = 0; i < 70; i++) {
        rt.spawn("t" + i, () -> {});
      }
    }).firstFailure().orElseThrow();
    assertThat(f.kind()).isEqualTo(FailureKind.UNCAUGHT_EXCEPTION);
    assertThat(f.message()).contains("more than 64 threads");
  }
}
