package dev.condis.reference.cm;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CoNdisMiniport;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.MiniportEnvironment;
import dev.condis.reference.ddi.MiniportVcContext;
import dev.condis.reference.ddi.NdisMiniportApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;

/**
 * The reference CoNDIS miniport beneath the stand-alone call manager. NDIS forwards VC
 * creation and deletion to it (MiniportCoCreateVc / MiniportCoDeleteVc, run synchronously
 * inside NdisCoCreateVc / NdisCoDeleteVc, §1.1) and the call manager's activations and
 * deactivations (§2.1 step 3, §2.2 step 2). Activation and deactivation either finish in-line
 * or pend and finish from a deferred call with NdisMCoActivateVcComplete /
 * NdisMCoDeactivateVcComplete; they always succeed.
 *
 * <p>Choice labels: {@code miniport.activateVc.pend} (2: inline, pend), {@code
 * miniport.deactivateVc.pend} (2: inline, pend).
 */
public class ReferenceMiniport implements CoNdisMiniport {

  /** The miniport's per-VC state (MiniportVcContext). Guarded by the miniport's lock. */
  private static final class MiniportVc extends MiniportVcContext {
    final NdisVcHandle handle;
    boolean active;
    /** The flow spec copied out of the activation parameters; the miniport may round it. */
    int flowSpec;

    MiniportVc(NdisVcHandle handle) {
      super("miniport.vc");
      this.handle = handle;
    }
  }

  private NdisMiniportApi ndis;
  private Platform platform;
  private ContextTracker tracker;
  private PlatformLock lock;

  public ReferenceMiniport() {}

  @Override
  public void initialize(MiniportEnvironment environment) {
    this.ndis = environment.ndis();
    this.platform = environment.platform();
    this.tracker = environment.tracker();
    this.lock = platform.newLock("miniport");
  }

  @Override
  public CreateVcResult<MiniportVcContext> miniportCoCreateVc(NdisVcHandle ndisVcHandle) {
    platform.lock(lock);
    try {
      return CreateVcResult.success(tracker.allocate(new MiniportVc(ndisVcHandle)));
    } finally {
      platform.unlock(lock);
    }
  }

  /** Frees the per-VC state (VC-9); refuses an active VC (VC-5, OQ-15). */
  @Override
  public NdisStatus miniportCoDeleteVc(MiniportVcContext miniportVcContext) {
    MiniportVc vc = (MiniportVc) miniportVcContext;
    platform.lock(lock);
    try {
      if (!vc.touch("VC-9", "miniport.MiniportCoDeleteVc")) {
        return NdisStatus.FAILURE;
      }
      if (vc.active) {
        return NdisStatus.NOT_ACCEPTED;
      }
      tracker.release(vc, "VC-9", "miniport.MiniportCoDeleteVc");
      return NdisStatus.SUCCESS;
    } finally {
      platform.unlock(lock);
    }
  }

  @Override
  public NdisStatus miniportCoActivateVc(
      MiniportVcContext miniportVcContext, CallParameters callParameters) {
    MiniportVc vc = (MiniportVc) miniportVcContext;
    boolean refused;
    platform.lock(lock);
    try {
      if (!vc.touch("VC-12", "miniport.MiniportCoActivateVc")
          || !callParameters.touch("VC-12", "miniport.MiniportCoActivateVc")) {
        return NdisStatus.FAILURE;
      }
      vc.flowSpec = callParameters.flowSpec();
      // The medium may refuse the activation; the call manager then fails its request (VC-13).
      refused = platform.choose("miniport.activateVc.status", 2) == 1;
      if (platform.choose("miniport.activateVc.pend", 2) == 0) {
        vc.active = !refused;
        return refused ? NdisStatus.RESOURCES : NdisStatus.SUCCESS;
      }
    } finally {
      platform.unlock(lock);
    }
    // The call manager's buffer stays valid until this completion (§1.3).
    NdisStatus result = refused ? NdisStatus.RESOURCES : NdisStatus.SUCCESS;
    platform.queueDeferred(
        "miniport.activateVcComplete",
        () -> ndis.mCoActivateVcComplete(result, setActive(vc, !refused), callParameters));
    return NdisStatus.PENDING;
  }

  @Override
  public NdisStatus miniportCoDeactivateVc(MiniportVcContext miniportVcContext) {
    MiniportVc vc = (MiniportVc) miniportVcContext;
    platform.lock(lock);
    try {
      if (!vc.touch("VC-14", "miniport.MiniportCoDeactivateVc")) {
        return NdisStatus.FAILURE;
      }
      if (platform.choose("miniport.deactivateVc.pend", 2) == 0) {
        vc.active = false;
        return NdisStatus.SUCCESS;
      }
    } finally {
      platform.unlock(lock);
    }
    platform.queueDeferred(
        "miniport.deactivateVcComplete",
        () -> ndis.mCoDeactivateVcComplete(NdisStatus.SUCCESS, setActive(vc, false)));
    return NdisStatus.PENDING;
  }

  /** From the deferred completion: records the new state; returns the VC's handle. */
  private NdisVcHandle setActive(MiniportVc vc, boolean active) {
    platform.lock(lock);
    try {
      if (vc.touch("VC-14", "miniport.completeVc")) {
        vc.active = active;
      }
      return vc.handle;
    } finally {
      platform.unlock(lock);
    }
  }
}
