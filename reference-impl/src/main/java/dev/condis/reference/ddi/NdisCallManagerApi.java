package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The NDIS functions both kinds of call manager call: the completions of the client's requests
 * and the dispatches of what the network did. NDIS runs one routine for each, whichever kind
 * calls it: the NDIS header defines NdisMCmMakeCallComplete and its siblings as macros for the
 * NdisCm functions (§1.1), and {@link NdisMcmApi} keeps those names as default methods. Only
 * VC creation, deletion, activation and deactivation differ per kind ({@link NdisCmApi},
 * {@link NdisMcmApi}, GEN-10). A call is recorded under the caller's name: NdisCmXxx from a
 * stand-alone call manager, NdisMCmXxx from an MCM.
 */
@PublicApi
public interface NdisCallManagerApi {

  /** NdisCmMakeCallComplete: completes a pended ProtocolCmMakeCall (GEN-2). */
  void cmMakeCallComplete(
      NdisStatus status,
      NdisVcHandle ndisVcHandle,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  /** NdisCmCloseCallComplete: completes a pended ProtocolCmCloseCall (GEN-2). */
  void cmCloseCallComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle);

  /** NdisCmAddPartyComplete: completes a pended ProtocolCmAddParty (GEN-2). */
  void cmAddPartyComplete(
      NdisStatus status,
      NdisPartyHandle ndisPartyHandle,
      CallMgrPartyContext callMgrPartyContext,
      CallParameters callParameters);

  /** NdisCmDropPartyComplete: completes a pended ProtocolCmDropParty (GEN-2). */
  void cmDropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle);

  /** NdisCmDispatchIncomingCall: offers a call on a VC this call manager created (INCALL-1). */
  NdisStatus cmDispatchIncomingCall(
      NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters);

  /** NdisCmDispatchCallConnected: the accepted incoming call is connected (INCALL-6). */
  void cmDispatchCallConnected(NdisVcHandle ndisVcHandle);

  /** NdisCmDispatchIncomingCloseCall: the network closed the call; SUCCESS for a normal close (ICLOSE-1). */
  void cmDispatchIncomingCloseCall(
      NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData);

  /** NdisCmDispatchIncomingDropParty: the network dropped a party; only while others remain (IDROP-1). */
  void cmDispatchIncomingDropParty(
      NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData);
}
