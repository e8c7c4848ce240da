package dev.condis.explorer;

/**
 * A yield-point label of one execution: a shared location, written at {@link OpKind#YIELD}s and
 * read at {@link OpKind#READ}s. A write happens after the last write and every read since; a
 * read after the last write only.
 */
final class Label {
  final String name;
  /** The clock of the last write. */
  final VectorClock clock = new VectorClock();
  /** The join of the clocks of the reads since the last write. */
  final VectorClock readsClock = new VectorClock();
  /** Trace index of the last write, or -1. */
  int lastWrite = -1;
  /** Trace indices of the reads since the last write. */
  final IntList readsSinceWrite = new IntList();

  Label(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}
