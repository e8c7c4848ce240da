package dev.condis.reference.ndis;

import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.driver.NdisMcmApi;
import dev.condis.reference.driver.VcCreation;

/**
 * The MCM's NDIS functions (NdisMCmXxx only, GEN-10): VC creation, deletion, activation and
 * deactivation here, the rest in {@link CallManagerApi}.
 */
final class McmApi extends CallManagerApi implements NdisMcmApi {

  McmApi(Routers routers) {
    super(routers, Actor.MCM, "NdisMCm");
  }

  @Override
  public VcCreation mcmCreateVc(NdisAfHandle ndisAfHandle, CallMgrVcContext miniportVcContext) {
    return createVc("NdisMCmCreateVc", ndisAfHandle, miniportVcContext);
  }

  @Override
  public NdisStatus mcmDeleteVc(NdisVcHandle ndisVcHandle) {
    return deleteVc("NdisMCmDeleteVc", ndisVcHandle);
  }

  @Override
  public NdisStatus mcmActivateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    return activateVc(ndisVcHandle, callParameters);
  }

  @Override
  public NdisStatus mcmDeactivateVc(NdisVcHandle ndisVcHandle) {
    return deactivateVc(ndisVcHandle);
  }
}
