package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/**
 * One outstanding request: opened when the request is made (GEN-8: before the call, so a
 * completion that overtakes the PENDING return still finds it) and consumed by exactly one
 * completion (GEN-1, GEN-2, GEN-6, GEN-7). {@code vc} and {@code party} name the handles
 * ("vc#3", "party#5", or "-").
 */
@PublicApi
public record RequestToken(int id, RequestKind kind, String vc, String party) {
  @Override
  public String toString() {
    return kind + "#" + id + "[" + vc + (party.equals("-") ? "" : "," + party) + "]";
  }

  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof RequestToken other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  private Object[] components() {
    return new Object[] {id, kind, vc, party};
  }
}
