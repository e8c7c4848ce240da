package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The NDIS functions a miniport with an integrated call manager may call (NdisMCmXxx). Its
 * completions and dispatches are the NdisCm routines of {@link NdisCallManagerApi} (the NDIS
 * header's macros, §1.1), kept here under their NdisMCm names; creation, deletion, activation
 * and deactivation differ from a stand-alone call manager's (GEN-10).
 */
@PublicApi
public interface NdisMcmApi extends NdisCallManagerApi {

  /** NdisMCmCreateVc; for an MCM its MiniportVcContext is its CallMgrVcContext. */
  VcCreation mcmCreateVc(NdisAfHandle ndisAfHandle, CallMgrVcContext miniportVcContext);

  NdisStatus mcmDeleteVc(NdisVcHandle ndisVcHandle);

  /**
   * Synchronous from NDIS's point of view (decision for OQ-10): the MCM's miniport half is
   * internal, so this returns a final status and NDIS calls no ProtocolCmActivateVcComplete;
   * the MCM runs that logic itself (GEN-6).
   */
  NdisStatus mcmActivateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters);

  /**
   * Synchronous like {@link #mcmActivateVc} (OQ-10): SUCCESS, or NOT_ACCEPTED for a VC that is
   * not active (a redundant deactivation, reported as VC-15). NDIS calls no
   * ProtocolCmDeactivateVcComplete.
   */
  NdisStatus mcmDeactivateVc(NdisVcHandle ndisVcHandle);

  // The NDIS header's macros (§1.1): each NdisMCmXxx below is the NdisCm function of the same
  // name, recorded as NdisMCmXxx because an MCM called it.

  default void mcmMakeCallComplete(
      NdisStatus status,
      NdisVcHandle ndisVcHandle,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters) {
    cmMakeCallComplete(status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters);
  }

  default void mcmCloseCallComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle) {
    cmCloseCallComplete(status, ndisVcHandle, ndisPartyHandle);
  }

  default void mcmAddPartyComplete(
      NdisStatus status,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters) {
    cmAddPartyComplete(status, ndisPartyHandle, callMgrPartyContext, callParameters);
  }

  default void mcmDropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
    cmDropPartyComplete(status, ndisPartyHandle);
  }

  default NdisStatus mcmDispatchIncomingCall(
      NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    return cmDispatchIncomingCall(ndisSapHandle, ndisVcHandle, callParameters);
  }

  default void mcmDispatchCallConnected(NdisVcHandle ndisVcHandle) {
    cmDispatchCallConnected(ndisVcHandle);
  }

  default void mcmDispatchIncomingCloseCall(
      NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData) {
    cmDispatchIncomingCloseCall(closeStatus, ndisVcHandle, closeData);
  }

  default void mcmDispatchIncomingDropParty(
      NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
    cmDispatchIncomingDropParty(dropStatus, ndisPartyHandle, closeData);
  }
}
