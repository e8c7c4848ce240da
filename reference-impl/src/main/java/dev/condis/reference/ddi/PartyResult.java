package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/**
 * What ProtocolCmMakeCall / ProtocolCmAddParty return: the status and the CallMgrPartyContext
 * out-parameter, which NDIS reads only when the handler finished synchronously with SUCCESS.
 * It is null on a point-to-point call (MAKE-5); on PENDING the context travels with the
 * completion instead.
 */
@PublicApi
public record PartyResult(NdisStatus status, CallMgrPartyContext callMgrPartyContext) {
  public static PartyResult of(NdisStatus status) {
    return new PartyResult(status, null);
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {status, callMgrPartyContext}; }
  private static final String[] NAMES = {"status", "callMgrPartyContext"};
  @Override public boolean equals(Object o) { return o instanceof PartyResult r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("PartyResult", NAMES, parts()); }
}
