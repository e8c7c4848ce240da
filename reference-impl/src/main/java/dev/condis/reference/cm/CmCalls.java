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
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.fault.SeededFault;
import java.util.List;

/**
 * The calls of a {@link CallManagerCore}: ProtocolCmMakeCall (§2.1) and ProtocolCmCloseCall
 * (§2.2), each finished in-line or pended as {@link CmRequests} draws, around the VC's
 * activation and deactivation ({@link CmVcLifecycle}).
 */
final class CmCalls {
  private final CmState cm;
  private final NdisCallManagerApi ndis;
  private final CmRequests requests;
  private final CmVcLifecycle vcLifecycle;

  CmCalls(CmState cm, CmRequests requests, CmVcLifecycle vcLifecycle) {
    this.cm = cm;
    this.ndis = cm.ndis;
    this.requests = requests;
    this.vcLifecycle = vcLifecycle;
  }

  // ---------------------------------------------------------------------------------------
  // Outgoing call (§2.1)

  /**
   * ProtocolCmMakeCall: allocate the first party's state if multipoint (MAKE-5, ADD-6), then
   * activate the VC and draw the outcome. SUCCESS only after activation (MAKE-3, MAKE-4,
   * VC-12). A failure after activation deactivates first (MAKE-14, OQ-16).
   */
  PartyResult protocolCmMakeCall(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    CmVc vc = (CmVc) callMgrVcContext;
    CmParty party = null;
    Request request = new Request();
    Mode mode;
    cm.lock();
    try {
      if (!vc.touch("MAKE-3", cm.where("ProtocolCmMakeCall"))
          || !callParameters.touch("MAKE-2", cm.where("ProtocolCmMakeCall"))) {
        return PartyResult.of(NdisStatus.FAILURE);
      }
      vc.flowSpec = callParameters.flowSpec(); // OQ-17: copy what we need, keep no pointer
      vc.call = Call.MAKING;
      if (ndisPartyHandle != null) {
        party = cm.newParty(vc, ndisPartyHandle);
        party.firstParty = true;
      }
      mode = requests.pendMode(request, "makeCall.pend", 2);
    } finally {
      cm.unlock();
    }
    CmParty firstParty = party;
    requests.run("makeCall", mode, () -> makeCall(vc, firstParty, callParameters, request));
    NdisStatus status = requests.handlerReturns(request, mode);
    // MAKE-5: CallMgrPartyContext is null exactly on a point-to-point call; on PENDING or
    // failure NDIS does not read it.
    return status.isSuccess() ? new PartyResult(status, firstParty) : PartyResult.of(status);
  }

  private void makeCall(CmVc vc, CmParty party, CallParameters parameters, Request request) {
    vcLifecycle.activate(
        vc,
        activated -> {
          if (!activated.isSuccess()) {
            finishMakeCall(vc, party, parameters, request, NdisStatus.FAILURE); // VC-13
          } else if (cm.choose("makeCall.status", 2) == 0) {
            finishMakeCall(vc, party, parameters, request, NdisStatus.SUCCESS);
          } else {
            // MAKE-14, OQ-16: the network refused after activation: deactivate, then fail.
            vcLifecycle.deactivate(
                vc,
                deactivated ->
                    finishMakeCall(vc, party, parameters, request, NdisStatus.RESOURCES));
          }
        });
  }

  /**
   * Under the lock: the network may grant other parameters than asked. Rewrite them in the
   * client's buffer and set CALL_PARAMETERS_CHANGED (seed ProtocolClMakeCallComplete); the
   * client accepts or closes (MAKE-11). A data choice: no thread switch.
   */
  private void changeParameters(CmVc vc, CallParameters parameters) {
    if (cm.choose("makeCall.changeParameters", 2) == 1
        && parameters.touch("MAKE-2", cm.where("changeParameters"))) {
      parameters.rewrite(parameters.flowSpec() + 1);
      vc.flowSpec = parameters.flowSpec();
    }
  }

