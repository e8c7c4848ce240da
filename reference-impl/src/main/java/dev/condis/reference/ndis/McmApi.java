package dev.condis.reference.ndis;

import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.event.Actor;

/** The MCM's NDIS functions (NdisMCmXxx only, GEN-10). */
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

  @Override
  public void mcmMakeCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext, CallParameters callParameters) {
    makeCallComplete(status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters);
  }

  @Override
  public void mcmCloseCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle) {
    closeCallComplete(status, ndisVcHandle, ndisPartyHandle);
  }

  @Override
  public void mcmAddPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext, CallParameters callParameters) {
    addPartyComplete(status, ndisPartyHandle, callMgrPartyContext, callParameters);
  }

  @Override
  public void mcmDropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
    dropPartyComplete(status, ndisPartyHandle);
  }

  @Override
  public NdisStatus mcmDispatchIncomingCall(
      NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    return dispatchIncomingCall(ndisSapHandle, ndisVcHandle, callParameters);
  }

  @Override
  public void mcmDispatchCallConnected(NdisVcHandle ndisVcHandle) {
    dispatchCallConnected(ndisVcHandle);
  }

  @Override
  public void mcmDispatchIncomingCloseCall(NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData) {
    dispatchIncomingCloseCall(closeStatus, ndisVcHandle, closeData);
  }

  @Override
  public void mcmDispatchIncomingDropParty(NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
    dispatchIncomingDropParty(dropStatus, ndisPartyHandle, closeData);
  }
}
