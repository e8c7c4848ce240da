package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;

/**
 * The NDIS functions a miniport with an integrated call manager may call (NdisMCmXxx). The
 * completion side forwards to the same routines as {@link NdisCmApi} (the NDIS header's
 * macros, §1.1); creation, deletion, activation and deactivation differ.
 */
@PublicApi
public interface NdisMcmApi {

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

  void mcmMakeCallComplete(
      NdisStatus status,
      NdisVcHandle ndisVcHandle,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  void mcmCloseCallComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle);

  void mcmAddPartyComplete(
      NdisStatus status,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  void mcmDropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle);

  NdisStatus mcmDispatchIncomingCall(
      NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters);

  void mcmDispatchCallConnected(NdisVcHandle ndisVcHandle);

  void mcmDispatchIncomingCloseCall(
      NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData);

  void mcmDispatchIncomingDropParty(
      NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData);
}
