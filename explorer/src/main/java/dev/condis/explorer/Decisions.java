package dev.condis.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An execution's decisions packed in longs (no allocation per decision). */
final class Decisions {
  private static final long CHOICE = 1L << 62;
  private long[] a = new long[16];
  private int size;

  static long pick(int thread) {
    return thread;
  }

  static long choice(int value, int arity) {
    return CHOICE | ((long) arity << 31) | value;
  }

  void add(long d) {
    if (size == a.length) {
      a = Arrays.copyOf(a, size * 2);
    }
    a[size++] = d;
  }

  Schedule toSchedule() {
    List<Schedule.Decision> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      long d = a[i];
      out.add((d & CHOICE) != 0
          ? new Schedule.Choice((int) (d & 0x7fffffffL), (int) ((d & ~CHOICE) >>> 31))
          : new Schedule.Pick((int) d));
    }
    return Schedule.of(out);
  }
}
