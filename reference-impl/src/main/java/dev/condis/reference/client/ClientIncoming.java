package dev.condis.reference.client;

import dev.condis.reference.client.ClientParty.State;
import dev.condis.reference.client.ClientVc.Call;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.platform.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * What the remote side starts, as the reference client handles it: incoming calls (§2.7),
 * incoming closes (§2.3) and incoming drops (§2.6). Offers are accepted, pended or rejected
 * through {@code client.incomingCall.answer}; a pended one is answered from a deferred call
 * through {@code client.incomingCall.pendedAnswer}.
 */
final class ClientIncoming {

  private static final int ACCEPT = 0;
  private static final int PEND = 1;
  private static final int REJECT = 2;

  private final ClientState client;
  private final NdisClientApi ndis;
  private final Platform platform;
  private final ClientCalls calls;
  private final ClientParties parties;

  ClientIncoming(ClientState client, ClientCalls calls, ClientParties parties) {
    this.client = client;
    this.ndis = client.ndis;
    this.platform = client.platform;
    this.calls = calls;
    this.parties = parties;
  }

  // ---------------------------------------------------------------------------------------
  // Incoming call (§2.7)

  /**
   * ProtocolClIncomingCall: copy the parameters we need (INCALL-4), then accept, pend (and
   * answer from a deferred call with NdisClIncomingCallComplete, GEN-7) or reject (INCALL-2).
   * The VC may have carried calls before (VC-17). After shutdown() every offer is rejected.
   */
  NdisStatus protocolClIncomingCall(
      ProtocolVcContext protocolVcContext, CallParameters callParameters) {
    ClientVc vc = (ClientVc) protocolVcContext;
    boolean mustReject;
    client.lock();
    try {
      if (!vc.touch("VC-17", "client.ProtocolClIncomingCall")) {
        return NdisStatus.NOT_ACCEPTED;
      }
      if (callParameters.touch("INCALL-4", "client.ProtocolClIncomingCall")) {
        vc.flowSpec = callParameters.flowSpec();
      }
      mustReject = client.shuttingDown || (vc.call != Call.IDLE && vc.call != Call.CLOSED);
    } finally {
      client.unlock();
    }
    int answer = mustReject ? REJECT : platform.choose("client.incomingCall.answer", 3);
    client.lock();
    try {
      vc.resetCall();
      switch (answer) {
        case ACCEPT:
          vc.call = Call.ACCEPTED; // INCALL-6: wait for ProtocolClCallConnected
          return NdisStatus.SUCCESS;
        case PEND:
          vc.call = Call.OFFERED; // GEN-7: one NdisClIncomingCallComplete owed
          vc.offerParameters = callParameters; // needed for the answer; no other use
          break;
        default:
          vc.call = Call.IDLE; // INCALL-8: no close for a rejected offer
          return NdisStatus.NOT_ACCEPTED;
      }
    } finally {
      client.unlock();
    }
    platform.queueDeferred("client.incomingCallComplete", () -> answerPendedOffer(vc));
    return NdisStatus.PENDING;
  }

  /** NdisClIncomingCallComplete for an offer we pended, exactly once (GEN-7), never PENDING. */
  private void answerPendedOffer(ClientVc vc) {
    NdisVcHandle handle;
    CallParameters parameters;
    boolean mustReject;
    client.lock();
    try {
      if (!vc.touch("GEN-7", "client.answerIncomingCall") || vc.call != Call.OFFERED) {
        return;
      }
      handle = vc.handle;
      parameters = vc.offerParameters;
      mustReject = client.shuttingDown;
    } finally {
      client.unlock();
    }
    boolean accept =
        !mustReject && platform.choose("client.incomingCall.pendedAnswer", 2) == ACCEPT;
    client.lock();
    try {
      vc.offerParameters = null; // INCALL-3: dead to us from the answer on
      vc.call = accept ? Call.ACCEPTED : Call.IDLE; // GEN-8: before the answer is made
    } finally {
      client.unlock();
    }
    // GEN-4: never PENDING. GEN-9: on a rejection the call manager may delete the VC, and
    // our context with it, inside this call: nothing touches vc afterwards.
    NdisStatus status = accept ? NdisStatus.SUCCESS : NdisStatus.NOT_ACCEPTED;
    ndis.clIncomingCallComplete(status, handle, parameters);
    if (client.fault(SeededFault.CLIENT_ANSWERS_INCOMING_CALL_TWICE)) {
      ndis.clIncomingCallComplete(status, handle, parameters); // Seeded fault: GEN-7
    }
  }

