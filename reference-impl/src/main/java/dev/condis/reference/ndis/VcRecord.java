package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.MiniportVcContext;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.event.RequestKind;
import java.util.ArrayList;
import java.util.List;

/** NDIS's record of one VC (one NdisVcHandle). Touched only under the NDIS lock. */
final class VcRecord {
  private final NdisVcHandle handle;
  private final Actor creator;
  /** CALL_MANAGER or MCM: whoever is on the call-manager side of this VC. */
  private final Actor callManager;
  private final RequestSlots requests = new RequestSlots();
  private final List<PartyRecord> parties = new ArrayList<>();

  ProtocolVcContext clientContext;
  CallMgrVcContext callManagerContext;
  MiniportVcContext miniportContext;
  VcState state = VcState.CREATED;
  VcActivation activation = VcActivation.INACTIVE;
  /** Whether the VC was active when the outstanding activation started (a reactivation). */
  boolean activeBeforeActivation;
  /** NdisCoDeleteVc / NdisMCmDeleteVc is running its handlers. */
  boolean deleting;
  /** The peer's ProtocolCoDeleteVc returned SUCCESS: the handle is dead for the peer (VC-8). */
  boolean peerDeleted;
  /** CM/MCM-created VC whose close completed with SUCCESS: dead for the client until re-offered (CLOSE-11, VC-17). */
  boolean clientHandleDead;
  boolean multipoint;
  /** ProtocolClMakeCallComplete with CALL_PARAMETERS_CHANGED is running (MAKE-11). */
  boolean answeringChangedParameters;
  /** The current close was issued from that handler: it rejects the changed parameters (MAKE-11). */
  boolean closeRejectsParameters;
  /** An incoming close was dispatched for the current call (ICLOSE-2, ICLOSE-10). */
  boolean incomingCloseDispatched;
  /** That incoming close carried a non-SUCCESS CloseStatus: the creator must delete the VC (ICLOSE-7). */
  boolean incomingCloseFailed;
  /** The previous call on this VC ended with a successful close (CLOSE-3 versus MAKE-7). */
  boolean lastCallClosed;
  /** The state to return to if the outstanding close fails (CLOSE-18). */
  VcState stateBeforeClose;
  /** The current call's make-call failed (MAKE-8: the client deletes the VC, or retries). */
  boolean lastMakeFailed;
  /** The last close was finished by Ndis(M)CmCloseCallComplete, not by the handler's return. */
  boolean lastCloseCompleted;
  /** The CallMgrPartyContext handed to the outstanding ProtocolCmCloseCall (CLOSE-5), or null. */
  CallMgrPartyContext closingPartyContext;
  /** ProtocolClCloseCallComplete for this VC's call is running: the close is not over (VC-5). */
  boolean closeCompleteRunning;
  /** An overdue obligation of this VC was reported already (reported once). */
  boolean obligationReported;

  VcRecord(NdisVcHandle handle, Actor creator, Actor callManager) {
    this.handle = handle;
    this.creator = creator;
    this.callManager = callManager;
  }

  NdisVcHandle handle() {
    return handle;
  }

  Actor creator() {
    return creator;
  }

  boolean clientCreated() {
    return creator == Actor.CLIENT;
  }

  /** The protocol on the other side from the creator: the call manager or the client. */
  Actor peer() {
    return clientCreated() ? callManager : Actor.CLIENT;
  }

  RequestSlots requests() {
    return requests;
  }

  /** Null if {@code user} may pass this handle to NDIS; otherwise the rule a use breaks. */
  String deadRuleFor(Actor user) {
    if (state == VcState.DELETED || (peerDeleted && user == peer())) {
      return user == peer() ? "VC-8" : "VC-7";
    }
    if (user == Actor.CLIENT && clientHandleDead) {
      return "CLOSE-11";
    }
    return null;
  }

  /** Resets the per-call flags when a new call starts on the VC (make-call or new offer). */
  void beginCall() {
    incomingCloseDispatched = false;
    incomingCloseFailed = false;
    closeRejectsParameters = false;
    lastCallClosed = false;
    lastMakeFailed = false;
    lastCloseCompleted = false;
    obligationReported = false;
    multipoint = false;
  }

  void addParty(PartyRecord party) {
    parties.add(party);
  }

  ImmutableList<PartyRecord> liveParties() {
    return parties.stream().filter(p -> p.state() != PartyState.GONE).collect(ImmutableList.toImmutableList());
  }

  /** Parties still attached to the call: connected, or with a drop outstanding (DROP-10). */
  ImmutableList<PartyRecord> attachedParties() {
    return parties.stream().filter(PartyRecord::attached).collect(ImmutableList.toImmutableList());
  }

  /** Whether a request of {@code kind} is outstanding on any party of this VC. */
  boolean partyRequestOutstanding(RequestKind kind) {
    return parties.stream().anyMatch(p -> p.requests().outstanding(kind) != null);
  }

  /** Whether any request is outstanding on the VC or one of its parties. */
  boolean anyRequestOutstanding() {
    return requests.anyOutstanding() || parties.stream().anyMatch(p -> p.requests().anyOutstanding());
  }
}
