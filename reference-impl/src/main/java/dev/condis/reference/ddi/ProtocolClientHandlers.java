package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The handlers a CoNDIS client registers with NDIS (ProtocolClXxx, ProtocolCoXxx). NDIS calls
 * them, possibly from a call manager's deferred-completion thread, possibly nested inside the
 * client's own request (GEN-8, GEN-9).
 */
@PublicApi
public interface ProtocolClientHandlers {

  /** ProtocolCoCreateVc for a VC a call manager creates for an incoming call. Never PENDING. */
  CreateVcResult<ProtocolVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle);

  /** ProtocolCoDeleteVc: release the per-VC context (VC-9, VC-11). Never PENDING. */
  NdisStatus protocolCoDeleteVc(ProtocolVcContext protocolVcContext);

  void protocolClMakeCallComplete(
      NdisStatus status,
      ProtocolVcContext protocolVcContext,
      NdisPartyHandle ndisPartyHandle,
      CallParameters callParameters);

  void protocolClCloseCallComplete(
      NdisStatus status,
      ProtocolVcContext protocolVcContext,
      ProtocolPartyContext protocolPartyContext);

  void protocolClAddPartyComplete(
      NdisStatus status,
      ProtocolPartyContext protocolPartyContext,
      NdisPartyHandle ndisPartyHandle,
      CallParameters callParameters);

  void protocolClDropPartyComplete(NdisStatus status, ProtocolPartyContext protocolPartyContext);

  /** SUCCESS accepts, PENDING answers later via NdisClIncomingCallComplete, else rejects. */
  NdisStatus protocolClIncomingCall(
      ProtocolVcContext protocolVcContext, CallParameters callParameters);

  void protocolClIncomingCloseCall(
      NdisStatus closeStatus, ProtocolVcContext protocolVcContext, CloseData closeData);

  void protocolClIncomingDropParty(
      NdisStatus dropStatus, ProtocolPartyContext protocolPartyContext, CloseData closeData);

  void protocolClCallConnected(ProtocolVcContext protocolVcContext);
}
