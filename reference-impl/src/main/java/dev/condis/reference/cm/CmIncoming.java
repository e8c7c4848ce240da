package dev.condis.reference.cm;

import dev.condis.reference.cm.CmVc.Call;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.VcCreation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the remote side starts, as a {@link CallManagerCore} dispatches it: incoming calls
 * (§2.7), incoming closes (§2.3) and incoming drops (§2.6). It counts its dispatches in flight
 * on each VC, and a close or drop the client sends meanwhile is held until they returned, so
 * the handles a dispatch carries stay valid (VC-8, DROP-7).
 */
final class CmIncoming {

  /** The flow spec the call manager offers on incoming calls. */
  static final int INCOMING_FLOW_SPEC = 64;

  private final CmState cm;
  private final NdisCallManagerApi ndis;
  private final CallManagerNdis vcNdis;
  private final ContextTracker tracker;
  private final CmVcLifecycle vcLifecycle;

  CmIncoming(CmState cm, CmVcLifecycle vcLifecycle) {
    this.cm = cm;
    this.ndis = cm.ndis;
    this.vcNdis = cm.vcNdis;
    this.tracker = cm.tracker;
    this.vcLifecycle = vcLifecycle;
  }

  // ---------------------------------------------------------------------------------------
  // Incoming call (§2.7)

  /**
   * The remote side offers a call: create a VC (the client's ProtocolCoCreateVc runs inside),
   * activate it, then dispatch the offer to the client's SAP (INCALL-1, VC-12).
   */
  void offerIncomingCall() {
    CmVc vc;
    cm.lock();
    try {
      vc = tracker.allocate(new CmVc(cm.prefix + ".vc", true));
      vc.flowSpec = INCOMING_FLOW_SPEC;
      cm.vcs.add(vc);
    } finally {
      cm.unlock();
    }
    VcCreation created = vcNdis.createVc(cm.ndisAfHandle, vc);
    cm.lock();
    try {
      if (!vc.touch("VC-3", cm.where("offerIncomingCall"))) {
        return;
      }
      if (!created.status().isSuccess()) {
        cm.vcs.remove(vc);
        tracker.release(vc, "VC-3", cm.where("offerIncomingCall")); // no handle exists to delete
        return;
      }
      vc.handle = created.ndisVcHandle();
    } finally {
      cm.unlock();
    }
    activateAndOffer(vc);
  }

  /**
   * Activates {@code vc} and dispatches an offer on it; a failed activation deletes it. For a
   * new VC, and for a rejected offer's VC once deactivated (INCALL-7: offered again).
   */
  private void activateAndOffer(CmVc vc) {
    vcLifecycle.activate(
        vc,
        activated -> {
          if (activated.isSuccess()) {
            dispatchOffer(vc);
          } else {
            vcLifecycle.deleteOwnVc(vc); // VC-13: never used; nothing to deactivate
          }
        });
  }

  private void dispatchOffer(CmVc vc) {
    NdisVcHandle handle;
    CallParameters parameters;
    cm.lock();
    try {
      if (!vc.touch("INCALL-1", cm.where("dispatchIncomingCall"))) {
        return;
      }
      parameters = tracker.allocate(new CallParameters(cm.prefix + ".incomingCall", vc.flowSpec));
      vc.offerParameters = parameters;
      vc.call = Call.OFFERED; // GEN-8: the answer may overtake the dispatch's return
      vc.incomingCloseDispatched = false;
      handle = vc.handle;
    } finally {
      cm.unlock();
    }
    NdisStatus status = ndis.cmDispatchIncomingCall(cm.ndisSapHandle, handle, parameters);
    if (status.isFinal()) {
      incomingCallCompleted(vc, status); // GEN-6: run ProtocolCmIncomingCallComplete's logic
    }
  }

