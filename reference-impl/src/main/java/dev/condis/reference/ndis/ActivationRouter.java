package dev.condis.reference.ndis;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.MiniportCoHandlers;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisMiniportApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.ndis.NdisCore.Call;

/**
 * VC activation and deactivation (condis-rules.md §2.1 step 3, §2.2 step 2).
 *
 * <p>Stand-alone CM: NdisCmActivateVc / NdisCmDeactivateVc go to the miniport's
 * MiniportCoActivateVc / MiniportCoDeactivateVc. A final return consumes the request and NDIS
 * calls nothing (GEN-6: the CM runs its ProtocolCmXxxVcComplete logic itself); PENDING leaves
 * it to NdisMCoActivateVcComplete / NdisMCoDeactivateVcComplete, after which NDIS calls the
 * CM's ProtocolCmActivateVcComplete / ProtocolCmDeactivateVcComplete once.
 *
 * <p>MCM, decision for OQ-10: NdisMCmActivateVc and NdisMCmDeactivateVc are synchronous from
 * NDIS's point of view. The MCM's miniport half is internal, so there is nothing for NDIS to
 * wait for: they return a final status and NDIS calls no completion handler; the MCM runs its
 * ProtocolCmActivateVcComplete / ProtocolCmDeactivateVcComplete logic itself if it wants to.
 * A redundant deactivation returns NOT_ACCEPTED, as the NdisMCmDeactivateVc page lists.
 */
final class ActivationRouter {
  /** NdisCmActivateVc and NdisCmDeactivateVc, on the stand-alone call manager's face. */
  interface CmEntries extends NdisCmApi, Faces.Caller {
    @Override
    default NdisStatus cmActivateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      return activateVc(this, ndisVcHandle, callParameters);
    }

