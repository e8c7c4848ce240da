package dev.condis.reference.ndis;

import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.driver.NdisCmApi;
import dev.condis.reference.driver.VcCreation;

/**
 * The stand-alone call manager's NDIS functions: NdisCoCreateVc, NdisCoDeleteVc,
 * NdisCmActivateVc and NdisCmDeactivateVc here, the rest in {@link CallManagerApi}.
 */
final class CmApi extends CallManagerApi implements NdisCmApi {

  CmApi(Routers routers) {
    super(routers, Actor.CALL_MANAGER, "NdisCm");
  }

  @Override
  public VcCreation coCreateVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext) {
    return createVc("NdisCoCreateVc", ndisAfHandle, callMgrVcContext);
  }

  @Override
  public NdisStatus coDeleteVc(NdisVcHandle ndisVcHandle) {
    return deleteVc("NdisCoDeleteVc", ndisVcHandle);
  }

  @Override
  public NdisStatus cmActivateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    return activateVc(ndisVcHandle, callParameters);
  }

  @Override
  public NdisStatus cmDeactivateVc(NdisVcHandle ndisVcHandle) {
    return deactivateVc(ndisVcHandle);
  }
}
