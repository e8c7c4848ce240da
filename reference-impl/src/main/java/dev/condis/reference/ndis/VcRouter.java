package dev.condis.reference.ndis;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.MiniportCoHandlers;
import dev.condis.reference.ddi.MiniportVcContext;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.TrackedContext;
import dev.condis.reference.ddi.VcCreation;
import dev.condis.reference.ndis.NdisCore.Call;

/**
 * VC creation and deletion (condis-rules.md §2.1 step 1, §2.7 step 1, §2.8): NdisCoCreateVc
 * and NdisCoDeleteVc for the client and a stand-alone CM, NdisMCmCreateVc and NdisMCmDeleteVc
 * for an MCM. The peer's ProtocolCoCreateVc / ProtocolCoDeleteVc runs synchronously inside;
 * with a stand-alone CM the miniport's MiniportCoCreateVc runs first on creation and its
 * MiniportCoDeleteVc last on deletion (the MCM's miniport half is internal).
 *
 * <p>VC-1 (the out-variable must be NULL on entry) holds by construction: the handle is a
 * return value.
 */
final class VcRouter {
  /** NdisCoCreateVc and NdisCoDeleteVc: NDIS's entries, on the client's face. */
  interface ClientEntries extends NdisClientApi, Faces.Caller {
    @Override
    default VcCreation coCreateVc(NdisAfHandle ndisAfHandle, ProtocolVcContext protocolVcContext) {
      return createVc(this, "NdisCoCreateVc", ndisAfHandle, protocolVcContext);
    }

    @Override
    default NdisStatus coDeleteVc(NdisVcHandle ndisVcHandle) {
      return deleteVc(this, "NdisCoDeleteVc", ndisVcHandle);
    }
  }

  /** NdisCoCreateVc and NdisCoDeleteVc, on the stand-alone call manager's face: INCALL-1, VC-4. */
  interface CmEntries extends NdisCmApi, Faces.Caller {
    @Override
    default VcCreation coCreateVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext) {
      return createVc(this, "NdisCoCreateVc", ndisAfHandle, callMgrVcContext);
    }

