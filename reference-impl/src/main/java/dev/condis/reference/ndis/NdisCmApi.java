package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;

/**
 * The NDIS functions a stand-alone call manager may call (NdisCmXxx and the NdisCo pair for
 * the VCs it creates). An MCM gets {@link NdisMcmApi} instead (GEN-10).
 */
@PublicApi
public interface NdisCmApi {

  /** NdisCoCreateVc for an incoming call: runs the client's ProtocolCoCreateVc. */
  VcCreation coCreateVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext);

  NdisStatus coDeleteVc(NdisVcHandle ndisVcHandle);

  NdisStatus cmActivateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters);

  NdisStatus cmDeactivateVc(NdisVcHandle ndisVcHandle);

  void cmMakeCallComplete(
      NdisStatus status,
      NdisVcHandle ndisVcHandle,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  void cmCloseCallComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle);

  void cmAddPartyComplete(
      NdisStatus status,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  void cmDropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle);

  NdisStatus cmDispatchIncomingCall(
      NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters);

  void cmDispatchCallConnected(NdisVcHandle ndisVcHandle);

  void cmDispatchIncomingCloseCall(
      NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData);

  void cmDispatchIncomingDropParty(
      NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData);
}
