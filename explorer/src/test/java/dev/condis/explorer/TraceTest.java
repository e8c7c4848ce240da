package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trace's starting size: sized by the longest execution so far, but never by a runaway one. */
class TraceTest {

  @Test
  void startsAsLongAsTheHintWithinBounds() {
    assertThat(new Trace(0).capacity()).isEqualTo(32);
    assertThat(new Trace(300).capacity()).isEqualTo(300);
    // A livelocking execution runs up to the step bound (a million by default): the next
    // executions must not each allocate arrays that long.
    assertThat(new Trace(1_000_000).capacity()).isEqualTo(Trace.MAX_INITIAL_CAPACITY);
  }

  @Test
  void growsPastItsStartingSizeKeepingEveryTransition() {
    Trace t = new Trace(0);
    for (int i = 0; i < 100; i++) {
      int n = t.next();
      t.record(n, i % 3, i, 1L << (i % 3), null, null, OpKind.YIELD, null);
    }
    assertThat(t.length()).isEqualTo(100);
    assertThat(t.capacity()).isGreaterThanOrEqualTo(100);
    for (int i = 0; i < 100; i++) {
      assertThat(t.thread(i)).isEqualTo(i % 3);
      assertThat(t.enabled(i)).isEqualTo(1L << (i % 3));
    }
  }
}
