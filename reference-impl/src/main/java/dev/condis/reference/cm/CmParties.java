package dev.condis.reference.cm;

import dev.condis.reference.cm.CmRequests.Mode;
import dev.condis.reference.cm.CmRequests.Request;
import dev.condis.reference.cm.CmVc.Call;
import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.fault.SeededFault;

/**
 * The parties of a {@link CallManagerCore}'s multipoint calls: ProtocolCmAddParty (§2.4) and
 * ProtocolCmDropParty (§2.5), each finished in-line or pended.
 */
final class CmParties {
  private final CmState cm;
  private final NdisCallManagerApi ndis;
  private final CmRequests requests;

  CmParties(CmState cm, CmRequests requests) {
    this.cm = cm;
    this.ndis = cm.ndis;
    this.requests = requests;
  }

  // ---------------------------------------------------------------------------------------
  // Add party (§2.4)

  /**
   * ProtocolCmAddParty: allocate party state holding the handle (ADD-6), then SUCCESS or
   * RESOURCES (ADD-2), inline or pended. SUCCESS passes the non-NULL party context (ADD-3); a
   * failure frees the state after its completion returned (ADD-7).
   */
  PartyResult protocolCmAddParty(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    CmVc vc = (CmVc) callMgrVcContext;
    CmParty party;
    Request request = new Request();
    Mode mode;
    cm.lock();
    try {
      if (!vc.touch("ADD-1", cm.where("ProtocolCmAddParty"))
          || !callParameters.touch("ADD-8", cm.where("ProtocolCmAddParty"))) {
        return PartyResult.of(NdisStatus.FAILURE);
      }
      if (vc.call != Call.CONNECTED || vc.parties.isEmpty()) {
        return PartyResult.of(NdisStatus.NOT_SUPPORTED); // ADD-1: no established multipoint call
      }
      // NDIS routes an add only on an established multipoint call (ADD-1): a make-call we
      // finished with a final return is settled, so it counts as established now (OQ-13).
      for (CmParty first : vc.parties) {
        if (first.touch("ADD-1", cm.where("ProtocolCmAddParty")) && first.firstParty) {
          cm.markEstablished(vc, first);
        }
      }
      party = cm.newParty(vc, ndisPartyHandle);
      mode = requests.pendMode(request, "addParty.pend", 2);
    } finally {
      cm.unlock();
    }
    requests.run(
        "addParty",
        mode,
        () ->
            finishAddParty(
                party,
                callParameters,
                request,
                cm.choose("addParty.status", 2) == 0 ? NdisStatus.SUCCESS : NdisStatus.RESOURCES));
    NdisStatus status = requests.handlerReturns(request, mode);
    return status.isSuccess() ? new PartyResult(status, party) : PartyResult.of(status);
  }

  private void finishAddParty(
      CmParty party, CallParameters parameters, Request request, NdisStatus status) {
    NdisPartyHandle handle;
    boolean viaCompletion;
    cm.lock();
    try {
      if (!party.touch("ADD-6", cm.where("addPartyComplete"))
          || !party.vc.touch("ADD-1", cm.where("addPartyComplete"))) {
        return;
      }
      handle = party.handle;
      if (status.isSuccess()) {
        party.state = CmParty.State.CONNECTED;
      } else {
        party.vc.parties.remove(party);
      }
      viaCompletion = CmRequests.finish(request, status);
    } finally {
      cm.unlock();
    }
    if (viaCompletion) {
      // ADD-3: non-NULL party context on SUCCESS; NDIS ignores it on failure.
      ndis.cmAddPartyComplete(status, handle, status.isSuccess() ? party : null, parameters);
    }
    cm.lock();
    try {
      if (status.isSuccess()) {
        if (viaCompletion) {
          cm.markEstablished(party.vc, party);
        }
      } else {
        cm.releaseParty(party, "ADD-7", "addPartyComplete");
      }
    } finally {
      cm.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Drop party (§2.5)

  /**
   * ProtocolCmDropParty: FAILURE for the last party (DROP-2: it goes with the close),
   * INVALID_DATA for close data the medium cannot carry (DROP-5; DROP-12: nothing changes),
   * else SUCCESS. Inline SUCCESS frees the party state before returning (DROP-6); a pended
   * drop reads the handle from the state, completes, and frees it after the completion
   * returned (DROP-7, OQ-19).
   */
  NdisStatus protocolCmDropParty(
      CallMgrPartyContext callMgrPartyContext, CloseData closeData) {
    CmParty party = (CmParty) callMgrPartyContext;
    cm.lock();
    try {
      if (!party.touch("DROP-6", cm.where("ProtocolCmDropParty"))
          || !party.vc.touch("DROP-1", cm.where("ProtocolCmDropParty"))) {
        return NdisStatus.FAILURE;
      }
      if (party.vc.parties.size() <= 1) {
        return NdisStatus.FAILURE; // DROP-1, DROP-2
      }
      if (closeData != null) {
        closeData.touch("DROP-5", cm.where("ProtocolCmDropParty")); // the drop data is sent here
        if (!cm.closeDataSupported()) {
          return NdisStatus.INVALID_DATA; // DROP-12: the party stays as it was
        }
      }
      party.state = CmParty.State.DROPPING; // OQ-14: no incoming drop for it from now on
      if (party.vc.dispatchesInFlight > 0) {
        // Held like a close (CmCalls#protocolCmCloseCall): the handle must outlive our dispatch.
        party.vc.heldUntilDispatchReturns.add(() -> completeDropParty(party));
        return NdisStatus.PENDING;
      }
      if (cm.choose("dropParty.pend", 2) == 0) {
        party.vc.parties.remove(party);
        cm.releaseParty(party, "DROP-6", "ProtocolCmDropParty"); // OQ-19: before returning
        return NdisStatus.SUCCESS;
      }
      if (cm.fault(SeededFault.CM_FREES_PARTY_BEFORE_DROP_COMPLETES)) {
        cm.releaseParty(party, "DROP-6", "ProtocolCmDropParty"); // Seeded fault: DROP-7, freed while pending
      }
    } finally {
      cm.unlock();
    }
    cm.platform.queueDeferred(cm.prefix + ".dropPartyComplete", () -> completeDropParty(party));
    return NdisStatus.PENDING;
  }

  private void completeDropParty(CmParty party) {
    NdisPartyHandle handle;
    boolean freedEarly = cm.fault(SeededFault.CM_FREES_PARTY_BEFORE_DROP_COMPLETES);
    cm.lock();
    try {
      // With the seeded fault the state was freed: read it anyway, with no touch, as a driver
      // that does not report its reads would.
      if (!freedEarly && (!party.touch("DROP-7", cm.where("dropPartyComplete"))
          || !party.vc.touch("DROP-10", cm.where("dropPartyComplete")))) {
        return;
      }
      handle = party.handle;
      // Detached before the completion: the client may close the call from inside it, and
      // the close must find one party, not two (CLOSE-1).
      party.vc.parties.remove(party);
    } finally {
      cm.unlock();
    }
    ndis.cmDropPartyComplete(NdisStatus.SUCCESS, handle);
    cm.lock();
    try {
      if (!freedEarly) {
        cm.releaseParty(party, "DROP-7", "dropPartyComplete"); // OQ-19: after the completion returned
      }
    } finally {
      cm.unlock();
    }
  }
}
