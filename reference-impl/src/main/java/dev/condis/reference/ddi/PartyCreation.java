package dev.condis.reference.ddi;

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
  private Object[] parts() { return new Object[] {status, ndisPartyHandle}; }
  private static final String[] NAMES = {"status", "ndisPartyHandle"};
  @Override public boolean equals(Object o) { return o instanceof PartyCreation r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("PartyCreation", NAMES, parts()); }
}
