package dev.condis.reference.driver;

import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.ndis.NdisStatus;

/**
 * What ProtocolCmMakeCall / ProtocolCmAddParty return: the status and the CallMgrPartyContext
 * out-parameter, which NDIS reads only when the handler finished synchronously with SUCCESS.
 * It is null on a point-to-point call (MAKE-5); on PENDING the context travels with the
 * completion instead.
 */
public record PartyResult(NdisStatus status, CallMgrPartyContext callMgrPartyContext) {
  public static PartyResult of(NdisStatus status) {
    return new PartyResult(status, null);
  }
}
