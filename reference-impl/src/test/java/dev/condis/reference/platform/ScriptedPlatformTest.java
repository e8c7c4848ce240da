package dev.condis.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.reference.platform.ScriptedPlatform.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptedPlatformTest {

  @Test
  void choicesFollowTheScriptThenZero() {
    ScriptedPlatform platform = ScriptedPlatform.withChoices(1, 0, 2);
    assertThat(platform.choose("a", 2)).isEqualTo(1);
    assertThat(platform.choose("b", 2)).isEqualTo(0);
    assertThat(platform.choose("c", 3)).isEqualTo(2);
    assertThat(platform.choose("d", 4)).isEqualTo(0);
    assertThat(platform.choices())
        .containsExactly(new Choice("a", 2, 1), new Choice("b", 2, 0), new Choice("c", 3, 2), new Choice("d", 4, 0));
  }

  @Test
  void labelledChoicesWinOverTheSequence() {
    ScriptedPlatform platform = ScriptedPlatform.withChoices(Map.of("cm.pend", 1), 2);
    assertThat(platform.choose("cm.pend", 2)).isEqualTo(1);
    assertThat(platform.choose("other", 3)).isEqualTo(2);
    assertThat(platform.choose("cm.pend", 2)).isEqualTo(1);
    assertThat(platform.choose("other", 3)).isEqualTo(0);
  }

  @Test
  void scriptedValueOutOfRangeIsATestBug() {
    ScriptedPlatform platform = ScriptedPlatform.withChoices(5);
    assertThatThrownBy(() -> platform.choose("x", 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside [0, 2)");
  }

  @Test
  void deferredCallsRunInFifoOrderIncludingThoseQueuedMeanwhile() {
    ScriptedPlatform platform = new ScriptedPlatform();
    List<String> ran = new ArrayList<>();
    platform.queueDeferred("a", () -> {
      ran.add(platform.currentThreadName());
      platform.queueDeferred("c", () -> ran.add(platform.currentThreadName()));
    });
    platform.queueDeferred("b", () -> ran.add(platform.currentThreadName()));
    assertThat(ran).isEmpty();
    assertThat(platform.pendingCount()).isEqualTo(2);
    platform.awaitDeferred();
    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(platform.pendingCount()).isZero();
    assertThat(platform.currentThreadName()).isEqualTo("main");
  }

  @Test
  void runNextDeferredSteps() {
    ScriptedPlatform platform = new ScriptedPlatform();
    List<String> ran = new ArrayList<>();
    platform.queueDeferred("a", () -> ran.add("a"));
    platform.queueDeferred("b", () -> ran.add("b"));
    assertThat(platform.runNextDeferred()).isTrue();
    assertThat(ran).containsExactly("a");
    assertThat(platform.runNextDeferred()).isTrue();
    assertThat(platform.runNextDeferred()).isFalse();
    assertThat(ran).containsExactly("a", "b");
  }

  @Test
  void startedThreadRunsWhenJoinedOrAtAwaitDeferred() {
    ScriptedPlatform platform = new ScriptedPlatform();
    List<String> ran = new ArrayList<>();
    platform.queueDeferred("dpc", () -> ran.add("dpc"));
    ThreadHandle t1 = platform.startThread("t1", () -> ran.add("t1"));
    platform.startThread("t2", () -> ran.add("t2"));
    platform.join(t1); // ahead of its FIFO position
    platform.join(t1); // already ran: nothing happens
    assertThat(ran).containsExactly("t1");
    platform.awaitDeferred();
    assertThat(ran).containsExactly("t1", "dpc", "t2");
  }

  @Test
  void locksAreNotReentrantAndOwnedPerThread() {
    ScriptedPlatform platform = new ScriptedPlatform();
    PlatformLock lock = platform.newLock("ndis");
    platform.lock(lock);
    assertThat(platform.holdsLock(lock)).isTrue();
    assertThatThrownBy(() -> platform.lock(lock)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not reentrant");
    List<Boolean> seen = new ArrayList<>();
    platform.join(platform.startThread("other", () -> seen.add(platform.holdsLock(lock))));
    assertThat(seen).containsExactly(false);
    ThreadHandle blocked = platform.startThread("blocked", () -> platform.lock(lock));
    assertThatThrownBy(() -> platform.join(blocked)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deadlock");
    platform.unlock(lock);
    assertThatThrownBy(() -> platform.unlock(lock)).isInstanceOf(IllegalStateException.class);
  }
}
