package dev.condis.reference.ndis;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.ndis.NdisCore.Call;

/**
 * What the call manager starts towards the client (condis-rules.md §2.3, §2.6, §2.7):
 * Ndis(M)CmDispatchIncomingCall → ProtocolClIncomingCall (→ NdisClIncomingCallComplete →
 * ProtocolCmIncomingCallComplete), Ndis(M)CmDispatchCallConnected → ProtocolClCallConnected,
 * Ndis(M)CmDispatchIncomingCloseCall → ProtocolClIncomingCloseCall, and
 * Ndis(M)CmDispatchIncomingDropParty → ProtocolClIncomingDropParty. A dispatch the rules
 * forbid at that moment is reported and not delivered.
 */
final class IncomingRouter {
  /** NdisClIncomingCallComplete: NDIS's entry, on the client's face. */
  interface ClientEntries extends NdisClientApi, Faces.Caller {
    @Override
    default void clIncomingCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      IncomingRouter incoming = routers().incoming();
      incoming.core.apiVoid(actor(), "NdisClIncomingCallComplete", Fmt.args(status, ndisVcHandle, callParameters),
          call -> incoming.incomingCallComplete(call, status, ndisVcHandle, callParameters));
    }
  }

  /** The four Ndis(M)CmDispatchXxx: one routine for both kinds (§1.1). */
  interface CallManagerEntries extends NdisCallManagerApi, Faces.Caller {
    @Override
    default NdisStatus cmDispatchIncomingCall(
        NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      IncomingRouter incoming = routers().incoming();
      return incoming.core.api(actor(), prefix() + "DispatchIncomingCall",
          Fmt.args(ndisSapHandle, ndisVcHandle, callParameters),
          call -> incoming.dispatchIncomingCall(call, ndisSapHandle, ndisVcHandle, callParameters), s -> s);
    }

    @Override
    default void cmDispatchCallConnected(NdisVcHandle ndisVcHandle) {
      IncomingRouter incoming = routers().incoming();
      incoming.core.apiVoid(actor(), prefix() + "DispatchCallConnected", Fmt.args(ndisVcHandle),
          call -> incoming.dispatchCallConnected(call, ndisVcHandle));
    }

    @Override
    default void cmDispatchIncomingCloseCall(NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData) {
      IncomingRouter incoming = routers().incoming();
      incoming.core.apiVoid(actor(), prefix() + "DispatchIncomingCloseCall",
          Fmt.args(closeStatus, ndisVcHandle, closeData),
          call -> incoming.dispatchIncomingClose(call, closeStatus, ndisVcHandle, closeData));
    }

    @Override
    default void cmDispatchIncomingDropParty(NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
      IncomingRouter incoming = routers().incoming();
      incoming.core.apiVoid(actor(), prefix() + "DispatchIncomingDropParty",
          Fmt.args(dropStatus, ndisPartyHandle, closeData),
          call -> incoming.dispatchIncomingDrop(call, dropStatus, ndisPartyHandle, closeData));
    }
  }

  private final NdisCore core;

  IncomingRouter(NdisCore core) {
    this.core = core;
  }

  /**
   * Ndis(M)CmDispatchIncomingCall: a SAP the client registered, a VC this call manager created
   * and activated (INCALL-1), with no call on it (VC-17; a rejected offer is deactivated first,
   * INCALL-7). Re-offering a VC whose previous call closed makes its handle valid for the
   * client again (VC-17 after CLOSE-11). PENDING from ProtocolClIncomingCall leaves the offer to
   * NdisClIncomingCallComplete (GEN-7); a final status is returned to the call manager, which
   * runs its ProtocolCmIncomingCallComplete logic itself (GEN-6).
   */
  NdisStatus dispatchIncomingCall(Call call, NdisSapHandle sap, NdisVcHandle handle, CallParameters parameters) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null || !core.sap(call, sap)) {
      return NdisStatus.FAILURE;
    }
    core.checking("INCALL-1", "INCALL-7", "VC-17");
    String rule = null;
    String why = null;
    if (vc.creator() != call.actor()) {
      rule = "INCALL-1";
      why = handle + " was created by the " + vc.creator() + ", not by this call manager";
    } else if (vc.activation != VcActivation.ACTIVE) {
      rule = "INCALL-1";
      why = handle + " is not activated (" + vc.activation + ")";
    } else if (vc.state != VcState.ACTIVATED) {
      rule = vc.state == VcState.REJECTED ? "INCALL-7" : "VC-17";
      why = handle + " is " + vc.state + ": a VC carries one call after another";
    }
    if (rule != null) {
      core.violation(call, rule, why);
      return NdisStatus.FAILURE;
    }
    core.touch(parameters, "INCALL-4", call.api());
    if (vc.clientHandleDead) {
      vc.clientHandleDead = false;
      core.note(handle + " is valid for the client again: re-offered (VC-17)");
    }
    vc.beginCall();
    vc.state = VcState.OFFERED;
    Request request = core.requests.open(vc.requests(), RequestKind.INCOMING_CALL, vc, null, parameters);
    core.touch(vc.clientContext, "VC-11", "ProtocolClIncomingCall");
    core.touch(parameters, "INCALL-4", "ProtocolClIncomingCall");
    NdisStatus returned = core.callOut(Actor.CLIENT, "ProtocolClIncomingCall", Fmt.args(vc.clientContext, parameters),
        () -> core.client().protocolClIncomingCall(vc.clientContext, parameters));
    return core.requests.settle(request, returned, "ProtocolClIncomingCall", s -> answered(vc, s));
  }

  /** NdisClIncomingCallComplete → ProtocolCmIncomingCallComplete, exactly once (GEN-7). */
  void incomingCallComplete(Call call, NdisStatus status, NdisVcHandle handle, CallParameters parameters) {
    core.requireLock();
    Request request = core.complete(call, handle, RequestKind.INCOMING_CALL, status);
    if (request == null) {
      return;
    }
    VcRecord vc = request.vc;
    answered(vc, status);
    core.touch(vc.callManagerContext, "VC-11", "ProtocolCmIncomingCallComplete");
    core.touch(parameters, "INCALL-3", "ProtocolCmIncomingCallComplete");
    core.callOutVoid(core.callManagerActor(), "ProtocolCmIncomingCallComplete",
        Fmt.args(status, vc.callManagerContext, parameters),
        () -> core.callManager().protocolCmIncomingCallComplete(status, vc.callManagerContext, parameters));
  }

  private static void answered(VcRecord vc, NdisStatus status) {
    vc.state = status.isSuccess() ? VcState.ACCEPTED : VcState.REJECTED;
  }

  /** Ndis(M)CmDispatchCallConnected: only for an accepted offer, and instead of an incoming close (INCALL-5). */
  void dispatchCallConnected(Call call, NdisVcHandle handle) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null) {
      return;
    }
    core.checking("INCALL-5");
    if (vc.state != VcState.ACCEPTED || vc.incomingCloseDispatched) {
      core.violation(call, "INCALL-5", handle + " is " + vc.state
          + (vc.incomingCloseDispatched ? " with an incoming close dispatched" : "")
          + ": connected comes once, for an accepted offer, instead of an incoming close");
      return;
    }
    vc.state = VcState.CONNECTED;
    core.touch(vc.clientContext, "VC-11", "ProtocolClCallConnected");
    core.callOutVoid(Actor.CLIENT, "ProtocolClCallConnected", Fmt.args(vc.clientContext),
        () -> core.client().protocolClCallConnected(vc.clientContext));
  }

  /**
   * Ndis(M)CmDispatchIncomingCloseCall: at most one per call and none once the call is closed
   * (ICLOSE-10), not while the offer awaits the client's answer (INCALL-9, OQ-12), not during a
   * make-call (MAKE-13: the client could not acknowledge; OQ-13), not for a rejected offer
   * (INCALL-8). A PENDING close status is meaningless (ICLOSE-1).
   *
   * <p>Decision (OQ-1): an incoming close that meets the client's own close in flight (state
   * CLOSING) is delivered, as information: the call manager decided to dispatch under its own
   * lock before ProtocolCmCloseCall reached it, and no call manager can make that decision and
   * the dispatch atomic without holding a lock across a call into NDIS (GEN-9). What ICLOSE-10
   * forbids — deciding after ProtocolCmCloseCall arrived — NDIS cannot see; what it can see,
   * a second incoming close or one after the close completed, it flags. The client must treat
   * the notification as information and not close again (CLOSE-17), and a call manager must
   * not complete the close while its dispatch is in flight (the reference CM holds it).
   */
  void dispatchIncomingClose(Call call, NdisStatus closeStatus, NdisVcHandle handle, CloseData closeData) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null) {
      return;
    }
    core.checking("ICLOSE-10", "ICLOSE-1", "INCALL-9", "MAKE-13", "INCALL-8");
    String rule = vc.incomingCloseDispatched ? "ICLOSE-10" : vc.state.incomingCloseRule();
    if (rule == null && closeStatus.isPending()) {
      rule = "ICLOSE-1";
    }
    if (rule != null) {
      core.violation(call, rule, "no incoming close (" + closeStatus + ") on " + handle + " in state " + vc.state
          + (vc.incomingCloseDispatched ? " after an incoming close" : ""));
      return;
    }
    vc.incomingCloseDispatched = true;
    vc.incomingCloseFailed = !closeStatus.isSuccess();
    core.touch(vc.clientContext, "VC-11", "ProtocolClIncomingCloseCall");
    core.touch(closeData, "OQ-18", "ProtocolClIncomingCloseCall");
    core.callOutVoid(Actor.CLIENT, "ProtocolClIncomingCloseCall", Fmt.args(closeStatus, vc.clientContext, closeData),
        () -> core.client().protocolClIncomingCloseCall(closeStatus, vc.clientContext, closeData));
  }

  /**
   * Ndis(M)CmDispatchIncomingDropParty: only while other parties remain (IDROP-1), only for a
   * party whose add has completed (ADD-4, OQ-13), and at most once per party (DROP-11).
   *
   * <p>Decision (OQ-14), as for OQ-1: an incoming drop that meets the client's own drop of that
   * party, or its close of the call, in flight is delivered as information; the client ignores
   * it without a second acknowledgement (DROP-11), and the call manager must not complete that
   * drop or close while its dispatch is in flight.
   */
  void dispatchIncomingDrop(Call call, NdisStatus dropStatus, NdisPartyHandle handle, CloseData closeData) {
    core.requireLock();
    PartyRecord party = core.callManagerParty(call, handle, "DROP-7");
    if (party == null) {
      return;
    }
    VcRecord vc = party.vc();
    core.checking("ADD-4", "DROP-11", "IDROP-1");
    String rule;
    if (party.state() == PartyState.ADDING) {
      rule = "ADD-4";
    } else if (party.incomingDropDispatched()) {
      rule = "DROP-11";
    } else if (party.state() != PartyState.DROPPING && vc.state != VcState.CLOSING
        && vc.attachedParties().stream().allMatch(other -> other == party)) {
      rule = "IDROP-1";
    } else {
      rule = null;
    }
    if (rule != null) {
      core.violation(call, rule, "no incoming drop of " + handle + " (" + party.state() + ") on " + vc.handle()
          + " (" + vc.state + ", " + vc.attachedParties().size() + " attached)");
      return;
    }
    party.markIncomingDropDispatched();
    core.touch(party.clientContext(), "IDROP-4", "ProtocolClIncomingDropParty");
    core.touch(closeData, "OQ-18", "ProtocolClIncomingDropParty");
    core.callOutVoid(Actor.CLIENT, "ProtocolClIncomingDropParty", Fmt.args(dropStatus, party.clientContext(), closeData),
        () -> core.client().protocolClIncomingDropParty(dropStatus, party.clientContext(), closeData));
  }
}