    @Override
    default NdisStatus cmDeactivateVc(NdisVcHandle ndisVcHandle) {
      return deactivateVc(this, ndisVcHandle);
    }
  }

  /** NdisMCmActivateVc and NdisMCmDeactivateVc, on the MCM's face: the same routine (OQ-10 below). */
  interface McmEntries extends NdisMcmApi, Faces.Caller {
    @Override
    default NdisStatus mcmActivateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      return activateVc(this, ndisVcHandle, callParameters);
    }

    @Override
    default NdisStatus mcmDeactivateVc(NdisVcHandle ndisVcHandle) {
      return deactivateVc(this, ndisVcHandle);
    }
  }

  /** NdisMCoActivateVcComplete and NdisMCoDeactivateVcComplete, on the miniport's face. */
  interface MiniportEntries extends NdisMiniportApi, Faces.Caller {
    @Override
    default void mCoActivateVcComplete(NdisStatus status, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      ActivationRouter activation = routers().activation();
      activation.core.apiVoid(actor(), "NdisMCoActivateVcComplete", Fmt.args(status, ndisVcHandle, callParameters),
          call -> activation.activateComplete(call, status, ndisVcHandle, callParameters));
    }

    @Override
    default void mCoDeactivateVcComplete(NdisStatus status, NdisVcHandle ndisVcHandle) {
      ActivationRouter activation = routers().activation();
      activation.core.apiVoid(actor(), "NdisMCoDeactivateVcComplete", Fmt.args(status, ndisVcHandle),
          call -> activation.deactivateComplete(call, status, ndisVcHandle));
    }
  }

  /** Ndis(M)CmActivateVc: one routine, recorded under the caller's prefix. */
  static NdisStatus activateVc(Faces.Caller caller, NdisVcHandle vc, CallParameters parameters) {
    ActivationRouter activation = caller.routers().activation();
    return activation.core.api(caller.actor(), caller.prefix() + "ActivateVc", Fmt.args(vc, parameters),
        call -> activation.activate(call, vc, parameters), s -> s);
  }

  /** Ndis(M)CmDeactivateVc: one routine, recorded under the caller's prefix. */
  static NdisStatus deactivateVc(Faces.Caller caller, NdisVcHandle vc) {
    ActivationRouter activation = caller.routers().activation();
    return activation.core.api(caller.actor(), caller.prefix() + "DeactivateVc", Fmt.args(vc),
        call -> activation.deactivate(call, vc), s -> s);
  }

  private final NdisCore core;

  ActivationRouter(NdisCore core) {
    this.core = core;
  }

  /** Ndis(M)CmActivateVc. Re-activating an active VC (new parameters, VC-14) is allowed. */
  NdisStatus activate(Call call, NdisVcHandle handle, CallParameters parameters) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null || overlapping(call, vc)) {
      return NdisStatus.FAILURE;
    }
    core.touch(parameters, "VC-14", call.api());
    vc.activeBeforeActivation = vc.activation == VcActivation.ACTIVE;
    if (call.actor() == Actor.MCM) { // OQ-10: synchronous
      core.requests.openAndFinish(vc.requests(), RequestKind.ACTIVATE_VC, vc, parameters, NdisStatus.SUCCESS);
      activated(vc, NdisStatus.SUCCESS);
      return NdisStatus.SUCCESS;
    }
    MiniportCoHandlers miniport = miniport();
    Request request = core.requests.open(vc.requests(), RequestKind.ACTIVATE_VC, vc, null, parameters);
    vc.activation = VcActivation.ACTIVATING;
    core.touch(vc.miniportContext, "VC-11", "MiniportCoActivateVc");
    NdisStatus returned = core.callOut(Actor.MINIPORT, "MiniportCoActivateVc", Fmt.args(vc.miniportContext, parameters),
        () -> miniport.miniportCoActivateVc(vc.miniportContext, parameters));
    return core.requests.settle(request, returned, "MiniportCoActivateVc", status -> activated(vc, status));
  }

  /** Ndis(M)CmDeactivateVc. A second deactivation is NOT_ACCEPTED and a VC-15 violation. */
  NdisStatus deactivate(Call call, NdisVcHandle handle) {
    core.requireLock();
    VcRecord vc = core.vc(call, handle, "VC-7");
    if (vc == null) {
      return NdisStatus.FAILURE;
    }
    core.checking("VC-15");
    if (vc.activation == VcActivation.INACTIVE || vc.activation == VcActivation.DEACTIVATING) {
      core.violation(call, "VC-15", handle + " is " + vc.activation + ": each activation has at most one deactivation");
      return NdisStatus.NOT_ACCEPTED;
    }
    if (overlapping(call, vc)) {
      return NdisStatus.FAILURE;
    }
    if (vc.incomingCloseDispatched) {
      // ICLOSE-8: after an incoming close the deactivation belongs to the handling of the
      // client's acknowledging close; before it arrives the client may still use the call.
      core.checking("ICLOSE-8");
      if (vc.state != VcState.CLOSING) {
        core.violation(call, "ICLOSE-8", handle + " is deactivated after an incoming close but before the"
            + " client's acknowledging NdisClCloseCall reached the call manager (" + vc.state + ")");
      }
    }
    if (vc.state == VcState.CLOSING && vc.closingPartyContext != null) {
      // CLOSE-5: in close processing the party state is freed before the deactivation. Not
      // freed yet: freeing it later is out of order; never freeing it is CLOSE-4's leak. (A
      // context already released is not held: the hold reads the flag itself.)
      core.holdBecause(vc.closingPartyContext, "CLOSE-5", "after " + call.api() + " on " + handle
          + ": in close processing the call manager frees the party state first, then deactivates");
    }
    if (call.actor() == Actor.MCM) { // OQ-10: synchronous
      core.requests.openAndFinish(vc.requests(), RequestKind.DEACTIVATE_VC, vc, null, NdisStatus.SUCCESS);
      deactivated(vc, NdisStatus.SUCCESS);
      return NdisStatus.SUCCESS;
    }
    MiniportCoHandlers miniport = miniport();
    Request request = core.requests.open(vc.requests(), RequestKind.DEACTIVATE_VC, vc, null);
    vc.activation = VcActivation.DEACTIVATING;
    core.touch(vc.miniportContext, "VC-11", "MiniportCoDeactivateVc");
    NdisStatus returned = core.callOut(Actor.MINIPORT, "MiniportCoDeactivateVc", Fmt.args(vc.miniportContext),
        () -> miniport.miniportCoDeactivateVc(vc.miniportContext));
    return core.requests.settle(request, returned, "MiniportCoDeactivateVc", status -> deactivated(vc, status));
  }

  /** NdisMCoActivateVcComplete → ProtocolCmActivateVcComplete, once (GEN-6). */
  void activateComplete(Call call, NdisStatus status, NdisVcHandle handle, CallParameters parameters) {
    core.requireLock();
    Request request = core.complete(call, handle, RequestKind.ACTIVATE_VC, status);
    if (request == null) {
      return;
    }
    VcRecord vc = request.vc;
    activated(vc, status);
    core.touch(vc.callManagerContext, "VC-11", "ProtocolCmActivateVcComplete");
    core.touch(parameters, "VC-14", "ProtocolCmActivateVcComplete");
    core.callOutVoid(core.callManagerActor(), "ProtocolCmActivateVcComplete",
        Fmt.args(status, vc.callManagerContext, parameters),
        () -> core.callManager().protocolCmActivateVcComplete(status, vc.callManagerContext, parameters));
  }

  /** NdisMCoDeactivateVcComplete → ProtocolCmDeactivateVcComplete, once (GEN-6). */
  void deactivateComplete(Call call, NdisStatus status, NdisVcHandle handle) {
    core.requireLock();
    Request request = core.complete(call, handle, RequestKind.DEACTIVATE_VC, status);
    if (request == null) {
      return;
    }
    VcRecord vc = request.vc;
    deactivated(vc, status);
    core.touch(vc.callManagerContext, "VC-11", "ProtocolCmDeactivateVcComplete");
    core.callOutVoid(core.callManagerActor(), "ProtocolCmDeactivateVcComplete",
        Fmt.args(status, vc.callManagerContext),
        () -> core.callManager().protocolCmDeactivateVcComplete(status, vc.callManagerContext));
  }

  /** One activation or deactivation at a time per VC: each has exactly one completion (GEN-6). */
  private boolean overlapping(Call call, VcRecord vc) {
    core.checking("GEN-6");
    if (vc.activation == VcActivation.ACTIVATING || vc.activation == VcActivation.DEACTIVATING) {
      core.violation(call, "GEN-6", vc.handle() + " is " + vc.activation + " already; wait for that completion");
      return true;
    }
    return false;
  }

  private void activated(VcRecord vc, NdisStatus status) {
    if (status.isSuccess()) {
      vc.activation = VcActivation.ACTIVE;
      if (!vc.clientCreated() && (vc.state == VcState.CREATED || vc.state == VcState.IDLE_DEACTIVATED)) {
        vc.state = VcState.ACTIVATED;
      }
    } else {
      vc.activation = vc.activeBeforeActivation ? VcActivation.ACTIVE : VcActivation.INACTIVE;
    }
  }

  private void deactivated(VcRecord vc, NdisStatus status) {
    if (status.isSuccess()) {
      vc.activation = VcActivation.INACTIVE;
      if (!vc.clientCreated() && (vc.state == VcState.ACTIVATED || vc.state == VcState.REJECTED)) {
        vc.state = VcState.IDLE_DEACTIVATED;
      }
    } else {
      vc.activation = VcActivation.ACTIVE;
    }
  }

  private MiniportCoHandlers miniport() {
    MiniportCoHandlers miniport = core.miniport();
    if (miniport == null) {
      throw new IllegalStateException("no miniport registered beneath the stand-alone call manager");
    }
    return miniport;
  }
}
