package dev.condis.explorer;

import java.util.Arrays;

/** A growable list of ints without boxing. */
final class IntList {
  private int[] a = new int[8];
  private int size;

  void add(int v) {
    if (size == a.length) {
      a = Arrays.copyOf(a, size * 2);
    }
    a[size++] = v;
  }

  int get(int i) {
    return a[i];
  }

  void clear() {
    size = 0;
  }

  int size() {
    return size;
  }
}