    @Override
    default NdisStatus coDeleteVc(NdisVcHandle ndisVcHandle) {
      return deleteVc(this, "NdisCoDeleteVc", ndisVcHandle);
    }
  }

  /** NdisMCmCreateVc and NdisMCmDeleteVc, on the MCM's face: INCALL-1, VC-4. */
  interface McmEntries extends NdisMcmApi, Faces.Caller {
    @Override
    default VcCreation mcmCreateVc(NdisAfHandle ndisAfHandle, CallMgrVcContext miniportVcContext) {
      return createVc(this, "NdisMCmCreateVc", ndisAfHandle, miniportVcContext);
    }

    @Override
    default NdisStatus mcmDeleteVc(NdisVcHandle ndisVcHandle) {
      return deleteVc(this, "NdisMCmDeleteVc", ndisVcHandle);
    }
  }

  static VcCreation createVc(Faces.Caller caller, String api, NdisAfHandle af, TrackedContext context) {
    VcRouter vcs = caller.routers().vcs();
    return vcs.core.api(caller.actor(), api, Fmt.args(af, context), call -> vcs.create(call, af, context),
        VcCreation::status);
  }

  static NdisStatus deleteVc(Faces.Caller caller, String api, NdisVcHandle vc) {
    VcRouter vcs = caller.routers().vcs();
    return vcs.core.api(caller.actor(), api, Fmt.args(vc), call -> vcs.delete(call, vc), s -> s);
  }

  private final NdisCore core;

  VcRouter(NdisCore core) {
    this.core = core;
  }

  /** NdisCoCreateVc / NdisMCmCreateVc; {@code creatorContext} is the creator's per-VC context. */
  VcCreation create(Call call, NdisAfHandle af, TrackedContext creatorContext) {
    core.requireLock();
    if (!core.af(call, af)) {
      return new VcCreation(NdisStatus.FAILURE, null); // AF-6
    }
    core.touch(creatorContext, "VC-11", call.api());
    VcRecord vc = core.issueVc(call.actor(), call.api() + " by " + call.actor());
    if (vc.clientCreated()) {
      vc.clientContext = (ProtocolVcContext) creatorContext;
    } else {
      vc.callManagerContext = (CallMgrVcContext) creatorContext;
    }
    core.hold(creatorContext, "VC-11", "the creator's per-VC context of " + vc.handle() + ", until its delete returns");
    MiniportCoHandlers miniport = core.miniport();
    if (miniport != null) {
      CreateVcResult<?> made = core.callOut(Actor.MINIPORT, "MiniportCoCreateVc", Fmt.args(vc.handle()),
          () -> miniport.miniportCoCreateVc(vc.handle()), CreateVcResult::status);
      NdisStatus status = createStatus("MiniportCoCreateVc", made.status());
      if (!status.isSuccess()) {
        core.invalidateVc(vc, call.api() + " failed: MiniportCoCreateVc returned " + made.status());
        return new VcCreation(status, null);
      }
      vc.miniportContext = (MiniportVcContext) made.context();
      holdMiniportContext(vc);
    }
    CreateVcResult<?> made = vc.clientCreated()
        ? core.callOut(vc.peer(), "ProtocolCoCreateVc", Fmt.args(vc.handle()),
            () -> core.callManager().protocolCoCreateVc(vc.handle()), CreateVcResult::status)
        : core.callOut(Actor.CLIENT, "ProtocolCoCreateVc", Fmt.args(vc.handle()),
            () -> core.client().protocolCoCreateVc(vc.handle()), CreateVcResult::status);
    NdisStatus status = createStatus("ProtocolCoCreateVc", made.status());
    if (!status.isSuccess()) {
      leftBehind(made);
      if (vc.miniportContext != null) {
        core.letGo(vc.miniportContext, "VC-11");
        core.callOut(Actor.MINIPORT, "MiniportCoDeleteVc", Fmt.args(vc.miniportContext),
            () -> miniport.miniportCoDeleteVc(vc.miniportContext));
      }
      core.invalidateVc(vc, call.api() + " failed: the peer's ProtocolCoCreateVc returned " + made.status());
      return new VcCreation(status, null);
    }
    if (vc.clientCreated()) {
      vc.callManagerContext = (CallMgrVcContext) made.context();
    } else {
      vc.clientContext = (ProtocolVcContext) made.context();
    }
    holdPeerContext(vc);
    return new VcCreation(NdisStatus.SUCCESS, vc.handle());
  }

  /** VC-11: the peer frees its per-VC context in its ProtocolCoDeleteVc, not before. */
  private void holdPeerContext(VcRecord vc) {
    core.hold(peerContext(vc), "VC-11", "the peer's per-VC context of " + vc.handle() + ", until its ProtocolCoDeleteVc");
  }

  private void holdMiniportContext(VcRecord vc) {
    core.hold(vc.miniportContext, "VC-11", "the miniport's per-VC context of " + vc.handle() + ", until MiniportCoDeleteVc");
  }

  private static TrackedContext peerContext(VcRecord vc) {
    return vc.clientCreated() ? vc.callManagerContext : vc.clientContext;
  }

  /**
   * NdisCoDeleteVc / NdisMCmDeleteVc. Only the creator may delete (VC-4); CLOSING while a
   * deactivation is pending (VC-6); NOT_ACCEPTED while a call is up, the VC is active or a
   * request is outstanding (VC-5). A peer that fails its ProtocolCoDeleteVc keeps the VC alive
   * and its status is passed back (OQ-15). After SUCCESS the handle is dead (VC-7).
   */
  NdisStatus delete(Call call, NdisVcHandle handle) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null) {
      return NdisStatus.FAILURE;
    }
    core.checking("VC-4", "VC-5", "VC-6");
    String afterIncomingClose = afterIncomingCloseRule(vc, call.actor());
    if (vc.incomingCloseDispatched) {
      core.checking(vc.clientCreated() ? "ICLOSE-6" : "ICLOSE-5");
      if (!vc.clientCreated()) {
        core.checking("ICLOSE-8");
      }
    }
    if (vc.creator() != call.actor()) {
      String rule = afterIncomingClose != null ? afterIncomingClose : "VC-4";
      core.violation(call, rule, handle + " was created by the " + vc.creator() + "; only its creator may delete it"
          + (afterIncomingClose != null ? " (after an incoming close the client only acknowledges)" : ""));
      return NdisStatus.FAILURE;
    }
    if (vc.closeCompleteRunning && call.actor() != Actor.CLIENT) {
      core.violation(call, "VC-5", handle + " is still in the client's ProtocolClCloseCallComplete: its close is"
          + " not over until that returns");
      return NdisStatus.NOT_ACCEPTED;
    }
    if (vc.deleting) {
      core.violation(call, "VC-6", handle + " is already being deleted");
      return NdisStatus.CLOSING;
    }
    if (vc.activation == VcActivation.DEACTIVATING) {
      core.violation(call, "VC-6", handle + " is still being deactivated");
      return NdisStatus.CLOSING;
    }
    String busy = busyReason(vc);
    if (busy != null) {
      core.violation(call, afterIncomingClose != null ? afterIncomingClose : "VC-5", handle + " " + busy
          + (afterIncomingClose != null ? " after an incoming close" : ""));
      return NdisStatus.NOT_ACCEPTED;
    }
    vc.deleting = true;
    try {
      return runDeleteHandlers(call, vc);
    } finally {
      vc.deleting = false;
    }
  }

  private NdisStatus runDeleteHandlers(Call call, VcRecord vc) {
    if (!vc.peerDeleted) {
      core.touch(peerContext(vc), "VC-11", "ProtocolCoDeleteVc");
      core.letGo(peerContext(vc), "VC-11");
      NdisStatus status = vc.clientCreated()
          ? core.callOut(vc.peer(), "ProtocolCoDeleteVc", Fmt.args(vc.callManagerContext),
              () -> core.callManager().protocolCoDeleteVc(vc.callManagerContext))
          : core.callOut(Actor.CLIENT, "ProtocolCoDeleteVc", Fmt.args(vc.clientContext),
              () -> core.client().protocolCoDeleteVc(vc.clientContext));
      status = deleteStatus("ProtocolCoDeleteVc", status);
      if (!status.isSuccess()) {
        holdPeerContext(vc);
        return status; // OQ-15: the VC and both contexts survive; the creator may retry
      }
      vc.peerDeleted = true; // VC-8 from here for the peer
    }
    MiniportCoHandlers miniport = core.miniport();
    if (miniport != null && vc.miniportContext != null) {
      core.touch(vc.miniportContext, "VC-11", "MiniportCoDeleteVc");
      core.letGo(vc.miniportContext, "VC-11");
      NdisStatus status = deleteStatus("MiniportCoDeleteVc",
          core.callOut(Actor.MINIPORT, "MiniportCoDeleteVc", Fmt.args(vc.miniportContext),
              () -> miniport.miniportCoDeleteVc(vc.miniportContext)));
      if (!status.isSuccess()) {
        holdMiniportContext(vc);
        return status;
      }
    }
    core.invalidateVc(vc, call.api() + " returned SUCCESS");
    return NdisStatus.SUCCESS;
  }

  /**
   * The rule a delete breaks when it comes too early after an incoming close, or null when no
   * incoming close was dispatched for the VC's call: ICLOSE-5, the client deleting the call
   * manager's VC; ICLOSE-6, the client deleting its own before its acknowledging close
   * completed; ICLOSE-8, the call manager deleting its own before that close was handled.
   */
  private static String afterIncomingCloseRule(VcRecord vc, Actor deleter) {
    if (!vc.incomingCloseDispatched) {
      return null;
    }
    if (deleter == Actor.CLIENT) {
      return vc.clientCreated() ? "ICLOSE-6" : "ICLOSE-5";
    }
    return vc.clientCreated() ? null : "ICLOSE-8";
  }

  private static String busyReason(VcRecord vc) {
    if (vc.state.hasCall()) {
      return "still has a call (" + vc.state + ")"
          + (vc.clientCreated() ? ": the close must have completed with SUCCESS first" : "");
    }
    if (vc.activation != VcActivation.INACTIVE) {
      return "is still " + vc.activation + ": it must be deactivated first";
    }
    if (vc.anyRequestOutstanding()) {
      return "has a request outstanding";
    }
    return null;
  }

  /**
   * VC-2: a ProtocolCoCreateVc that fails releases everything it allocated for the VC before
   * returning. NDIS can see only what the handler hands back: a context still allocated is left
   * behind, since no ProtocolCoDeleteVc will ever bring it back. (PENDING is GEN-5's case: the
   * VC is unusable but the context not yet abandoned.)
   */
  private void leftBehind(CreateVcResult<?> made) {
    TrackedContext context = made.context();
    core.checking("VC-2");
    if (!made.status().isPending() && context != null && context.id() != 0 && !core.tracker.isReleased(context)) {
      core.violation("VC-2", "ProtocolCoCreateVc failed with " + made.status() + " but left " + context
          + " allocated: a failing ProtocolCoCreateVc releases what it allocated for the VC before returning");
    }
  }

  /** GEN-5: ProtocolCoCreateVc / MiniportCoCreateVc never pend; PENDING counts as FAILURE. */
  private NdisStatus createStatus(String handler, NdisStatus returned) {
    core.checking("GEN-5");
    if (returned.isPending()) {
      core.violation("GEN-5", handler + " returned PENDING; the VC is unusable and the create fails");
      return NdisStatus.FAILURE;
    }
    return returned;
  }

  /** GEN-5: ProtocolCoDeleteVc / MiniportCoDeleteVc never pend; PENDING counts as FAILURE. */
  private NdisStatus deleteStatus(String handler, NdisStatus returned) {
    core.checking("GEN-5");
    if (returned.isPending()) {
      core.violation("GEN-5", handler + " returned PENDING; the delete fails and the VC survives");
      return NdisStatus.FAILURE;
    }
    return returned;
  }
}