  /**
   * The client's answer. Accepted: exactly one call-connected (INCALL-5). Rejected: deactivate,
   * then delete the VC or, once, offer a call on it again (INCALL-7, VC-17: one call after
   * another); the client does not close a rejected offer (INCALL-8).
   */
  void incomingCallCompleted(CmVc vc, NdisStatus status) {
    NdisVcHandle handle;
    boolean accepted = status.isSuccess();
    boolean offerAgain;
    cm.lock();
    try {
      if (!vc.touch("INCALL-5", cm.where("ProtocolCmIncomingCallComplete"))
          || vc.call != Call.OFFERED) {
        return;
      }
      // §1.3 (inferred): the offer's buffer is ours again once the answer is in (INCALL-3).
      tracker.release(vc.offerParameters, "INCALL-3", cm.where("ProtocolCmIncomingCallComplete"));
      vc.offerParameters = null;
      vc.call = accepted ? Call.CONNECTED : Call.NONE;
      vc.established = false;
      handle = vc.handle;
      // A data choice under the lock: no thread switch.
      offerAgain = !accepted && !cm.offeredAgain && cm.choose("incomingCall.offerAgain", 2) == 1;
      cm.offeredAgain |= offerAgain;
    } finally {
      cm.unlock();
    }
    if (!accepted) {
      vcLifecycle.deactivate(vc, deactivated -> {
        if (offerAgain) {
          activateAndOffer(vc);
        } else {
          vcLifecycle.deleteOwnVc(vc);
        }
      });
      return;
    }
    dispatch(vc, () -> ndis.cmDispatchCallConnected(handle)); // INCALL-6: data may flow from here
    cm.lock();
    try {
      cm.markEstablished(vc, null);
    } finally {
      cm.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Incoming close and drop (§2.3, §2.6)

  /**
   * The remote side hangs up the first connected call. Suppressed (no dispatch) where the
   * rules say so: once ProtocolCmCloseCall has arrived or an incoming close was already
   * dispatched (ICLOSE-10, OQ-1), while the offer is unanswered (INCALL-9, OQ-12) or before
   * the completion that set the call up has returned (OQ-13). The CM keeps all its state:
   * the acknowledging close frees it (ICLOSE-8, ICLOSE-9).
   */
  void remoteClose() {
    CmVc target = null;
    NdisVcHandle handle = null;
    boolean normal = true;
    cm.lock();
    try {
      for (CmVc vc : cm.vcs) {
        if (vc.touch("ICLOSE-10", cm.where("remoteClose"))
            && vc.call == Call.CONNECTED
            && vc.established
            && !vc.incomingCloseDispatched) {
          vc.incomingCloseDispatched = true;
          vc.dispatchesInFlight++; // GEN-8: before the dispatch
          target = vc;
          handle = vc.handle;
          // SUCCESS, the remote side closed normally, or a failure (ICLOSE-7: the creator
          // must then delete the VC). Drawn in this locked region: no new scheduling point.
          normal = cm.choose("incomingClose.status", 2) == 0;
          break;
        }
      }
    } finally {
      cm.unlock();
    }
    if (target != null) {
      // ICLOSE-1: a final status. GEN-9: the client's acknowledging close runs inside this
      // call, and is held until it returns.
      NdisVcHandle closing = handle;
      NdisStatus closeStatus = normal ? NdisStatus.SUCCESS : NdisStatus.FAILURE;
      dispatched(target, () -> ndis.cmDispatchIncomingCloseCall(closeStatus, closing, null));
    }
  }

  /**
   * Every call and party we finished with a final return is settled now: NDIS has processed
   * the return (the quiescent point of {@link
   * dev.condis.reference.ddi.CallManagerDriver#networkSettled}), so the remote side may
   * hang it up or drop it (OQ-13) like one finished through a completion call.
   */
  void networkSettled() {
    cm.lock();
    try {
      for (CmVc vc : cm.vcs) {
        cm.markEstablished(vc, null);
        for (CmParty party : vc.parties) {
          cm.markEstablished(vc, party);
        }
      }
    } finally {
      cm.unlock();
    }
  }

  /**
   * A leaf leaves the first multipoint call with another party that stays (IDROP-1).
   * Suppressed for a party being dropped, or a call being closed (OQ-14), and before the
   * party's completion has returned (OQ-13). The party state stays until ProtocolCmDropParty
   * (IDROP-5).
   */
  void remoteDropParty() {
    CmVc target = null;
    NdisPartyHandle handle = null;
    cm.lock();
    try {
      for (CmVc vc : cm.vcs) {
        if (!vc.touch("IDROP-1", cm.where("remoteDropParty"))
            || vc.call != Call.CONNECTED
            || vc.incomingCloseDispatched) {
          continue;
        }
        List<CmParty> staying = new ArrayList<>();
        for (CmParty party : vc.parties) {
          if (party.touch("IDROP-1", cm.where("remoteDropParty"))
              && party.state == CmParty.State.CONNECTED
              && party.established
              && !party.incomingDropDispatched) {
            staying.add(party);
          }
        }
        if (staying.size() >= 2) {
          CmParty leaving = staying.get(staying.size() - 1);
          leaving.incomingDropDispatched = true;
          vc.dispatchesInFlight++; // GEN-8: before the dispatch
          handle = leaving.handle;
          target = vc;
          break;
        }
      }
    } finally {
      cm.unlock();
    }
    if (target != null) {
      NdisPartyHandle leaving = handle;
      dispatched(target, () -> ndis.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, leaving, null));
    }
  }

  /** Counts a dispatch in flight on {@code vc} around {@code dispatchCall}; see below. */
  private void dispatch(CmVc vc, Runnable dispatchCall) {
    cm.lock();
    try {
      vc.dispatchesInFlight++;
    } finally {
      cm.unlock();
    }
    dispatched(vc, dispatchCall);
  }

  /**
   * Makes a dispatch already counted in {@code vc.dispatchesInFlight}, then, once the last
   * dispatch in flight returned, carries out the closes and drops held meanwhile. While a
   * dispatch is in flight no close or drop on the VC completes, so the VC and its parties stay
   * ours and alive: touching {@code vc} afterwards is safe.
   */
  private void dispatched(CmVc vc, Runnable dispatchCall) {
    dispatchCall.run();
    List<Runnable> held = List.of();
    cm.lock();
    try {
      if (vc.touch("GEN-9", cm.where("dispatchReturned")) && --vc.dispatchesInFlight == 0) {
        held = List.copyOf(vc.heldUntilDispatchReturns);
        vc.heldUntilDispatchReturns.clear();
      }
    } finally {
      cm.unlock();
    }
    held.forEach(Runnable::run);
  }
}
