package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableSet;
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

/**
 * Adding and dropping parties, both directions (condis-rules.md §2.4, §2.5): NdisClAddParty →
 * ProtocolCmAddParty → Ndis(M)CmAddPartyComplete → ProtocolClAddPartyComplete, and
 * NdisClDropParty → ProtocolCmDropParty → Ndis(M)CmDropPartyComplete →
 * ProtocolClDropPartyComplete.
 */
final class PartyRouter {
  /** NdisClAddParty and NdisClDropParty: NDIS's entries, on the client's face. */
  interface ClientEntries extends NdisClientApi, Faces.Caller {
    @Override
    default PartyCreation clAddParty(
        NdisVcHandle ndisVcHandle, ProtocolPartyContext protocolPartyContext, CallParameters callParameters) {
      PartyRouter parties = routers().parties();
      return parties.core.api(actor(), "NdisClAddParty", Fmt.args(ndisVcHandle, protocolPartyContext, callParameters),
          call -> parties.addParty(call, ndisVcHandle, protocolPartyContext, callParameters), PartyCreation::status);
    }

    @Override
    default NdisStatus clDropParty(NdisPartyHandle ndisPartyHandle, CloseData closeData) {
      PartyRouter parties = routers().parties();
      return parties.core.api(actor(), "NdisClDropParty", Fmt.args(ndisPartyHandle, closeData),
          call -> parties.dropParty(call, ndisPartyHandle, closeData), s -> s);
    }
  }

  /** Ndis(M)CmAddPartyComplete and Ndis(M)CmDropPartyComplete: one routine for both kinds (§1.1). */
  interface CallManagerEntries extends NdisCallManagerApi, Faces.Caller {
    @Override
    default void cmAddPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle,
        CallMgrPartyContext callMgrPartyContext, CallParameters callParameters) {
      PartyRouter parties = routers().parties();
      parties.core.apiVoid(actor(), prefix() + "AddPartyComplete",
          Fmt.args(status, ndisPartyHandle, callMgrPartyContext, callParameters),
          call -> parties.addPartyComplete(call, status, ndisPartyHandle, callMgrPartyContext, callParameters));
    }

