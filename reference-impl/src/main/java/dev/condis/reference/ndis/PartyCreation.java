package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/**
 * NdisClMakeCall / NdisClAddParty: the status and the NdisPartyHandle out-variable. The handle
 * is meaningful only once the request has completed with SUCCESS (MAKE-6, ADD-4); it is null
 * on a point-to-point make-call.
 */
@PublicApi
public record PartyCreation(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof PartyCreation other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  @Override
  public String toString() {
    return RecordMethods.text("PartyCreation", NAMES, components());
  }

  private Object[] components() {
    return new Object[] {status, ndisPartyHandle};
  }

  private static final String[] NAMES = {"status", "ndisPartyHandle"};
}
