package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/** When and on which thread an event happened: its position in the run and the acting thread. */
@PublicApi
public record Stamp(long seq, String thread) {
  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {seq, thread}; }
  private static final String[] NAMES = {"seq", "thread"};
  @Override public boolean equals(Object o) { return o instanceof Stamp r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("Stamp", NAMES, parts()); }
}
