package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/** When and on which thread an event happened: its position in the run and the acting thread. */
@PublicApi
public record Stamp(long seq, String thread) {
  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof Stamp other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  @Override
  public String toString() {
    return RecordMethods.text("Stamp", NAMES, components());
  }

  private Object[] components() {
    return new Object[] {seq, thread};
  }

  private static final String[] NAMES = {"seq", "thread"};
}
