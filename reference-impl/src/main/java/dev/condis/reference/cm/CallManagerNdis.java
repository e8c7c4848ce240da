package dev.condis.reference.cm;

import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisPartyHandle;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.ndis.NdisStatus;
import dev.condis.reference.ndis.NdisVcHandle;
import dev.condis.reference.ndis.VcCreation;

/**
 * The NDIS functions {@link CallManagerCore} calls, in one shape for both kinds of call
 * manager. A stand-alone CM maps them onto NdisCmXxx and the NdisCo pair, an MCM onto
 * NdisMCmXxx (GEN-10). NDIS's completion side is the same for both (§1.1: the NdisMCm
 * completion macros forward to the NdisCm functions); only VC creation, deletion, activation
 * and deactivation really differ. The documents' mislabelled cross-references (OQ-25) do not
 * blur that split: a stand-alone CM never calls an NdisMCm function, nor an MCM an NdisCm one.
 */
public interface CallManagerNdis {

  /** NdisCoCreateVc (CM) / NdisMCmCreateVc (MCM) for an incoming call (INCALL-1). */
  VcCreation createVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext);

  /** NdisCoDeleteVc (CM) / NdisMCmDeleteVc (MCM) on a VC this call manager created (VC-4). */
  NdisStatus deleteVc(NdisVcHandle ndisVcHandle);

  /** Ndis(M)CmActivateVc: PENDING means ProtocolCmActivateVcComplete follows once (GEN-6). */
  NdisStatus activateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters);

  /** Ndis(M)CmDeactivateVc: PENDING means ProtocolCmDeactivateVcComplete follows once. */
  NdisStatus deactivateVc(NdisVcHandle ndisVcHandle);

  void makeCallComplete(
      NdisStatus status,
      NdisVcHandle ndisVcHandle,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  void closeCallComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle);

  void addPartyComplete(
      NdisStatus status,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  void dropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle);

  NdisStatus dispatchIncomingCall(
      NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters);

  void dispatchCallConnected(NdisVcHandle ndisVcHandle);

  void dispatchIncomingCloseCall(
      NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData);

  void dispatchIncomingDropParty(
      NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData);
}
