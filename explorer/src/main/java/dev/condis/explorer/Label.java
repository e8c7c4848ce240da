package dev.condis.explorer;

/** A yield-point label of one execution: its last clock and the trace indices of its yields. */
final class Label {
  final String name;
  final VectorClock clock = new VectorClock();
  final IntList events = new IntList();

  Label(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return name;
  }
}
