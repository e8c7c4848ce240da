package dev.condis.reference.ndis;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyCreation;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.ndis.NdisCore.Call;
import java.util.Objects;

/**
 * Outgoing calls and client-initiated closes, both directions (condis-rules.md §2.1, §2.2):
 * NdisClMakeCall → ProtocolCmMakeCall → Ndis(M)CmMakeCallComplete → ProtocolClMakeCallComplete,
 * and NdisClCloseCall → ProtocolCmCloseCall → Ndis(M)CmCloseCallComplete →
 * ProtocolClCloseCallComplete; plus the send check (NdisCoSendNetBufferLists reduced to it).
 */
final class CallRouter {
  /** NdisClMakeCall, NdisClCloseCall and NdisCoSendNetBufferLists: NDIS's entries, on the client's face. */
  interface ClientEntries extends NdisClientApi, Faces.Caller {
    @Override
    default PartyCreation clMakeCall(
        NdisVcHandle ndisVcHandle, CallParameters callParameters, ProtocolPartyContext protocolPartyContext) {
      CallRouter calls = routers().calls();
      return calls.core.api(actor(), "NdisClMakeCall", Fmt.args(ndisVcHandle, callParameters, protocolPartyContext),
          call -> calls.makeCall(call, ndisVcHandle, callParameters, protocolPartyContext), PartyCreation::status);
    }

    @Override
    default NdisStatus clCloseCall(NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
      CallRouter calls = routers().calls();
      return calls.core.api(actor(), "NdisClCloseCall", Fmt.args(ndisVcHandle, ndisPartyHandle, closeData),
          call -> calls.closeCall(call, ndisVcHandle, ndisPartyHandle, closeData), s -> s);
    }

    @Override
    default NdisStatus coSendNetBufferLists(NdisVcHandle ndisVcHandle) {
      CallRouter calls = routers().calls();
      return calls.core.api(actor(), "NdisCoSendNetBufferLists", Fmt.args(ndisVcHandle),
          call -> calls.send(call, ndisVcHandle), s -> s);
    }
  }

  /** Ndis(M)CmMakeCallComplete and Ndis(M)CmCloseCallComplete: one routine for both kinds (§1.1). */
  interface CallManagerEntries extends NdisCallManagerApi, Faces.Caller {
    @Override
    default void cmMakeCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle,
        CallMgrPartyContext callMgrPartyContext, CallParameters callParameters) {
      CallRouter calls = routers().calls();
      calls.core.apiVoid(actor(), prefix() + "MakeCallComplete",
          Fmt.args(status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters),
          call -> calls.makeCallComplete(call, status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters));
    }

