package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;
import java.util.Objects;

/**
 * NdisClMakeCall / NdisClAddParty: the status and the NdisPartyHandle out-variable. The handle
 * is meaningful only once the request has completed with SUCCESS (MAKE-6, ADD-4); it is null
 * on a point-to-point make-call.
 */
@PublicApi
public record PartyCreation(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof PartyCreation other
        && Objects.equals(status, other.status)
        && Objects.equals(ndisPartyHandle, other.ndisPartyHandle);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(status);
    h = 31 * h + Objects.hashCode(ndisPartyHandle);
    return h;
  }

  @Override
  public String toString() {
    return "PartyCreation[status=" + status + ", ndisPartyHandle=" + ndisPartyHandle + "]";
  }
}
