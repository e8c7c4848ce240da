package dev.condis.reference.ndis;

import dev.condis.reference.context.CallParameters;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.driver.NdisMiniportApi;

/** The miniport's NDIS functions (beneath a stand-alone call manager), as {@link Actor#MINIPORT}. */
final class MiniportApi implements NdisMiniportApi {
  private final Routers r;

  MiniportApi(Routers routers) {
    this.r = routers;
  }

  @Override
  public void mCoActivateVcComplete(NdisStatus status, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    r.core().apiVoid(Actor.MINIPORT, "NdisMCoActivateVcComplete", Fmt.args(status, ndisVcHandle, callParameters),
        call -> r.activation().activateComplete(call, status, ndisVcHandle, callParameters));
  }

  @Override
  public void mCoDeactivateVcComplete(NdisStatus status, NdisVcHandle ndisVcHandle) {
    r.core().apiVoid(Actor.MINIPORT, "NdisMCoDeactivateVcComplete", Fmt.args(status, ndisVcHandle),
        call -> r.activation().deactivateComplete(call, status, ndisVcHandle));
  }
}