  /** ProtocolClCallConnected: the accepted call is up (INCALL-6); close it if wanted (OQ-24). */
  void protocolClCallConnected(ProtocolVcContext protocolVcContext) {
    ClientVc vc = (ClientVc) protocolVcContext;
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      if (vc.touch("INCALL-6", "client.ProtocolClCallConnected") && vc.call == Call.ACCEPTED) {
        vc.call = Call.ACTIVE;
        next.addAll(calls.advanceClose(vc));
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  // ---------------------------------------------------------------------------------------
  // Incoming close and drop (§2.3, §2.6)

  /**
   * ProtocolClIncomingCloseCall: stop using the VC for data (ICLOSE-2) and acknowledge with
   * exactly one NdisClCloseCall (ICLOSE-4), after dropping all parties but one (ICLOSE-3).
   * With a close of our own outstanding it is information only (OQ-1, CLOSE-17). A make-call
   * still pending closes when it completes (OQ-13); an accepted call not yet connected closes
   * now (INCALL-5). Our own VC is deleted after the close succeeded (ICLOSE-6, ICLOSE-7); a
   * CM-created VC is left to its call manager (ICLOSE-5).
   */
  void protocolClIncomingCloseCall(
      NdisStatus closeStatus, ProtocolVcContext protocolVcContext, CloseData closeData) {
    ClientVc vc = (ClientVc) protocolVcContext;
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      if (!vc.touch("ICLOSE-2", "client.ProtocolClIncomingCloseCall")
          || client.fault(SeededFault.CLIENT_IGNORES_INCOMING_CLOSE)) {
        return;
      }
      if (closeData != null) {
        closeData.touch("ICLOSE-1", "client.ProtocolClIncomingCloseCall"); // OQ-18: read here
      }
      // Comparisons, not a switch on Call: javac's switch-map class ClientIncoming$1 would
      // share its name with JPF's class for a lambda here (jpf-config/README.md).
      if (vc.call == Call.ACCEPTED) {
        vc.call = Call.ACTIVE;
      } else if (vc.call != Call.MAKING && vc.call != Call.OFFERED && vc.call != Call.ACTIVE) {
        return; // CLOSING, CLOSED, IDLE, DELETING: a close is outstanding or done
      }
      vc.closeWanted = true;
      vc.acknowledging = true;
      next.addAll(calls.advanceClose(vc));
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  /**
   * ProtocolClIncomingDropParty: the handle is good for one acknowledgement only (IDROP-3):
   * NdisClDropParty, or NdisClCloseCall if it is the last party (IDROP-2). The context is
   * freed when that acknowledgement completes (IDROP-4, OQ-7). Ignored for a party we are
   * already dropping or a call we are closing (OQ-14, DROP-11); for a party whose add has not
   * completed yet it waits for that completion (OQ-13).
   */
  void protocolClIncomingDropParty(
      NdisStatus dropStatus, ProtocolPartyContext protocolPartyContext, CloseData closeData) {
    ClientParty party = (ClientParty) protocolPartyContext;
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      if (!party.touch("IDROP-3", "client.ProtocolClIncomingDropParty")
          || !party.vc.touch("IDROP-2", "client.ProtocolClIncomingDropParty")) {
        return;
      }
      if (closeData != null) {
        closeData.touch("IDROP-3", "client.ProtocolClIncomingDropParty"); // OQ-18: read here
      }
      if (party.remoteDropped
          || party.state == State.DROPPING
          || party.state == State.GONE
          || party.vc.call == Call.CLOSING) {
        return;
      }
      party.remoteDropped = true;
      if (party.state == State.CONNECTED) {
        next.addAll(parties.acknowledgeIncomingDrop(party));
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }
}
