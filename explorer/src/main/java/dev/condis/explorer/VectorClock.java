package dev.condis.explorer;

import java.util.Arrays;

/** A mutable vector clock indexed by thread id: entry t counts t's transitions that happen before. */
final class VectorClock {
  private int[] c = new int[4];

  int get(int thread) {
    return thread < c.length ? c[thread] : 0;
  }

  /** Counts one more transition of {@code thread}; returns its sequence number (1-based). */
  int tick(int thread) {
    grow(thread + 1);
    return ++c[thread];
  }

  void join(VectorClock other) {
    int[] o = other.c;
    grow(o.length);
    for (int i = 0; i < o.length; i++) {
      if (o[i] > c[i]) {
        c[i] = o[i];
      }
    }
  }

  void copyFrom(VectorClock other) {
    grow(other.c.length);
    System.arraycopy(other.c, 0, c, 0, other.c.length);
    Arrays.fill(c, other.c.length, c.length, 0);
  }

  void clear() {
    Arrays.fill(c, 0);
  }

  /** A copy of the first {@code n} entries. */
  int[] snapshot(int n) {
    int[] out = new int[n];
    System.arraycopy(c, 0, out, 0, Math.min(n, c.length));
    return out;
  }

  private void grow(int n) {
    if (n > c.length) {
      c = Arrays.copyOf(c, Math.max(n, c.length * 2));
    }
  }
}