    @Override
    default void cmCloseCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle) {
      CallRouter calls = routers().calls();
      calls.core.apiVoid(actor(), prefix() + "CloseCallComplete", Fmt.args(status, ndisVcHandle, ndisPartyHandle),
          call -> calls.closeCallComplete(call, status, ndisVcHandle, ndisPartyHandle));
    }
  }

  private final NdisCore core;

  CallRouter(NdisCore core) {
    this.core = core;
  }

  /**
   * NdisClMakeCall: only on the client's own VC (MAKE-1), not while a make-call is outstanding
   * (MAKE-13), and on a VC whose previous call has ended: after a failed make (OQ-21) or a
   * successful close (CLOSE-16, OQ-8), never during a close. With a ProtocolPartyContext NDIS
   * issues the first NdisPartyHandle before calling ProtocolCmMakeCall.
   */
  PartyCreation makeCall(Call call, NdisVcHandle handle, CallParameters parameters, ProtocolPartyContext partyContext) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "MAKE-1");
    if (vc == null) {
      return new PartyCreation(NdisStatus.FAILURE, null);
    }
    core.checking("MAKE-1", "MAKE-13", "CLOSE-16");
    if (vc.incomingCloseFailed) {
      core.checking("ICLOSE-7");
    }
    String rule = !vc.clientCreated() ? "MAKE-1" : vc.state.makeCallRule();
    if (rule == null && vc.incomingCloseFailed) {
      rule = "ICLOSE-7"; // closed by the network with a failure: delete it
    }
    if (rule != null) {
      core.violation(call, rule, "no make-call on " + handle + " created by the " + vc.creator() + " in state " + vc.state
          + (vc.incomingCloseFailed ? " after the network closed its call with a failure" : ""));
      return new PartyCreation(NdisStatus.FAILURE, null);
    }
    core.touch(parameters, "MAKE-2", call.api());
    core.touch(partyContext, "MAKE-8", call.api());
    vc.beginCall();
    vc.multipoint = partyContext != null;
    vc.state = VcState.MAKING;
    PartyRecord party = partyContext == null ? null
        : core.issueParty(vc, PartyRecord.Origin.MAKE, partyContext, call.api() + " first party on " + handle);
    NdisPartyHandle partyHandle = party == null ? null : party.handle();
    Request request = core.requests.open(vc.requests(), RequestKind.MAKE_CALL, vc, party, parameters);
    core.touch(vc.callManagerContext, "VC-11", "ProtocolCmMakeCall");
    PartyResult result = core.callOut(core.callManagerActor(), "ProtocolCmMakeCall",
        Fmt.args(vc.callManagerContext, parameters, partyHandle),
        () -> core.callManager().protocolCmMakeCall(vc.callManagerContext, parameters, partyHandle),
        PartyResult::status);
    NdisStatus status = core.requests.settle(request, result.status(), "ProtocolCmMakeCall",
        s -> madeCall(vc, party, s, result.callMgrPartyContext(), true));
    // The seed (ProtocolClMakeCallComplete): the party handle is valid only on SUCCESS of a
    // multipoint call and NULL otherwise; a pended call's handle comes back with the completion.
    return new PartyCreation(status, status.isSuccess() || status.isPending() ? partyHandle : null);
  }

  /** Ndis(M)CmMakeCallComplete → ProtocolClMakeCallComplete, exactly once (GEN-1, GEN-2). */
  void makeCallComplete(Call call, NdisStatus status, NdisVcHandle handle, NdisPartyHandle partyHandle,
      CallMgrPartyContext partyContext, CallParameters parameters) {
    core.requireLock();
    Request request = core.complete(call, handle, RequestKind.MAKE_CALL, status);
    if (request == null) {
      return;
    }
    VcRecord vc = request.vc;
    PartyRecord party = request.party;
    NdisPartyHandle expected = party == null ? null : party.handle();
    core.checking("MAKE-5");
    if (!Objects.equals(partyHandle, expected)) {
      core.violation(call, "MAKE-5", "completes with party " + partyHandle + "; the make-call's party is " + expected);
    }
    madeCall(vc, party, status, partyContext, false);
    core.touch(vc.clientContext, "VC-11", "ProtocolClMakeCallComplete");
    core.touch(parameters, "MAKE-2", "ProtocolClMakeCallComplete");
    NdisPartyHandle delivered = status.isSuccess() ? expected : null; // NULL unless SUCCESS (seed)
    // MAKE-11: a close from inside this handler answers the changed parameters.
    vc.answeringChangedParameters = status.isSuccess() && parameters != null && parameters.callParametersChanged();
    core.callOutVoid(Actor.CLIENT, "ProtocolClMakeCallComplete", Fmt.args(status, vc.clientContext, delivered, parameters),
        () -> core.client().protocolClMakeCallComplete(status, vc.clientContext, delivered, parameters));
    vc.answeringChangedParameters = false;
  }

  /** NDIS state after a make-call finished; checks MAKE-3/MAKE-4, MAKE-5 and MAKE-14. */
  private void madeCall(VcRecord vc, PartyRecord party, NdisStatus status, CallMgrPartyContext partyContext,
      boolean synchronous) {
    core.checking(status.isSuccess() ? (synchronous ? "MAKE-3" : "MAKE-4") : "MAKE-14");
    if (status.isSuccess()) {
      core.checking("MAKE-5");
      if (vc.activation != VcActivation.ACTIVE) {
        core.violation(synchronous ? "MAKE-3" : "MAKE-4", "make-call on " + vc.handle()
            + " reported SUCCESS but the VC is " + vc.activation);
      }
      if ((party == null) != (partyContext == null)) {
        core.violation("MAKE-5", "make-call on " + vc.handle() + " succeeded with CallMgrPartyContext "
            + Fmt.one(partyContext) + " for party " + (party == null ? null : party.handle()));
      }
      vc.state = VcState.ACTIVE;
      if (party != null) {
        party.connect(partyContext);
        core.holdPartyContext(party);
      }
    } else {
      if (vc.activation != VcActivation.INACTIVE) {
        core.violation("MAKE-14", "make-call on " + vc.handle() + " failed (" + status + ") but the VC is still "
            + vc.activation + ": the call manager deactivates before reporting failure");
      }
      vc.state = VcState.IDLE_DEACTIVATED;
      vc.lastMakeFailed = true;
      if (party != null) {
        core.endParty(party, PartyRecord.End.MAKE_FAILED, "make-call failed with " + status);
      }
    }
  }

  /**
   * NdisClCloseCall. Refused (FAILURE, the call manager is not called) during a make-call
   * (MAKE-13), a close (CLOSE-17), an add (ADD-9) or a drop (DROP-10), on a rejected or
   * unanswered offer (INCALL-8, INCALL-5), on an accepted call that is neither connected nor
   * closed by the network (INCALL-5, OQ-24), with no call up (CLOSE-17), or with a wrong party
   * handle (CLOSE-2). With more than one party attached NDIS reports CLOSE-1 but still routes
   * the close: the call manager must fail it.
   */
  NdisStatus closeCall(Call call, NdisVcHandle handle, NdisPartyHandle partyHandle, CloseData closeData) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null) {
      return NdisStatus.FAILURE;
    }
    core.checking("MAKE-13", "ADD-9", "DROP-10", "INCALL-5", "INCALL-8", "CLOSE-17");
    String rule = closeRefusal(vc);
    if (rule != null) {
      core.violation(call, rule, "no close on " + handle + " now (" + vc.state
          + (vc.anyRequestOutstanding() ? ", a request outstanding" : "") + ")");
      return NdisStatus.FAILURE;
    }
    PartyRecord party = null;
    if (partyHandle != null) {
      party = core.clientParty(call, partyHandle, PartyRecord.ClientUse.CLOSE, "CLOSE-2");
      if (party == null) {
        return NdisStatus.FAILURE;
      }
    }
    // ICLOSE-3: acknowledging an incoming close, the client drops down to one party first.
    String tooManyParties = vc.incomingCloseDispatched ? "ICLOSE-3" : "CLOSE-1";
    core.checking("CLOSE-2", tooManyParties);
    if (party != null ? party.vc() != vc || !vc.multipoint : vc.multipoint) {
      core.violation(call, "CLOSE-2", "a close carries the last party's handle on a multipoint VC and NULL otherwise; got "
          + partyHandle + " for " + handle);
      return NdisStatus.FAILURE;
    }
    int attached = vc.attachedParties().size();
    if (attached > 1) {
      core.violation(call, tooManyParties, attached + " parties still attached to " + handle
          + (vc.incomingCloseDispatched ? " when acknowledging its incoming close" : "")
          + "; routed anyway, the call manager must fail the close");
    }
    core.touch(closeData, "OQ-18", call.api());
    vc.stateBeforeClose = vc.state;
    vc.state = VcState.CLOSING;
    vc.closeRejectsParameters = vc.answeringChangedParameters;
    Request request = core.requests.open(vc.requests(), RequestKind.CLOSE_CALL, vc, party);
    CallMgrPartyContext partyContext = party == null ? null : party.callManagerContext();
    core.touch(vc.callManagerContext, "VC-11", "ProtocolCmCloseCall");
    core.touch(partyContext, "CLOSE-14", "ProtocolCmCloseCall");
    core.touch(closeData, "OQ-18", "ProtocolCmCloseCall");
    for (PartyRecord attachedParty : vc.attachedParties()) {
      core.letGo(attachedParty.callManagerContext(), "DROP-7"); // CLOSE-4: ProtocolCmCloseCall frees it
    }
    vc.closingPartyContext = partyContext; // CLOSE-5: freed before the deactivation
    NdisStatus returned = core.callOut(core.callManagerActor(), "ProtocolCmCloseCall",
        Fmt.args(vc.callManagerContext, partyContext, closeData),
        () -> core.callManager().protocolCmCloseCall(vc.callManagerContext, partyContext, closeData));
    PartyRecord closing = party;
    return core.requests.settle(request, returned, "ProtocolCmCloseCall", s -> closed(vc, closing, s, false));
  }

  private static String closeRefusal(VcRecord vc) {
    if (vc.requests().outstanding(RequestKind.MAKE_CALL) != null) {
      return "MAKE-13";
    }
    if (vc.partyRequestOutstanding(RequestKind.ADD_PARTY)) {
      return "ADD-9";
    }
    if (vc.partyRequestOutstanding(RequestKind.DROP_PARTY)) {
      return "DROP-10";
    }
    if (vc.state == VcState.ACCEPTED && vc.incomingCloseDispatched) {
      return null; // the network closed the accepted offer: the client acknowledges with a close
    }
    return vc.state.closeCallRule();
  }

  /** Ndis(M)CmCloseCallComplete → ProtocolClCloseCallComplete, exactly once. */
  void closeCallComplete(Call call, NdisStatus status, NdisVcHandle handle, NdisPartyHandle partyHandle) {
    core.requireLock();
    Request request = core.complete(call, handle, RequestKind.CLOSE_CALL, status);
    if (request == null) {
      return;
    }
    VcRecord vc = request.vc;
    PartyRecord party = request.party;
    NdisPartyHandle expected = party == null ? null : party.handle();
    core.checking("CLOSE-2");
    if (!Objects.equals(partyHandle, expected)) {
      core.violation(call, "CLOSE-2", "completes with party " + partyHandle + "; the close's party is " + expected);
    }
    closed(vc, party, status, true);
    ProtocolPartyContext partyContext = party == null ? null : party.clientContext();
    core.touch(vc.clientContext, "CLOSE-12", "ProtocolClCloseCallComplete");
    // OQ-6; MAKE-11: a close rejecting changed parameters leaves every release to this handler.
    core.touch(partyContext, vc.closeRejectsParameters ? "MAKE-11" : "CLOSE-13", "ProtocolClCloseCallComplete");
    // NDIS has freed the request already, but the close is not over for the call manager's
    // VC until the client's completion returns (VC-5, checked in VcRouter#delete).
    vc.closeCompleteRunning = true;
    core.callOutVoid(Actor.CLIENT, "ProtocolClCloseCallComplete", Fmt.args(status, vc.clientContext, partyContext),
        () -> core.client().protocolClCloseCallComplete(status, vc.clientContext, partyContext));
    vc.closeCompleteRunning = false;
  }

  /**
   * NDIS state after a close finished. SUCCESS: checks CLOSE-8 (deactivated first, OQ-9) and
   * CLOSE-1; the parties are gone and the VC idle, reusable by its creator (CLOSE-16); on a
   * CM/MCM-created VC the handle is dead for the client until re-offered (CLOSE-11, VC-17).
   * Failure: the call stays up exactly as it was (CLOSE-18, OQ-11).
   */
  private void closed(VcRecord vc, PartyRecord party, NdisStatus status, boolean byCompletion) {
    vc.closingPartyContext = null;
    if (!status.isSuccess()) {
      // CLOSE-18: the call stays up exactly as it was. NDIS restores it itself, so nothing here
      // can break the rule; a driver that frees early is DROP-7 or VC-11 at its release.
      vc.state = vc.stateBeforeClose;
      for (PartyRecord attachedParty : vc.attachedParties()) {
        core.holdPartyContext(attachedParty); // the call stays up (CLOSE-18)
      }
      return;
    }
    // CLOSE-7: a stand-alone CM whose deactivation pended completes the close from its
    // ProtocolCmDeactivateVcComplete, so never while the deactivation is still in flight.
    boolean pendedDeactivation = byCompletion && core.callManagerActor() == Actor.CALL_MANAGER;
    core.checking("CLOSE-8", "CLOSE-1");
    if (pendedDeactivation) {
      core.checking("CLOSE-7");
    }
    if (vc.activation != VcActivation.INACTIVE) {
      boolean deactivating = pendedDeactivation && vc.activation == VcActivation.DEACTIVATING;
      core.violation(deactivating ? "CLOSE-7" : "CLOSE-8", "close of " + vc.handle() + " reported SUCCESS while the VC is "
          + vc.activation + (deactivating ? ": complete it from ProtocolCmDeactivateVcComplete" : ""));
    }
    int attached = vc.attachedParties().size();
    if (attached > 1) {
      core.violation("CLOSE-1", "the call manager closed " + vc.handle() + " with " + attached + " parties attached");
    }
    for (PartyRecord live : vc.liveParties()) {
      core.endParty(live, PartyRecord.End.CLOSED, "close of " + vc.handle() + " succeeded");
    }
    vc.state = VcState.IDLE_DEACTIVATED;
    vc.lastCallClosed = true;
    vc.lastCloseCompleted = byCompletion;
    if (!vc.clientCreated()) {
      vc.clientHandleDead = true;
      core.note(vc.handle() + " is dead for the client from ProtocolClCloseCallComplete on (CLOSE-11)"
          + " until the call manager re-offers it (VC-17)");
    }
  }

  /** NdisCoSendNetBufferLists reduced to its checks: only on a connected call. */
  NdisStatus send(Call call, NdisVcHandle handle) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null) {
      return NdisStatus.FAILURE;
    }
    core.checking("ICLOSE-2", "CLOSE-3", vc.clientCreated() ? "MAKE-7" : "INCALL-6");
    String rule;
    if (vc.incomingCloseDispatched) {
      rule = "ICLOSE-2";
    } else if (vc.state == VcState.ACTIVE || vc.state == VcState.CONNECTED) {
      rule = null;
    } else if (vc.state == VcState.CLOSING || vc.lastCallClosed) {
      rule = "CLOSE-3";
    } else {
      rule = vc.clientCreated() ? "MAKE-7" : "INCALL-6";
    }
    if (rule != null) {
      core.violation(call, rule, "no data on " + handle + " in state " + vc.state
          + (vc.incomingCloseDispatched ? " after an incoming close" : ""));
      return NdisStatus.FAILURE;
    }
    return NdisStatus.SUCCESS;
  }
}
