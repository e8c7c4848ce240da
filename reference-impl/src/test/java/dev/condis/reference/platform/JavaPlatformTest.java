package dev.condis.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JavaPlatformTest {
  private final JavaPlatform platform = new JavaPlatform();

  @Test
  void outsideJpfTheBookkeepingAlwaysKeepsItsMonitor() {
    // Real threads could switch inside event delivery: only JPF may drop the monitor.
    assertThat(JavaPlatform.underJpf()).isFalse();
    assertThat(JavaPlatform.forJpfSynchronisationOrders().bookkeepingNeedsMonitor()).isTrue();
    assertThat(new JavaPlatform().bookkeepingNeedsMonitor()).isTrue();
  }

  @Test
  void lockIsNotReentrant() {
    PlatformLock lock = platform.newLock("ndis");
    platform.lock(lock);
    assertThat(platform.holdsLock(lock)).isTrue();
    assertThatThrownBy(() -> platform.lock(lock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not reentrant");
    platform.unlock(lock);
    assertThat(platform.holdsLock(lock)).isFalse();
  }

  @Test
  void unlockingALockNotHeldIsAnError() {
    PlatformLock lock = platform.newLock("l");
    assertThatThrownBy(() -> platform.unlock(lock)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void holdsLockIsPerThread() {
    PlatformLock lock = platform.newLock("l");
    platform.lock(lock);
    AtomicBoolean otherSees = new AtomicBoolean(true);
    platform.join(platform.startThread("other", () -> otherSees.set(platform.holdsLock(lock))));
    platform.unlock(lock);
    assertThat(otherSees).isFalse();
  }

  @Test
  void lockGivesMutualExclusion() {
    PlatformLock lock = platform.newLock("counter");
    int[] counter = {0};
    Runnable work = () -> {
      for (int i = 0; i < 2000; i++) {
        platform.lock(lock);
        counter[0]++;
        platform.unlock(lock);
      }
    };
    ThreadHandle a = platform.startThread("a", work);
    ThreadHandle b = platform.startThread("b", work);
    platform.join(a);
    platform.join(b);
    platform.lock(lock);
    assertThat(counter[0]).isEqualTo(4000);
    platform.unlock(lock);
  }

  @Test
  void awaitDeferredJoinsDeferredCallsQueuedMeanwhile() {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    platform.queueDeferred("dpc1", () -> {
      ran.add(platform.currentThreadName());
      platform.queueDeferred("dpc2", () -> {
        ran.add(platform.currentThreadName());
        platform.queueDeferred("dpc3", () -> ran.add(platform.currentThreadName()));
      });
    });
    platform.awaitDeferred();
    assertThat(ran).containsExactly("dpc1", "dpc2", "dpc3");
  }

  @Test
  void harnessThreadIsMain() {
    assertThat(platform.currentThreadName()).isEqualTo("main");
  }

  @Test
  void failureInADeferredCallIsRethrownByAwaitDeferred() {
    platform.queueDeferred("bad", () -> {
      throw new IllegalArgumentException("driver bug");
    });
    assertThatThrownBy(platform::awaitDeferred).isInstanceOf(IllegalArgumentException.class).hasMessage("driver bug");
  }

  @Test
  void choiceComesFromTheChooserOutsideJpf() {
    assertThat(JavaPlatform.underJpf()).isFalse();
    List<String> asked = new ArrayList<>();
    JavaPlatform scripted = new JavaPlatform((label, n) -> {
      asked.add(label + "/" + n);
      return n - 1;
    });
    assertThat(scripted.choose("cm.makeCall.pend", 3)).isEqualTo(2);
    assertThat(scripted.choose("single", 1)).isZero(); // nothing to choose: the chooser is not asked
    assertThat(asked).containsExactly("cm.makeCall.pend/3");
  }

  @Test
  void chooserOutOfRangeIsAnError() {
    JavaPlatform broken = new JavaPlatform((label, n) -> n);
    assertThatThrownBy(() -> broken.choose("x", 2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> broken.choose("x", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultChooserIsSeededAndRepeatable() {
    JavaPlatform one = new JavaPlatform(42);
    JavaPlatform two = new JavaPlatform(42);
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      first.add(one.choose("c", 5));
      second.add(two.choose("c", 5));
    }
    assertThat(first).isEqualTo(second).allMatch(v -> v >= 0 && v < 5);
  }
}
