package dev.condis.reference.cm;

import dev.condis.reference.cm.CmVc.Activation;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.fault.SeededFault;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The VCs of a {@link CallManagerCore}: ProtocolCoCreateVc / ProtocolCoDeleteVc for client VCs,
 * deletion of its own VCs, and activation and deactivation of both (§2.1 steps 1 and 3, §2.2
 * step 2, §2.8). Activation and deactivation run a continuation when they complete, in-line
 * or from the completion handler (GEN-6), so callers need not know whether they pended.
 */
final class CmVcLifecycle {
  private final CmState cm;
  private final CallManagerNdis ndis;
  private final ContextTracker tracker;

  CmVcLifecycle(CmState cm) {
    this.cm = cm;
    this.ndis = cm.vcNdis;
    this.tracker = cm.tracker;
  }

  // ---------------------------------------------------------------------------------------
  // VC creation and deletion (§2.1 step 1, §2.8)

  /**
   * ProtocolCoCreateVc for a client-created VC: allocate CallMgrVcContext, then take one of the
   * {@link CallManagerCore#MAX_CLIENT_VCS} slots of the call manager's table of client VCs. With
   * no slot free it fails with RESOURCES, and releases the context it allocated before
   * returning (VC-2), so nothing of that VC is left behind. Never PENDING.
   */
  CreateVcResult<CallMgrVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    CmVc vc;
    cm.lock();
    try {
      vc = tracker.allocate(new CmVc(cm.prefix + ".vc", false));
      // Refused at the VC limit, or for want of resources (a scenario choice, drawn inside
      // this locked region so that it adds no scheduling point).
      if (cm.clientVcCount() >= CallManagerCore.MAX_CLIENT_VCS || cm.choose("createVc.status", 2) == 1) {
        tracker.release(vc, "VC-2", cm.where("ProtocolCoCreateVc")); // VC-2: before returning
        return CreateVcResult.failure(NdisStatus.RESOURCES);
      }
      vc.handle = ndisVcHandle;
      cm.vcs.add(vc);
    } finally {
      cm.unlock();
    }
    if (cm.fault(SeededFault.CM_CREATE_VC_PENDING)) {
      // Seeded fault: GEN-5 says ProtocolCoCreateVc never pends.
      return new CreateVcResult<>(NdisStatus.PENDING, vc);
    }
    return CreateVcResult.success(vc);
  }

  /**
   * ProtocolCoDeleteVc for a client-created VC: free CallMgrVcContext (VC-9), also when no
   * call was ever made on it (VC-10, OQ-22: nothing is set up in ProtocolCoCreateVc). Refuses
   * (OQ-15) while a call or an activation is live (VC-5); a correct client never asks then.
   */
  NdisStatus protocolCoDeleteVc(CallMgrVcContext callMgrVcContext) {
    CmVc vc = (CmVc) callMgrVcContext;
    cm.lock();
    try {
      if (!vc.touch("VC-9", cm.where("ProtocolCoDeleteVc"))) {
        return NdisStatus.FAILURE;
      }
      if (!vc.idle() || !vc.parties.isEmpty()) {
        return NdisStatus.NOT_ACCEPTED;
      }
      cm.vcs.remove(vc);
      tracker.release(vc, "VC-10", cm.where("ProtocolCoDeleteVc"));
      return NdisStatus.SUCCESS;
    } finally {
      cm.unlock();
    }
  }

  /**
   * Deletes a VC this call manager created (VC-4), once it is deactivated and has no call
   * (VC-5, CLOSE-10, INCALL-7). The client's ProtocolCoDeleteVc runs inside. The context is
   * released only after the delete returned SUCCESS (VC-11); on a refusal both survive and
   * {@link #shutdown()} tries again (OQ-15).
   */
  void deleteOwnVc(CmVc vc) {
    NdisVcHandle handle;
    cm.lock();
    try {
      if (!cm.vcs.contains(vc) || !vc.touch("VC-5", cm.where("deleteVc"))) {
        return;
      }
      handle = vc.handle;
    } finally {
      cm.unlock();
    }
    NdisStatus status = ndis.deleteVc(handle);
    if (status.isSuccess()) {
      cm.lock();
      try {
        // VC-7: the handle is dead from here on.
        cm.vcs.remove(vc);
        tracker.release(vc, "VC-11", cm.where("deleteVc"));
      } finally {
        cm.unlock();
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
  void activate(CmVc vc, Consumer<NdisStatus> then) {
    NdisVcHandle handle;
    CallParameters parameters;
    cm.lock();
    try {
      if (!vc.touch("VC-12", cm.where("activateVc"))) {
        return;
      }
      parameters = tracker.allocate(new CallParameters(cm.prefix + ".activateVc", vc.flowSpec));
      vc.activationParameters = parameters;
      vc.activation = Activation.ACTIVATING;
      vc.afterActivation = then;
      handle = vc.handle;
    } finally {
      cm.unlock();
    }
    NdisStatus status = ndis.activateVc(handle, parameters);
    if (status.isFinal()) {
      activationCompleted(vc, status);
    }
  }

  void activationCompleted(CmVc vc, NdisStatus status) {
    Consumer<NdisStatus> then;
    cm.lock();
    try {
      if (!vc.touch("GEN-6", cm.where("ProtocolCmActivateVcComplete"))
          || vc.activation != Activation.ACTIVATING) {
        return;
      }
      // VC-13: a failed activation leaves the VC unusable until re-activated or deleted.
      vc.activation = status.isSuccess() ? Activation.ACTIVE : Activation.INACTIVE;
      // The resident activation buffer is ours again once activation completed (§1.3).
      tracker.release(
          vc.activationParameters, "VC-12", cm.where("ProtocolCmActivateVcComplete"));
      vc.activationParameters = null;
      then = vc.afterActivation;
      vc.afterActivation = null;
    } finally {
      cm.unlock();
    }
    then.accept(status);
  }

  /**
   * Deactivates the VC, then runs {@code then}: from ProtocolCmDeactivateVcComplete if the
   * deactivation pended (CLOSE-7), in-line otherwise. One deactivation per activation (VC-15).
   */
  void deactivate(CmVc vc, Consumer<NdisStatus> then) {
    NdisVcHandle handle;
    cm.lock();
    try {
      if (!vc.touch("VC-15", cm.where("deactivateVc"))) {
        return;
      }
      vc.activation = Activation.DEACTIVATING;
      vc.afterDeactivation = then;
      handle = vc.handle;
    } finally {
      cm.unlock();
    }
    NdisStatus status = ndis.deactivateVc(handle);
    if (status.isFinal()) {
      deactivationCompleted(vc, status);
    }
  }

  void deactivationCompleted(CmVc vc, NdisStatus status) {
    Consumer<NdisStatus> then;
    cm.lock();
    try {
      if (!vc.touch("GEN-6", cm.where("ProtocolCmDeactivateVcComplete"))
          || vc.activation != Activation.DEACTIVATING) {
        return;
      }
      // VC-14: the call parameters are void now; NOT_ACCEPTED from an MCM means "already
      // deactivated", which ends the same way.
      vc.activation = Activation.INACTIVE;
      then = vc.afterDeactivation;
      vc.afterDeactivation = null;
    } finally {
      cm.unlock();
    }
    then.accept(status);
  }

  /** End of the scenario: delete the idle VCs this call manager created (CLOSE-10, VC-16). */
  void shutdown() {
    List<CmVc> idle = new ArrayList<>();
    cm.lock();
    try {
      for (CmVc vc : cm.vcs) {
        if (vc.touch("VC-16", cm.where("shutdown")) && vc.createdHere && vc.idle()) {
          idle.add(vc);
        }
      }
    } finally {
      cm.unlock();
    }
    idle.forEach(this::deleteOwnVc);
  }
}