    @Override
    default void cmDropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
      PartyRouter parties = routers().parties();
      parties.core.apiVoid(actor(), prefix() + "DropPartyComplete", Fmt.args(status, ndisPartyHandle),
          call -> parties.dropPartyComplete(call, status, ndisPartyHandle));
    }
  }

  /** ADD-2: what ProtocolCmAddParty may return. */
  private static final ImmutableSet<NdisStatus> ADD_RETURNS = ImmutableSet.of(
      NdisStatus.SUCCESS, NdisStatus.PENDING, NdisStatus.RESOURCES, NdisStatus.NOT_SUPPORTED);
  /** DROP-5, plus FAILURE for the last party (DROP-1, DROP-2). */
  private static final ImmutableSet<NdisStatus> DROP_RETURNS = ImmutableSet.of(
      NdisStatus.SUCCESS, NdisStatus.PENDING, NdisStatus.INVALID_DATA, NdisStatus.FAILURE);

  private final NdisCore core;

  PartyRouter(NdisCore core) {
    this.core = core;
  }

  /**
   * NdisClAddParty: only on an established multipoint call (ADD-1), never during a make-call
   * (MAKE-13).
   *
   * <p>Decision (the digest is silent; ICLOSE-2 covers only sends): once
   * ProtocolClIncomingCloseCall has been dispatched on the VC the call is closing, and an add
   * fails with NDIS_STATUS_CLOSING without reaching the call manager. It is not a violation:
   * the client may have decided to add before the close reached it (it calls NDIS after
   * dropping its own lock, GEN-9). It is a failed add like any other: the client releases the
   * party context and parameters it allocated for it (ADD-5, checked as a leak).
   */
  PartyCreation addParty(Call call, NdisVcHandle handle, ProtocolPartyContext partyContext, CallParameters parameters) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null) {
      return new PartyCreation(NdisStatus.FAILURE, null);
    }
    if (vc.incomingCloseDispatched && vc.state == VcState.ACTIVE) {
      core.note(call.api() + " on " + handle + " after an incoming close: the call is closing, the add fails"
          + " with CLOSING and the call manager is not called");
      return new PartyCreation(NdisStatus.CLOSING, null);
    }
    core.checking("MAKE-13", "ADD-1");
    if (vc.state != VcState.ACTIVE || !vc.multipoint) {
      core.violation(call, vc.state == VcState.MAKING ? "MAKE-13" : "ADD-1",
          handle + " carries no established multipoint call (" + vc.state + (vc.multipoint ? "" : ", point-to-point") + ")");
      return new PartyCreation(NdisStatus.FAILURE, null);
    }
    core.touch(partyContext, "ADD-5", call.api());
    core.touch(parameters, "ADD-8", call.api());
    PartyRecord party = core.issueParty(vc, PartyRecord.Origin.ADD, partyContext, call.api() + " on " + handle);
    Request request = core.requests.open(party.requests(), RequestKind.ADD_PARTY, vc, party, parameters);
    core.touch(vc.callManagerContext, "VC-11", "ProtocolCmAddParty");
    PartyResult result = core.callOut(core.callManagerActor(), "ProtocolCmAddParty",
        Fmt.args(vc.callManagerContext, parameters, party.handle()),
        () -> core.callManager().protocolCmAddParty(vc.callManagerContext, parameters, party.handle()),
        PartyResult::status);
    core.checking("ADD-2");
    if (!ADD_RETURNS.contains(result.status())) {
      core.violation("ADD-2", "ProtocolCmAddParty returned " + result.status());
    }
    NdisStatus status = core.requests.settle(request, result.status(), "ProtocolCmAddParty",
        s -> added(party, s, result.callMgrPartyContext()));
    return new PartyCreation(status, party.handle());
  }

  /** Ndis(M)CmAddPartyComplete → ProtocolClAddPartyComplete, exactly once. */
  void addPartyComplete(Call call, NdisStatus status, NdisPartyHandle handle, CallMgrPartyContext partyContext,
      CallParameters parameters) {
    core.requireLock();
    Request request = core.complete(call, handle, RequestKind.ADD_PARTY, status);
    if (request == null) {
      return;
    }
    PartyRecord party = request.party;
    added(party, status, partyContext);
    core.touch(party.clientContext(), "ADD-8", "ProtocolClAddPartyComplete");
    core.touch(parameters, "ADD-8", "ProtocolClAddPartyComplete");
    core.callOutVoid(Actor.CLIENT, "ProtocolClAddPartyComplete",
        Fmt.args(status, party.clientContext(), party.handle(), parameters),
        () -> core.client().protocolClAddPartyComplete(status, party.clientContext(), party.handle(), parameters));
  }

  /** SUCCESS needs a non-null CallMgrPartyContext (ADD-3); failure kills the handle (ADD-4). */
  private void added(PartyRecord party, NdisStatus status, CallMgrPartyContext partyContext) {
    if (status.isSuccess()) {
      core.checking("ADD-3");
      if (partyContext == null) {
        core.violation("ADD-3", "add-party of " + party.handle() + " succeeded without a CallMgrPartyContext");
      }
      party.connect(partyContext);
      core.holdPartyContext(party);
    } else {
      core.endParty(party, PartyRecord.End.ADD_FAILED, "add-party failed with " + status);
    }
  }

  /**
   * NdisClDropParty: the handle is reserved from this call on (DROP-3); a second drop of the
   * same party is DROP-11; a party whose make-call or add-party is outstanding is MAKE-13 /
   * ADD-4; refused while the call is being closed (DROP-10). Dropping
   * the last party is reported as DROP-1 but routed: the call manager must fail it (DROP-2).
   */
  NdisStatus dropParty(Call call, NdisPartyHandle handle, CloseData closeData) {
    core.requireLock();
    PartyRecord party = core.clientParty(call, handle, PartyRecord.ClientUse.DROP, "DROP-3");
    if (party == null) {
      return NdisStatus.FAILURE;
    }
    VcRecord vc = party.vc();
    core.checking("DROP-10", "DROP-1");
    if (vc.state == VcState.CLOSING) {
      core.violation(call, "DROP-10", vc.handle() + " is being closed");
      return NdisStatus.FAILURE;
    }
    boolean lastParty = vc.attachedParties().stream()
        .noneMatch(other -> other != party && other.state() == PartyState.CONNECTED);
    if (lastParty) {
      core.violation(call, "DROP-1", handle + " is the last party on " + vc.handle()
          + ": it goes with NdisClCloseCall; routed anyway, the call manager must fail it");
    }
    core.touch(closeData, "OQ-18", call.api());
    party.startDrop();
    Request request = core.requests.open(party.requests(), RequestKind.DROP_PARTY, vc, party);
    CallMgrPartyContext partyContext = party.callManagerContext();
    core.touch(partyContext, "DROP-7", "ProtocolCmDropParty");
    core.touch(closeData, "OQ-18", "ProtocolCmDropParty");
    core.letGo(partyContext, "DROP-7"); // DROP-6: ProtocolCmDropParty frees it (after the completion if pended: below)
    NdisStatus returned = core.callOut(core.callManagerActor(), "ProtocolCmDropParty", Fmt.args(partyContext, closeData),
        () -> core.callManager().protocolCmDropParty(partyContext, closeData));
    core.checking("DROP-5");
    if (!DROP_RETURNS.contains(returned)) {
      core.violation("DROP-5", "ProtocolCmDropParty returned " + returned);
    }
    return core.requests.settle(request, returned, "ProtocolCmDropParty", s -> dropped(party, s));
  }

  /** Ndis(M)CmDropPartyComplete → ProtocolClDropPartyComplete, exactly once. */
  void dropPartyComplete(Call call, NdisStatus status, NdisPartyHandle handle) {
    core.requireLock();
    Request request = core.complete(call, handle, RequestKind.DROP_PARTY, status);
    if (request == null) {
      return;
    }
    PartyRecord party = request.party;
    // DROP-7: a pended drop's CallMgrPartyContext lives until this completion returns; NDIS has
    // it in hand here, so a CM that freed it early is seen whether or not it reads it again.
    core.touch(party.callManagerContext(), "DROP-7", call.api());
    dropped(party, status);
    ProtocolPartyContext partyContext = party.clientContext();
    core.touch(partyContext, party.incomingDropDispatched() ? "IDROP-4" : "DROP-8", "ProtocolClDropPartyComplete");
    core.callOutVoid(Actor.CLIENT, "ProtocolClDropPartyComplete", Fmt.args(status, partyContext),
        () -> core.client().protocolClDropPartyComplete(status, partyContext));
  }

  /**
   * SUCCESS: the party is gone (DROP-1 if it was the last one attached). FAILURE means "last
   * party" (DROP-2): it stays attached and its handle serves only the closing NdisClCloseCall
   * (OQ-5). Any other failure leaves it attached and usable (DROP-12).
   */
  private void dropped(PartyRecord party, NdisStatus status) {
    boolean lastParty = party.vc().attachedParties().stream().allMatch(other -> other == party);
    if (status.isSuccess() || status == NdisStatus.FAILURE) { // nothing here can break DROP-12: NDIS keeps the party
      core.checking(status.isSuccess() ? "DROP-1" : "DROP-2");
    }
    if (status.isSuccess()) {
      if (lastParty) {
        core.violation("DROP-1", "the call manager dropped " + party.handle()
            + ", the last party; it must fail that drop with FAILURE (DROP-2)");
      }
      core.endParty(party, PartyRecord.End.DROPPED, "drop-party succeeded");
    } else {
      if (status == NdisStatus.FAILURE && !lastParty) {
        core.violation("DROP-2", "drop of " + party.handle() + " failed with FAILURE, but it is not the last party");
      }
      party.dropFailed(status == NdisStatus.FAILURE && lastParty);
      core.holdPartyContext(party); // still attached: the close will hand it over (CLOSE-14)
    }
  }
}
