package dev.condis.reference.cm;

import dev.condis.reference.cm.CmVc.Activation;
import dev.condis.reference.cm.CmVc.Call;
import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.context.TrackedContext;
import dev.condis.reference.driver.CallManagerDriver;
import dev.condis.reference.driver.CreateVcResult;
import dev.condis.reference.driver.PartyResult;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisPartyHandle;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.ndis.NdisStatus;
import dev.condis.reference.ndis.NdisVcHandle;
import dev.condis.reference.ndis.VcCreation;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The call-manager logic shared by the stand-alone reference CM ({@link ReferenceCallManager})
 * and the reference MCM ({@code mcm.ReferenceMcm}). NDIS calls the same ProtocolCmXxx /
 * ProtocolCoXxx handlers on both and handles their completions the same way (§1.1); they
 * differ only in the NDIS functions behind {@link CallManagerNdis} (GEN-10): NdisCoCreateVc /
 * NdisCoDeleteVc / NdisCmActivateVc / NdisCmDeactivateVc for the CM, NdisMCmCreateVc /
 * NdisMCmDeleteVc / NdisMCmActivateVc / NdisMCmDeactivateVc for the MCM.
 *
 * <p>Discipline, for every path:
 *
 * <ul>
 *   <li>All state is guarded by one platform lock, never held across a call into NDIS: NDIS
 *       calls back synchronously, possibly into this driver (GEN-9, IRQL-4).
 *   <li>State that says a request is outstanding is written before the request is made
 *       (GEN-8): a completion may arrive on another thread, or nested, before it returns.
 *   <li>Every context field is read or written only after {@link TrackedContext#touch}; after
 *       a completion or dispatch call returns, a context is touched again only if it is still
 *       in this driver's own lists ({@link #vcs}, {@link #parties}), because the client may
 *       have closed the call and deleted its VC from inside that call (CLOSE-15, MAKE-12).
 *   <li>Each handler either returns a final status, or returns PENDING and completes exactly
 *       once later (GEN-2, GEN-3). Whether it pends, and the status, are data choices made
 *       through {@link Platform#choose}, so the model checker explores all of them.
 * </ul>
 *
 * <p>Choice labels (prefix {@code cm} or {@code mcm}): {@code makeCall.pend} (2: inline,
 * pend), {@code makeCall.status} (2: SUCCESS, RESOURCES after activation), {@code
 * closeCall.pend} (3: inline, pend and complete from a deferred call, pend and complete from
 * inside the handler — GEN-8), {@code addParty.pend} (2), {@code addParty.status} (2: SUCCESS,
 * RESOURCES), {@code dropParty.pend} (2), {@code closeData.supported} (2, drawn once per run:
 * whether the medium carries close data; if not, a close or drop carrying data gets
 * INVALID_DATA, CLOSE-6, DROP-5).
 */
public abstract class CallManagerCore implements CallManagerDriver {

  /** The flow spec the call manager offers on incoming calls. */
  static final int INCOMING_FLOW_SPEC = 64;

  /**
   * The size of the call manager's table of client-created VCs: at most this many
   * CallMgrVcContexts for client VCs are live at once; ProtocolCoCreateVc fails with RESOURCES
   * beyond it (VC-2). No scenario of the catalog creates more than one client VC, so the limit
   * is reached only in tests that ask for it.
   */
  public static final int MAX_CLIENT_VCS = 4;

  private String prefix;
  private CallManagerNdis ndis;
  private Platform platform;
  private ContextTracker tracker;
  private FaultSet faults;
  private NdisAfHandle ndisAfHandle;
  private NdisSapHandle ndisSapHandle;
  private PlatformLock lock;

  /** Every VC whose CallMgrVcContext is live, in creation order. Guarded by {@link #lock}. */
  private final List<CmVc> vcs = new ArrayList<>();

  /** Every live CallMgrPartyContext. Guarded by {@link #lock}. */
  private final Set<CmParty> parties = new HashSet<>();

  /** -1 until drawn, then 0 = the medium carries close data, 1 = it does not (CLOSE-6, DROP-5). */
  private int closeDataUnsupported = -1;

  /**
   * Called by the concrete driver's {@code initialize}. {@code prefix} ("cm" or "mcm") starts
   * every choice label, context tag and deferred-call name.
   */
  protected final void initializeCore(
      String prefix,
      CallManagerNdis ndis,
      Platform platform,
      ContextTracker tracker,
      NdisAfHandle ndisAfHandle,
      NdisSapHandle ndisSapHandle,
      FaultSet faults) {
    this.prefix = prefix;
    this.ndis = ndis;
    this.platform = platform;
    this.tracker = tracker;
    this.ndisAfHandle = ndisAfHandle;
    this.ndisSapHandle = ndisSapHandle;
    this.faults = faults;
    this.lock = platform.newLock(prefix);
  }

  /** Whether a seeded fault is switched on for this run. */
  protected final boolean fault(SeededFault fault) {
    return faults.has(fault);
  }

  // ---------------------------------------------------------------------------------------
  // VC creation and deletion (§2.1 step 1, §2.8)

  /**
   * ProtocolCoCreateVc for a client-created VC: allocate CallMgrVcContext, then take one of the
   * {@link #MAX_CLIENT_VCS} slots of the call manager's table of client VCs. With no slot free
   * it fails with RESOURCES, and releases the context it allocated before returning (VC-2), so
   * nothing of that VC is left behind. Never PENDING.
   */
  @Override
  public final CreateVcResult<CallMgrVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    CmVc vc;
    lock();
    try {
      vc = tracker.allocate(new CmVc(prefix + ".vc", false));
      if (clientVcCount() >= MAX_CLIENT_VCS) {
        tracker.release(vc, "VC-2", where("ProtocolCoCreateVc")); // VC-2: before returning
        return CreateVcResult.failure(NdisStatus.RESOURCES);
      }
      vc.handle = ndisVcHandle;
      vcs.add(vc);
    } finally {
      unlock();
    }
    if (fault(SeededFault.CM_CREATE_VC_PENDING)) {
      // Seeded fault: GEN-5 says ProtocolCoCreateVc never pends.
      return new CreateVcResult<>(NdisStatus.PENDING, vc);
    }
    return CreateVcResult.success(vc);
  }

  /**
   * ProtocolCoDeleteVc for a client-created VC: free CallMgrVcContext (VC-9), also when no
   * call was ever made on it (VC-10, OQ-22: nothing is set up in ProtocolCoCreateVc). Refuses (OQ-15) while a call or an activation is live
   * (VC-5); a correct client never asks then.
   */
  @Override
  public final NdisStatus protocolCoDeleteVc(CallMgrVcContext callMgrVcContext) {
    CmVc vc = (CmVc) callMgrVcContext;
    lock();
    try {
      if (!vc.touch("VC-9", where("ProtocolCoDeleteVc"))) {
        return NdisStatus.FAILURE;
      }
      if (!vc.idle() || !vc.parties.isEmpty()) {
        return NdisStatus.NOT_ACCEPTED;
      }
      vcs.remove(vc);
      tracker.release(vc, "VC-10", where("ProtocolCoDeleteVc"));
      return NdisStatus.SUCCESS;
    } finally {
      unlock();
    }
  }

  /**
   * Deletes a VC this call manager created (VC-4), once it is deactivated and has no call
   * (VC-5, CLOSE-10, INCALL-7). The client's ProtocolCoDeleteVc runs inside. The context is
   * released only after the delete returned SUCCESS (VC-11); on a refusal both survive and
   * {@link #shutdown()} tries again (OQ-15).
   */
  private void deleteOwnVc(CmVc vc) {
    NdisVcHandle handle;
    lock();
    try {
      if (!vcs.contains(vc) || !vc.touch("VC-5", where("deleteVc"))) {
        return;
      }
      handle = vc.handle;
    } finally {
      unlock();
    }
    NdisStatus status = ndis.deleteVc(handle);
    if (status.isSuccess()) {
      lock();
      try {
        // VC-7: the handle is dead from here on.
        vcs.remove(vc);
        tracker.release(vc, "VC-11", where("deleteVc"));
      } finally {
        unlock();
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Activation and deactivation (§2.1 step 3, §2.2 step 2; GEN-6; OQ-10)

  /**
   * Activates the VC with a resident CallParameters buffer of this call manager's, then runs
   * {@code then} with the activation status: from ProtocolCmActivateVcComplete if the
   * activation pended, in-line otherwise (GEN-6). The continuation is recorded before the
   * request (GEN-8).
   */
  private void activate(CmVc vc, Consumer<NdisStatus> then) {
    NdisVcHandle handle;
    CallParameters parameters;
    lock();
    try {
      if (!vc.touch("VC-12", where("activateVc"))) {
        return;
      }
      parameters = tracker.allocate(new CallParameters(prefix + ".activateVc", vc.flowSpec));
      vc.activationParameters = parameters;
      vc.activation = Activation.ACTIVATING;
      vc.afterActivation = then;
      handle = vc.handle;
    } finally {
      unlock();
    }
    NdisStatus status = ndis.activateVc(handle, parameters);
    if (status.isFinal()) {
      activationCompleted(vc, status);
    }
  }

  @Override
  public final void protocolCmActivateVcComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext, CallParameters callParameters) {
    activationCompleted((CmVc) callMgrVcContext, status);
  }

  private void activationCompleted(CmVc vc, NdisStatus status) {
    Consumer<NdisStatus> then;
    lock();
    try {
      if (!vc.touch("GEN-6", where("ProtocolCmActivateVcComplete"))
          || vc.activation != Activation.ACTIVATING) {
        return;
      }
      // VC-13: a failed activation leaves the VC unusable until re-activated or deleted.
      vc.activation = status.isSuccess() ? Activation.ACTIVE : Activation.INACTIVE;
      // The resident activation buffer is ours again once activation completed (§1.3).
      tracker.release(vc.activationParameters, "VC-12", where("ProtocolCmActivateVcComplete"));
      vc.activationParameters = null;
      then = vc.afterActivation;
      vc.afterActivation = null;
    } finally {
      unlock();
    }
    then.accept(status);
  }

  /**
   * Deactivates the VC, then runs {@code then}: from ProtocolCmDeactivateVcComplete if the
   * deactivation pended (CLOSE-7), in-line otherwise. One deactivation per activation (VC-15).
   */
  private void deactivate(CmVc vc, Consumer<NdisStatus> then) {
    NdisVcHandle handle;
    lock();
    try {
      if (!vc.touch("VC-15", where("deactivateVc"))) {
        return;
      }
      vc.activation = Activation.DEACTIVATING;
      vc.afterDeactivation = then;
      handle = vc.handle;
    } finally {
      unlock();
    }
    NdisStatus status = ndis.deactivateVc(handle);
    if (status.isFinal()) {
      deactivationCompleted(vc, status);
    }
  }

  @Override
  public final void protocolCmDeactivateVcComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext) {
    deactivationCompleted((CmVc) callMgrVcContext, status);
  }

  private void deactivationCompleted(CmVc vc, NdisStatus status) {
    Consumer<NdisStatus> then;
    lock();
    try {
      if (!vc.touch("GEN-6", where("ProtocolCmDeactivateVcComplete"))
          || vc.activation != Activation.DEACTIVATING) {
        return;
      }
      // VC-14: the call parameters are void now; NOT_ACCEPTED from an MCM means "already
      // deactivated", which ends the same way.
      vc.activation = Activation.INACTIVE;
      then = vc.afterDeactivation;
      vc.afterDeactivation = null;
    } finally {
      unlock();
    }
    then.accept(status);
  }

  // ---------------------------------------------------------------------------------------
  // Outgoing call (§2.1)

  /**
   * ProtocolCmMakeCall: allocate the first party's state if multipoint (MAKE-5, ADD-6), then
   * activate the VC and draw the outcome. SUCCESS only after activation (MAKE-3, MAKE-4,
   * VC-12). A failure after activation deactivates first (MAKE-14, OQ-16).
   */
  @Override
  public final PartyResult protocolCmMakeCall(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    CmVc vc = (CmVc) callMgrVcContext;
    CmParty party = null;
    Request request = new Request();
    Mode mode;
    lock();
    try {
      if (!vc.touch("MAKE-3", where("ProtocolCmMakeCall"))
          || !callParameters.touch("MAKE-2", where("ProtocolCmMakeCall"))) {
        return PartyResult.of(NdisStatus.FAILURE);
      }
      vc.flowSpec = callParameters.flowSpec(); // OQ-17: copy what we need, keep no pointer
      vc.call = Call.MAKING;
      if (ndisPartyHandle != null) {
        party = newParty(vc, ndisPartyHandle);
        party.firstParty = true;
      }
      mode = pendMode(request, "makeCall.pend", 2);
    } finally {
      unlock();
    }
    CmParty firstParty = party;
    run("makeCall", mode, () -> makeCall(vc, firstParty, callParameters, request));
    NdisStatus status = handlerReturns(request, mode);
    // MAKE-5: CallMgrPartyContext is null exactly on a point-to-point call; on PENDING or
    // failure NDIS does not read it.
    return status.isSuccess() ? new PartyResult(status, firstParty) : PartyResult.of(status);
  }

  private void makeCall(CmVc vc, CmParty party, CallParameters parameters, Request request) {
    activate(
        vc,
        activated -> {
          if (!activated.isSuccess()) {
            finishMakeCall(vc, party, parameters, request, NdisStatus.FAILURE); // VC-13
          } else if (choose("makeCall.status", 2) == 0) {
            finishMakeCall(vc, party, parameters, request, NdisStatus.SUCCESS);
          } else {
            // MAKE-14, OQ-16: the network refused after activation: deactivate, then fail.
            deactivate(
                vc, deactivated -> finishMakeCall(vc, party, parameters, request, NdisStatus.RESOURCES));
          }
        });
  }

  private void finishMakeCall(
      CmVc vc, CmParty party, CallParameters parameters, Request request, NdisStatus status) {
    NdisVcHandle handle;
    NdisPartyHandle partyHandle = null;
    boolean viaCompletion;
    lock();
    try {
      if (!vc.touch("MAKE-4", where("makeCallComplete"))) {
        return;
      }
      handle = vc.handle;
      vc.call = status.isSuccess() ? Call.CONNECTED : Call.NONE;
      vc.established = false;
      if (party != null && party.touch("MAKE-9", where("makeCallComplete"))) {
        partyHandle = party.handle;
        if (status.isSuccess()) {
          party.state = CmParty.State.CONNECTED;
        } else {
          vc.parties.remove(party); // MAKE-9, OQ-20: the party handle is dead from the call on
        }
      }
      viaCompletion = finish(request, status);
    } finally {
      unlock();
    }
    if (viaCompletion) {
      if (!status.isSuccess() && fault(SeededFault.CM_NEVER_COMPLETES_FAILED_MAKE_CALL)) {
        return; // Seeded fault: GEN-2 / MAKE-10, the pended failure is never completed.
      }
      NdisStatus reported =
          fault(SeededFault.CM_COMPLETES_WITH_PENDING) ? NdisStatus.PENDING : status; // GEN-4
      ndis.makeCallComplete(
          reported, handle, partyHandle, status.isSuccess() ? party : null, parameters);
      // MAKE-12, CLOSE-15: the client may have closed the call and deleted the VC from inside
      // ProtocolClMakeCallComplete; only our own lists tell whether vc and party are alive.
    } else if (fault(SeededFault.CM_COMPLETES_INLINE_MAKE_CALL)) {
      // Seeded fault: GEN-3, a final return is the completion; this is a second one.
      CmParty completedParty = status.isSuccess() ? party : null;
      NdisPartyHandle completedHandle = partyHandle;
      platform.queueDeferred(
          prefix + ".makeCallComplete",
          () -> ndis.makeCallComplete(status, handle, completedHandle, completedParty, parameters));
    }
    lock();
    try {
      if (!status.isSuccess()) {
        if (party != null) {
          releaseParty(party, "MAKE-9", "makeCallComplete"); // after the completion returned
        }
      } else if (viaCompletion) {
        markEstablished(vc, party);
      }
    } finally {
      unlock();
    }
  }

  /**
   * Under the lock: the completion call that set up the call or party has returned, so an
   * incoming close or drop may follow (OQ-13). Only a completion call gives that certainty: a
   * final return from our handler is processed by NDIS after the handler has returned, at a
   * moment we cannot see, so a call or party finished that way counts as established only
   * once NDIS shows it has settled it (see {@link #protocolCmAddParty}).
   */
  private void markEstablished(CmVc vc, CmParty party) {
    if (vcs.contains(vc)
        && vc.touch("MAKE-12", where("established"))
        && vc.call == Call.CONNECTED) {
      vc.established = true;
    }
    if (party != null
        && parties.contains(party)
        && party.touch("ADD-6", where("established"))
        && party.state == CmParty.State.CONNECTED) {
      party.established = true;
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
  @Override
  public final NdisStatus protocolCmCloseCall(
      CallMgrVcContext callMgrVcContext,
      CallMgrPartyContext callMgrPartyContext,
      CloseData closeData) {
    CmVc vc = (CmVc) callMgrVcContext;
    Request request = new Request();
    Mode mode;
    lock();
    try {
      if (!vc.touch("CLOSE-5", where("ProtocolCmCloseCall"))) {
        return NdisStatus.FAILURE;
      }
      if (vc.parties.size() > 1) {
        return NdisStatus.FAILURE; // CLOSE-1: a pending drop still counts as attached (DROP-10)
      }
      if (closeData != null) {
        // The close data is sent here and no pointer to it is kept (OQ-18).
        closeData.touch("CLOSE-5", where("ProtocolCmCloseCall"));
        if (!closeDataSupported()) {
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
      mode = pendMode(request, "closeCall.pend", 3);
    } finally {
      unlock();
    }
    run("closeCall", mode, () -> closeCall(vc, request));
    return handlerReturns(request, mode);
  }

  private void closeCall(CmVc vc, Request request) {
    NdisPartyHandle partyHandle = null;
    lock();
    try {
      if (!vc.touch("CLOSE-5", where("closeCall"))) {
        return;
      }
      for (CmParty party : List.copyOf(vc.parties)) { // the last party, if multipoint
        vc.parties.remove(party);
        if (fault(SeededFault.CM_READS_PARTY_AFTER_FREE)) {
          // Seeded fault: frees first, then reads the handle out of the freed state.
          releaseParty(party, "CLOSE-4", "ProtocolCmCloseCall");
          party.touch("CLOSE-14", where("ProtocolCmCloseCall"));
          partyHandle = party.handle;
        } else {
          partyHandle = party.handle; // CLOSE-14: copy the handle before freeing the state
          if (!fault(SeededFault.CM_LEAKS_PARTY_ON_CLOSE)) {
            releaseParty(party, "CLOSE-4", "ProtocolCmCloseCall");
          }
        }
      }
    } finally {
      unlock();
    }
    NdisPartyHandle lastParty = partyHandle;
    deactivate(vc, deactivated -> finishCloseCall(vc, lastParty, request));
  }

  private void finishCloseCall(CmVc vc, NdisPartyHandle partyHandle, Request request) {
    NdisVcHandle handle;
    boolean createdHere;
    boolean viaCompletion;
    lock();
    try {
      if (!vc.touch("CLOSE-8", where("closeCallComplete"))) {
        return;
      }
      vc.call = Call.CLOSED;
      handle = vc.handle;
      createdHere = vc.createdHere;
      viaCompletion = finish(request, NdisStatus.SUCCESS);
    } finally {
      unlock();
    }
    if (!viaCompletion) {
      // The handler returns SUCCESS, and the client runs its completion logic after that
      // return, at a moment we cannot see: a VC of ours stays closed and idle until shutdown()
      // deletes it (CLOSE-10).
      return;
    }
    ndis.closeCallComplete(NdisStatus.SUCCESS, handle, partyHandle);
    if (!createdHere) {
      // CLOSE-15: the client may have deleted its VC from ProtocolClCloseCallComplete, so
      // CallMgrVcContext is not ours to touch any more.
      if (fault(SeededFault.CM_TOUCHES_VC_AFTER_CLOSE)) {
        lock();
        try {
          vc.touch("CLOSE-15", where("closeCallComplete")); // Seeded fault
        } finally {
          unlock();
        }
      }
      return;
    }
    // CLOSE-10, §2.2 step 4b: the client's ProtocolClCloseCallComplete has returned, and on a
    // pended close the client does nothing more with the VC once NdisClCloseCall returns: delete
    // it now (its ProtocolCoDeleteVc runs inside), even while ProtocolCmCloseCall is still on
    // the stack (GEN-8).
    deleteOwnVc(vc);
  }

  // ---------------------------------------------------------------------------------------
  // Add party (§2.4)

  /**
   * ProtocolCmAddParty: allocate party state holding the handle (ADD-6), then SUCCESS or
   * RESOURCES (ADD-2), inline or pended. SUCCESS passes the non-NULL party context (ADD-3); a
   * failure frees the state after its completion returned (ADD-7).
   */
  @Override
  public final PartyResult protocolCmAddParty(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    CmVc vc = (CmVc) callMgrVcContext;
    CmParty party;
    Request request = new Request();
    Mode mode;
    lock();
    try {
      if (!vc.touch("ADD-1", where("ProtocolCmAddParty"))
          || !callParameters.touch("ADD-8", where("ProtocolCmAddParty"))) {
        return PartyResult.of(NdisStatus.FAILURE);
      }
      if (vc.call != Call.CONNECTED || vc.parties.isEmpty()) {
        return PartyResult.of(NdisStatus.NOT_SUPPORTED); // ADD-1: no established multipoint call
      }
      // NDIS routes an add only on an established multipoint call (ADD-1): a make-call we
      // finished with a final return is settled, so it counts as established now (OQ-13).
      for (CmParty first : vc.parties) {
        if (first.touch("ADD-1", where("ProtocolCmAddParty")) && first.firstParty) {
          markEstablished(vc, first);
        }
      }
      party = newParty(vc, ndisPartyHandle);
      mode = pendMode(request, "addParty.pend", 2);
    } finally {
      unlock();
    }
    run(
        "addParty",
        mode,
        () ->
            finishAddParty(
                party,
                callParameters,
                request,
                choose("addParty.status", 2) == 0 ? NdisStatus.SUCCESS : NdisStatus.RESOURCES));
    NdisStatus status = handlerReturns(request, mode);
    return status.isSuccess() ? new PartyResult(status, party) : PartyResult.of(status);
  }

  private void finishAddParty(
      CmParty party, CallParameters parameters, Request request, NdisStatus status) {
    NdisPartyHandle handle;
    boolean viaCompletion;
    lock();
    try {
      if (!party.touch("ADD-6", where("addPartyComplete"))
          || !party.vc.touch("ADD-1", where("addPartyComplete"))) {
        return;
      }
      handle = party.handle;
      if (status.isSuccess()) {
        party.state = CmParty.State.CONNECTED;
      } else {
        party.vc.parties.remove(party);
      }
      viaCompletion = finish(request, status);
    } finally {
      unlock();
    }
    if (viaCompletion) {
      // ADD-3: non-NULL party context on SUCCESS; NDIS ignores it on failure.
      ndis.addPartyComplete(status, handle, status.isSuccess() ? party : null, parameters);
    }
    lock();
    try {
      if (status.isSuccess()) {
        if (viaCompletion) {
          markEstablished(party.vc, party);
        }
      } else {
        releaseParty(party, "ADD-7", "addPartyComplete");
      }
    } finally {
      unlock();
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
  @Override
  public final NdisStatus protocolCmDropParty(
      CallMgrPartyContext callMgrPartyContext, CloseData closeData) {
    CmParty party = (CmParty) callMgrPartyContext;
    lock();
    try {
      if (!party.touch("DROP-6", where("ProtocolCmDropParty"))
          || !party.vc.touch("DROP-1", where("ProtocolCmDropParty"))) {
        return NdisStatus.FAILURE;
      }
      if (party.vc.parties.size() <= 1) {
        return NdisStatus.FAILURE; // DROP-1, DROP-2
      }
      if (closeData != null) {
        closeData.touch("DROP-5", where("ProtocolCmDropParty")); // the drop data is sent here
        if (!closeDataSupported()) {
          return NdisStatus.INVALID_DATA; // DROP-12: the party stays as it was
        }
      }
      party.state = CmParty.State.DROPPING; // OQ-14: no incoming drop for it from now on
      if (party.vc.dispatchesInFlight > 0) {
        // Held like a close (see protocolCmCloseCall): the handle must outlive our dispatch.
        party.vc.heldUntilDispatchReturns.add(() -> completeDropParty(party));
        return NdisStatus.PENDING;
      }
      if (choose("dropParty.pend", 2) == 0) {
        party.vc.parties.remove(party);
        releaseParty(party, "DROP-6", "ProtocolCmDropParty"); // OQ-19: before returning
        return NdisStatus.SUCCESS;
      }
    } finally {
      unlock();
    }
    platform.queueDeferred(prefix + ".dropPartyComplete", () -> completeDropParty(party));
    return NdisStatus.PENDING;
  }

  private void completeDropParty(CmParty party) {
    NdisPartyHandle handle;
    lock();
    try {
      if (!party.touch("DROP-7", where("dropPartyComplete"))
          || !party.vc.touch("DROP-10", where("dropPartyComplete"))) {
        return;
      }
      handle = party.handle;
      // Detached before the completion: the client may close the call from inside it, and
      // the close must find one party, not two (CLOSE-1).
      party.vc.parties.remove(party);
    } finally {
      unlock();
    }
    ndis.dropPartyComplete(NdisStatus.SUCCESS, handle);
    lock();
    try {
      releaseParty(party, "DROP-7", "dropPartyComplete"); // OQ-19: after the completion returned
    } finally {
      unlock();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Incoming call (§2.7)

  /**
   * The remote side offers a call: create a VC (the client's ProtocolCoCreateVc runs inside),
   * activate it, then dispatch the offer to the client's SAP (INCALL-1, VC-12).
   */
  @Override
  public final void offerIncomingCall() {
    CmVc vc;
    lock();
    try {
      vc = tracker.allocate(new CmVc(prefix + ".vc", true));
      vc.flowSpec = INCOMING_FLOW_SPEC;
      vcs.add(vc);
    } finally {
      unlock();
    }
    VcCreation created = ndis.createVc(ndisAfHandle, vc);
    lock();
    try {
      if (!vc.touch("VC-3", where("offerIncomingCall"))) {
        return;
      }
      if (!created.status().isSuccess()) {
        vcs.remove(vc);
        tracker.release(vc, "VC-3", where("offerIncomingCall")); // no handle exists to delete
        return;
      }
      vc.handle = created.ndisVcHandle();
    } finally {
      unlock();
    }
    activate(
        vc,
        activated -> {
          if (activated.isSuccess()) {
            dispatchOffer(vc);
          } else {
            deleteOwnVc(vc); // VC-13: never used; nothing to deactivate
          }
        });
  }

  private void dispatchOffer(CmVc vc) {
    NdisVcHandle handle;
    CallParameters parameters;
    lock();
    try {
      if (!vc.touch("INCALL-1", where("dispatchIncomingCall"))) {
        return;
      }
      parameters = tracker.allocate(new CallParameters(prefix + ".incomingCall", vc.flowSpec));
      vc.offerParameters = parameters;
      vc.call = Call.OFFERED; // GEN-8: the answer may overtake the dispatch's return
      vc.incomingCloseDispatched = false;
      handle = vc.handle;
    } finally {
      unlock();
    }
    NdisStatus status = ndis.dispatchIncomingCall(ndisSapHandle, handle, parameters);
    if (status.isFinal()) {
      incomingCallCompleted(vc, status); // GEN-6: run ProtocolCmIncomingCallComplete's logic
    }
  }

  @Override
  public final void protocolCmIncomingCallComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext, CallParameters callParameters) {
    incomingCallCompleted((CmVc) callMgrVcContext, status);
  }

  /**
   * The client's answer. Accepted: exactly one call-connected (INCALL-5). Rejected: deactivate
   * and delete the VC (INCALL-7); the client does not close a rejected offer (INCALL-8).
   */
  private void incomingCallCompleted(CmVc vc, NdisStatus status) {
    NdisVcHandle handle;
    boolean accepted = status.isSuccess();
    lock();
    try {
      if (!vc.touch("INCALL-5", where("ProtocolCmIncomingCallComplete"))
          || vc.call != Call.OFFERED) {
        return;
      }
      // §1.3 (inferred): the offer's buffer is ours again once the answer is in (INCALL-3).
      tracker.release(vc.offerParameters, "INCALL-3", where("ProtocolCmIncomingCallComplete"));
      vc.offerParameters = null;
      vc.call = accepted ? Call.CONNECTED : Call.NONE;
      vc.established = false;
      handle = vc.handle;
    } finally {
      unlock();
    }
    if (!accepted) {
      deactivate(vc, deactivated -> deleteOwnVc(vc));
      return;
    }
    dispatch(vc, () -> ndis.dispatchCallConnected(handle)); // INCALL-6: data may flow from here
    lock();
    try {
      markEstablished(vc, null);
    } finally {
      unlock();
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
  @Override
  public final void remoteClose() {
    CmVc target = null;
    NdisVcHandle handle = null;
    lock();
    try {
      for (CmVc vc : vcs) {
        if (vc.touch("ICLOSE-10", where("remoteClose"))
            && vc.call == Call.CONNECTED
            && vc.established
            && !vc.incomingCloseDispatched) {
          vc.incomingCloseDispatched = true;
          vc.dispatchesInFlight++; // GEN-8: before the dispatch
          target = vc;
          handle = vc.handle;
          break;
        }
      }
    } finally {
      unlock();
    }
    if (target != null) {
      // ICLOSE-1: SUCCESS, the remote side closed normally. GEN-9: the client's acknowledging
      // close runs inside this call, and is held until it returns.
      NdisVcHandle closing = handle;
      dispatched(target, () -> ndis.dispatchIncomingCloseCall(NdisStatus.SUCCESS, closing, null));
    }
  }

  /**
   * A leaf leaves the first multipoint call with another party that stays (IDROP-1).
   * Suppressed for a party being dropped, or a call being closed (OQ-14), and before the
   * party's completion has returned (OQ-13). The party state stays until ProtocolCmDropParty
   * (IDROP-5).
   */
  @Override
  public final void remoteDropParty() {
    CmVc target = null;
    NdisPartyHandle handle = null;
    lock();
    try {
      for (CmVc vc : vcs) {
        if (!vc.touch("IDROP-1", where("remoteDropParty"))
            || vc.call != Call.CONNECTED
            || vc.incomingCloseDispatched) {
          continue;
        }
        List<CmParty> staying = new ArrayList<>();
        for (CmParty party : vc.parties) {
          if (party.touch("IDROP-1", where("remoteDropParty"))
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
      unlock();
    }
    if (target != null) {
      NdisPartyHandle leaving = handle;
      dispatched(target, () -> ndis.dispatchIncomingDropParty(NdisStatus.SUCCESS, leaving, null));
    }
  }

  /** End of the scenario: delete the idle VCs this call manager created (CLOSE-10, VC-16). */
  @Override
  public final void shutdown() {
    List<CmVc> idle = new ArrayList<>();
    lock();
    try {
      for (CmVc vc : vcs) {
        if (vc.touch("VC-16", where("shutdown")) && vc.createdHere && vc.idle()) {
          idle.add(vc);
        }
      }
    } finally {
      unlock();
    }
    idle.forEach(this::deleteOwnVc);
  }

  /** Counts a dispatch in flight on {@code vc} around {@code dispatchCall}; see below. */
  private void dispatch(CmVc vc, Runnable dispatchCall) {
    lock();
    try {
      vc.dispatchesInFlight++;
    } finally {
      unlock();
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
    lock();
    try {
      if (vc.touch("GEN-9", where("dispatchReturned")) && --vc.dispatchesInFlight == 0) {
        held = List.copyOf(vc.heldUntilDispatchReturns);
        vc.heldUntilDispatchReturns.clear();
      }
    } finally {
      unlock();
    }
    held.forEach(Runnable::run);
  }

  // ---------------------------------------------------------------------------------------
  // Helpers

  /** How a handler finishes a request it may pend. */
  private enum Mode {
    /** Try to finish before returning; pend only if a nested activation/deactivation pends. */
    INLINE,
    /** Return PENDING and finish from a deferred call. */
    PEND,
    /** Decide to pend, finish (complete) from inside the handler, then return PENDING (GEN-8). */
    PEND_COMPLETE_IN_HANDLER
  }

  /**
   * One request a handler may finish inline or pend: the handshake between the handler's
   * return and the code that finishes the request, possibly on another thread (GEN-2, GEN-3,
   * GEN-8). Guarded by the lock. Deliberately not a tracked context: the handler reads it
   * after the request finished, when the VC context may already be gone.
   */
  private static final class Request {
    /** The handler has returned PENDING or will: the finish must call the completion. */
    boolean pended;
    /** The final status, when the request finished before the handler returned. */
    NdisStatus result;
  }

  /**
   * Under the lock: draws how the handler finishes ({@code n} = 2: inline or pend; 3: also
   * pend and complete from inside the handler) and records a pend before anything can
   * complete the request (GEN-8).
   */
  private Mode pendMode(Request request, String label, int n) {
    Mode mode = Mode.values()[choose(label, n)];
    request.pended = mode != Mode.INLINE;
    return mode;
  }

  /** Runs the rest of a request now, or from a deferred call for {@link Mode#PEND}. */
  private void run(String name, Mode mode, Runnable body) {
    if (mode == Mode.PEND) {
      platform.queueDeferred(prefix + "." + name, body);
    } else {
      body.run();
    }
  }

  /**
   * Under the lock: the request is finished with {@code status}. Returns true if it was pended,
   * so the caller must call the completion function (GEN-2); false if the handler will return
   * the status itself and no completion may follow (GEN-3).
   */
  private static boolean finish(Request request, NdisStatus status) {
    if (request.pended) {
      return true;
    }
    request.result = status;
    return false;
  }

  /**
   * The handler's return value: for an inline attempt the final status if the request
   * finished meanwhile, else PENDING — from then on the finish completes it (GEN-8).
   */
  private NdisStatus handlerReturns(Request request, Mode mode) {
    if (mode != Mode.INLINE) {
      return NdisStatus.PENDING;
    }
    lock();
    try {
      if (request.result != null) {
        return request.result;
      }
      request.pended = true;
      return NdisStatus.PENDING;
    } finally {
      unlock();
    }
  }

  /** Under the lock: new party state holding the NdisPartyHandle (ADD-6). */
  private CmParty newParty(CmVc vc, NdisPartyHandle handle) {
    CmParty party = tracker.allocate(new CmParty(prefix + ".party", vc, handle));
    parties.add(party);
    vc.parties.add(party);
    return party;
  }

  /** Under the lock: the slots of the client-VC table in use (VC-2). */
  private int clientVcCount() {
    int n = 0;
    for (CmVc vc : vcs) {
      if (!vc.createdHere) { // in our list, so live; a final field set at allocation
        n++;
      }
    }
    return n;
  }

  /** Under the lock. */
  private void releaseParty(CmParty party, String ruleId, String where) {
    parties.remove(party);
    tracker.release(party, ruleId, where(where));
  }

  /**
   * Under the lock: whether the medium carries close data, drawn once per run the first time a
   * close or drop carries data (CLOSE-6, DROP-5). A data choice is local: no thread switch.
   */
  private boolean closeDataSupported() {
    if (closeDataUnsupported < 0) {
      closeDataUnsupported = choose("closeData.supported", 2);
    }
    return closeDataUnsupported == 0;
  }

  private int choose(String label, int n) {
    return platform.choose(prefix + "." + label, n);
  }

  private String where(String what) {
    return prefix + "." + what;
  }

  private void lock() {
    platform.lock(lock);
  }

  private void unlock() {
    platform.unlock(lock);
  }
}