  private void finishMakeCall(
      CmVc vc, CmParty party, CallParameters parameters, Request request, NdisStatus status) {
    NdisVcHandle handle;
    NdisPartyHandle partyHandle = null;
    boolean viaCompletion;
    cm.lock();
    try {
      if (!vc.touch("MAKE-4", cm.where("makeCallComplete"))) {
        return;
      }
      handle = vc.handle;
      vc.call = status.isSuccess() ? Call.CONNECTED : Call.NONE;
      vc.established = false;
      if (status.isSuccess()) {
        changeParameters(vc, parameters);
      }
      if (party != null && party.touch("MAKE-9", cm.where("makeCallComplete"))) {
        partyHandle = party.handle;
        if (status.isSuccess()) {
          party.state = CmParty.State.CONNECTED;
        } else {
          vc.parties.remove(party); // MAKE-9, OQ-20: the party handle is dead from the call on
        }
      }
      viaCompletion = CmRequests.finish(request, status);
    } finally {
      cm.unlock();
    }
    if (viaCompletion) {
      if (!status.isSuccess() && cm.fault(SeededFault.CM_NEVER_COMPLETES_FAILED_MAKE_CALL)) {
        return; // Seeded fault: GEN-2 / MAKE-10, the pended failure is never completed.
      }
      NdisStatus reported =
          cm.fault(SeededFault.CM_COMPLETES_WITH_PENDING) ? NdisStatus.PENDING : status; // GEN-4
      ndis.cmMakeCallComplete(
          reported, handle, partyHandle, status.isSuccess() ? party : null, parameters);
      // MAKE-12, CLOSE-15: the client may have closed the call and deleted the VC from inside
      // ProtocolClMakeCallComplete; only our own lists tell whether vc and party are alive.
    } else if (cm.fault(SeededFault.CM_COMPLETES_INLINE_MAKE_CALL)) {
      // Seeded fault: GEN-3, a final return is the completion; this is a second one.
      CmParty completedParty = status.isSuccess() ? party : null;
      NdisPartyHandle completedHandle = partyHandle;
      cm.platform.queueDeferred(
          cm.prefix + ".makeCallComplete",
          () -> ndis.cmMakeCallComplete(status, handle, completedHandle, completedParty, parameters));
    }
    cm.lock();
    try {
      if (!status.isSuccess()) {
        if (party != null) {
          cm.releaseParty(party, "MAKE-9", "makeCallComplete"); // after the completion returned
        }
      } else if (viaCompletion) {
        cm.markEstablished(vc, party);
      }
    } finally {
      cm.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Client-initiated close (§2.2)

  /**
   * ProtocolCmCloseCall. Fails while more than one party is attached (CLOSE-1) and, when close
   * data is given on a medium that cannot carry it, returns INVALID_DATA with nothing changed
   * (CLOSE-6, CLOSE-18). Otherwise, in CLOSE-5 order: tear down, send the close data, copy the
   * last party's handle (CLOSE-14) and free its state (CLOSE-4), deactivate, and report
   * SUCCESS only once deactivated (CLOSE-8, OQ-9) — from ProtocolCmDeactivateVcComplete when
   * the deactivation pended (CLOSE-7). The close is inline, pended and completed from a
   * deferred call, or pended and completed from inside this handler before it returns PENDING
   * (GEN-8).
   */
  NdisStatus protocolCmCloseCall(
      CallMgrVcContext callMgrVcContext,
      CallMgrPartyContext callMgrPartyContext,
      CloseData closeData) {
    CmVc vc = (CmVc) callMgrVcContext;
    Request request = new Request();
    Mode mode;
    cm.lock();
    try {
      if (!vc.touch("CLOSE-5", cm.where("ProtocolCmCloseCall"))) {
        return NdisStatus.FAILURE;
      }
      if (vc.parties.size() > 1) {
        return NdisStatus.FAILURE; // CLOSE-1: a pending drop still counts as attached (DROP-10)
      }
      if (closeData != null) {
        // The close data is sent here and no pointer to it is kept (OQ-18).
        closeData.touch("CLOSE-5", cm.where("ProtocolCmCloseCall"));
        if (!cm.closeDataSupported()) {
          return NdisStatus.INVALID_DATA; // CLOSE-6; CLOSE-18: the call stays as it was
        }
      }
      vc.call = Call.CLOSING; // ICLOSE-10, OQ-1: no incoming close from now on
      if (vc.dispatchesInFlight > 0) {
        // An incoming close or drop we dispatched is still on its way (often this very close
        // acknowledges it, nested inside it): hold the close until it returns (GEN-9).
        request.pended = true;
        vc.heldUntilDispatchReturns.add(() -> closeCall(vc, request));
        return NdisStatus.PENDING;
      }
      mode = requests.pendMode(request, "closeCall.pend", 3);
    } finally {
      cm.unlock();
    }
    requests.run("closeCall", mode, () -> closeCall(vc, request));
    return requests.handlerReturns(request, mode);
  }

  private void closeCall(CmVc vc, Request request) {
    NdisPartyHandle partyHandle = null;
    NdisVcHandle failedHandle = null;
    cm.lock();
    try {
      if (!vc.touch("CLOSE-5", cm.where("closeCall"))) {
        return;
      }
      if (request.pended && !vc.closeFailedOnce && cm.choose("closeCall.fail", 2) == 1) {
        // A pended close that fails, once per VC: nothing torn down, nothing freed, the call
        // stays up exactly as it was (CLOSE-18) and the client may close again.
        vc.closeFailedOnce = true;
        vc.call = Call.CONNECTED;
        for (CmParty party : vc.parties) {
          partyHandle = party.handle; // the last party's, kept (CLOSE-2)
        }
        failedHandle = vc.handle;
      }
    } finally {
      cm.unlock();
    }
    if (failedHandle != null) {
      closeCallComplete(NdisStatus.FAILURE, failedHandle, partyHandle);
      return;
    }
    cm.lock();
    try {
      if (!vc.touch("CLOSE-5", cm.where("closeCall"))) {
        return;
      }
      for (CmParty party : List.copyOf(vc.parties)) { // the last party, if multipoint
        vc.parties.remove(party);
        if (cm.fault(SeededFault.CM_READS_PARTY_AFTER_FREE)) {
          // Seeded fault: frees first, then reads the handle out of the freed state.
          cm.releaseParty(party, "CLOSE-4", "ProtocolCmCloseCall");
          party.touch("CLOSE-14", cm.where("ProtocolCmCloseCall"));
          partyHandle = party.handle;
        } else {
          partyHandle = party.handle; // CLOSE-14: copy the handle before freeing the state
          if (!cm.fault(SeededFault.CM_LEAKS_PARTY_ON_CLOSE)) {
            cm.releaseParty(party, "CLOSE-4", "ProtocolCmCloseCall");
          }
        }
      }
    } finally {
      cm.unlock();
    }
    NdisPartyHandle lastParty = partyHandle;
    vcLifecycle.deactivate(vc, deactivated -> finishCloseCall(vc, lastParty, request));
  }

  private void finishCloseCall(CmVc vc, NdisPartyHandle partyHandle, Request request) {
    NdisVcHandle handle;
    boolean createdHere;
    boolean viaCompletion;
    cm.lock();
    try {
      if (!vc.touch("CLOSE-8", cm.where("closeCallComplete"))) {
        return;
      }
      vc.call = Call.CLOSED;
      handle = vc.handle;
      createdHere = vc.createdHere;
      viaCompletion = CmRequests.finish(request, NdisStatus.SUCCESS);
    } finally {
      cm.unlock();
    }
    if (!viaCompletion) {
      // The handler returns SUCCESS, and the client runs its completion logic after that
      // return, at a moment we cannot see: a VC of ours stays closed and idle until shutdown()
      // deletes it (CLOSE-10).
      return;
    }
    closeCallComplete(NdisStatus.SUCCESS, handle, partyHandle);
    if (!createdHere) {
      // CLOSE-15: the client may have deleted its VC from ProtocolClCloseCallComplete, so
      // CallMgrVcContext is not ours to touch any more.
      if (cm.fault(SeededFault.CM_TOUCHES_VC_AFTER_CLOSE)) {
        cm.lock();
        try {
          vc.touch("CLOSE-15", cm.where("closeCallComplete")); // Seeded fault
        } finally {
          cm.unlock();
        }
      }
      return;
    }
    // CLOSE-10, §2.2 step 4b: the client's ProtocolClCloseCallComplete has returned, and on a
    // pended close the client does nothing more with the VC once NdisClCloseCall returns: delete
    // it now (its ProtocolCoDeleteVc runs inside), even while ProtocolCmCloseCall is still on
    // the stack (GEN-8).
    if (!cm.fault(SeededFault.CM_KEEPS_VC_AFTER_CLOSE)) {
      vcLifecycle.deleteOwnVc(vc);
    }
  }

  /** Ndis(M)CmCloseCallComplete for a pended close (GEN-2). */
  private void closeCallComplete(NdisStatus status, NdisVcHandle handle, NdisPartyHandle partyHandle) {
    ndis.cmCloseCallComplete(status, handle, partyHandle);
    if (cm.integrated() && cm.fault(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE)) {
      // Seeded fault: GEN-2, a pended close completed a second time.
      ndis.cmCloseCallComplete(status, handle, partyHandle);
    }
  }
}
