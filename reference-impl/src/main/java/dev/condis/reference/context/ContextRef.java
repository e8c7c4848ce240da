package dev.condis.reference.context;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/** An immutable reference to one tracked allocation, as events and reports carry it. */
@PublicApi
public record ContextRef(ContextKind kind, int id, String tag) {
  @Override
  public String toString() {
    return kind.ndisName() + "#" + id + "(" + tag + ")";
  }

  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof ContextRef other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  private Object[] components() {
    return new Object[] {kind, id, tag};
  }
}
