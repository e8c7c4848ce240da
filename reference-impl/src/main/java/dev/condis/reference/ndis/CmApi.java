package dev.condis.reference.ndis;

import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.event.Actor;

/** The stand-alone call manager's NDIS functions (NdisCmXxx, NdisCoCreateVc, NdisCoDeleteVc). */
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

  @Override
  public void cmMakeCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext, CallParameters callParameters) {
    makeCallComplete(status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters);
  }

  @Override
  public void cmCloseCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle) {
    closeCallComplete(status, ndisVcHandle, ndisPartyHandle);
  }

  @Override
  public void cmAddPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext, CallParameters callParameters) {
    addPartyComplete(status, ndisPartyHandle, callMgrPartyContext, callParameters);
  }

  @Override
  public void cmDropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
    dropPartyComplete(status, ndisPartyHandle);
  }

  @Override
  public NdisStatus cmDispatchIncomingCall(
      NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    return dispatchIncomingCall(ndisSapHandle, ndisVcHandle, callParameters);
  }

  @Override
  public void cmDispatchCallConnected(NdisVcHandle ndisVcHandle) {
    dispatchCallConnected(ndisVcHandle);
  }

  @Override
  public void cmDispatchIncomingCloseCall(NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData) {
    dispatchIncomingCloseCall(closeStatus, ndisVcHandle, closeData);
  }

  @Override
  public void cmDispatchIncomingDropParty(NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
    dispatchIncomingDropParty(dropStatus, ndisPartyHandle, closeData);
  }
}
