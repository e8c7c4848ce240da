package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.ndis.NdisStatus;
import java.util.Objects;

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

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof PartyResult other
        && Objects.equals(status, other.status)
        && Objects.equals(callMgrPartyContext, other.callMgrPartyContext);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(status);
    h = 31 * h + Objects.hashCode(callMgrPartyContext);
    return h;
  }

  @Override
  public String toString() {
    return "PartyResult[status=" + status + ", callMgrPartyContext=" + callMgrPartyContext + "]";
  }
}
