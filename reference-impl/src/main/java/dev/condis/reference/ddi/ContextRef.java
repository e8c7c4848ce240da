package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/**
 * An immutable reference to one tracked allocation, as events and reports carry it.
 *
 * @param tag the pool tag the driver chose: why it allocated, e.g. "client.makeCall"
 * @param owner the driver whose tracker allocated it ({@code ContextTracker#forOwner}); null
 *     for a context not yet allocated
 */
@PublicApi
public record ContextRef(ContextKind kind, int id, String tag, Actor owner) {
  @Override
  public String toString() {
    return kind.ndisName() + "#" + id + "(" + tag + ")";
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {kind, id, tag, owner}; }
  @Override public boolean equals(Object o) { return o instanceof ContextRef r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
}
