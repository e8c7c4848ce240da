package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The NDIS functions a CoNDIS client may call (NdisClXxx and the NdisCo pair). */
@PublicApi
public interface NdisClientApi {

  /** NdisCoCreateVc: runs the call manager's ProtocolCoCreateVc synchronously. */
  VcCreation coCreateVc(NdisAfHandle ndisAfHandle, ProtocolVcContext protocolVcContext);

  /** NdisCoDeleteVc on a client-created VC: runs the call manager's ProtocolCoDeleteVc. */
  NdisStatus coDeleteVc(NdisVcHandle ndisVcHandle);

  /** {@code protocolPartyContext} non-null makes the call multipoint (its first party). */
  PartyCreation clMakeCall(
      NdisVcHandle ndisVcHandle,
      CallParameters callParameters,
      ProtocolPartyContext protocolPartyContext);

  /** {@code ndisPartyHandle}: the last party's, or null on a point-to-point VC (CLOSE-2). */
  NdisStatus clCloseCall(
      NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle, CloseData closeData);

  PartyCreation clAddParty(
      NdisVcHandle ndisVcHandle,
      ProtocolPartyContext protocolPartyContext,
      CallParameters callParameters);

  NdisStatus clDropParty(NdisPartyHandle ndisPartyHandle, CloseData closeData);

  /** Answers an incoming call the client pended in ProtocolClIncomingCall (GEN-7). */
  void clIncomingCallComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, CallParameters callParameters);

  /**
   * Sends data on the VC (NdisCoSendNetBufferLists, reduced to its handle checks): legal only
   * on a connected call (MAKE-7, CLOSE-3, ICLOSE-2, INCALL-6).
   */
  NdisStatus coSendNetBufferLists(NdisVcHandle ndisVcHandle);
}
