package dev.condis.reference.cm;

import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reference call manager's per-VC state (CallMgrVcContext; for an MCM also its
 * MiniportVcContext). Every field is guarded by the call manager's lock and read only after
 * {@link #touch(String, String)}.
 */
final class CmVc extends CallMgrVcContext {

  /** The VC's activation, §2.1 step 3 and §2.2 step 2. */
  enum Activation {
    INACTIVE,
    ACTIVATING,
    ACTIVE,
    DEACTIVATING
  }

  /** The call on the VC as the call manager sees it (§1.4). */
  enum Call {
    /** No call: a fresh VC, a failed make-call, a rejected offer. */
    NONE,
    /** ProtocolCmMakeCall received, not yet completed. */
    MAKING,
    /** Incoming call dispatched, the client's answer outstanding. */
    OFFERED,
    /** Make-call completed with SUCCESS, or an accepted offer (call-connected dispatched). */
    CONNECTED,
    /** ProtocolCmCloseCall received and accepted, not yet completed. */
    CLOSING,
    /** Closed with SUCCESS: deactivated, waiting for deletion (CLOSE-10). */
    CLOSED
  }

  /** True for a VC this call manager created for an incoming call; false for a client's VC. */
  final boolean createdHere;

  NdisVcHandle handle;
  Activation activation = Activation.INACTIVE;
  Call call = Call.NONE;
  /** The completion that set the call up (make-call complete, call-connected) has returned (OQ-13). */
  boolean established;
  /** An incoming close was dispatched for the current call (ICLOSE-10). */
  boolean incomingCloseDispatched;
  /** A pended close of this VC was completed with a failure once (closeCall.fail, CLOSE-18). */
  boolean closeFailedOnce;
  /** The parties attached to the call, in the order they were added (CLOSE-1). */
  final List<CmParty> parties = new ArrayList<>();
  /** The flow spec copied out of the client's call parameters (OQ-17). */
  int flowSpec;
  /** The resident activation buffer while an activation is outstanding. */
  CallParameters activationParameters;
  /** The incoming-call buffer while the offer is outstanding. */
  CallParameters offerParameters;
  /** What to do once the outstanding activation completes (GEN-6). */
  Consumer<NdisStatus> afterActivation;
  /** What to do once the outstanding deactivation completes (GEN-6, CLOSE-7). */
  Consumer<NdisStatus> afterDeactivation;
  /**
   * Incoming close / drop / call-connected dispatches on this VC (or its parties) that this
   * call manager has decided on and not yet seen return. While one is in flight, a close or
   * drop the client sends is held (pended) and carried out when the dispatch returns, so the
   * handle the dispatch carries stays valid (VC-8, CLOSE-9, DROP-7).
   */
  int dispatchesInFlight;
  /** Closes and drops held until {@link #dispatchesInFlight} drops to zero, in arrival order. */
  final List<Runnable> heldUntilDispatchReturns = new ArrayList<>();

  CmVc(String tag, boolean createdHere) {
    super(tag);
    this.createdHere = createdHere;
  }

  /** Idle: no call, not active. A VC of ours in this state may be deleted (VC-5, CLOSE-10). */
  boolean idle() {
    return (call == Call.NONE || call == Call.CLOSED) && activation == Activation.INACTIVE;
  }
}
