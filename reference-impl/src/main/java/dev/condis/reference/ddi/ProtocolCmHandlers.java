package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The handlers of a call manager, stand-alone (CM) or integrated in a miniport (MCM): NDIS
 * calls the same ProtocolCmXxx / ProtocolCoXxx set for both (§1.1); they differ in the NDIS
 * functions they may call (GEN-10), see {@code NdisCmApi} and {@code NdisMcmApi}.
 */
@PublicApi
public interface ProtocolCmHandlers {

  /** ProtocolCoCreateVc for a client-created VC. Never PENDING (GEN-5). */
  CreateVcResult<CallMgrVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle);

  /** ProtocolCoDeleteVc for a client-created VC: free CallMgrVcContext (VC-9, VC-10). */
  NdisStatus protocolCoDeleteVc(CallMgrVcContext callMgrVcContext);

  /** {@code ndisPartyHandle} is null on a point-to-point call. */
  PartyResult protocolCmMakeCall(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle);

  /** {@code callMgrPartyContext} is the last party's, or null on a point-to-point call. */
  NdisStatus protocolCmCloseCall(
      CallMgrVcContext callMgrVcContext,
      CallMgrPartyContext callMgrPartyContext,
      CloseData closeData);

  PartyResult protocolCmAddParty(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle);

  NdisStatus protocolCmDropParty(CallMgrPartyContext callMgrPartyContext, CloseData closeData);

  void protocolCmIncomingCallComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext, CallParameters callParameters);

  void protocolCmActivateVcComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext, CallParameters callParameters);

  void protocolCmDeactivateVcComplete(NdisStatus status, CallMgrVcContext callMgrVcContext);
}
