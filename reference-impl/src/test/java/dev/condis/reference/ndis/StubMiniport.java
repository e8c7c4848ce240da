package dev.condis.reference.ndis;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.MiniportCoHandlers;
import dev.condis.reference.ddi.MiniportVcContext;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A scriptable CoNDIS miniport beneath the stand-alone call manager. */
class StubMiniport implements MiniportCoHandlers {
  final ContextTracker tracker;
  final List<String> calls = new ArrayList<>();
  final Map<String, Runnable> inside = new HashMap<>();
  NdisStatus createVcReturn = NdisStatus.SUCCESS;
  NdisStatus deleteVcReturn = NdisStatus.SUCCESS;
  NdisStatus activateReturn = NdisStatus.SUCCESS;
  NdisStatus deactivateReturn = NdisStatus.SUCCESS;

  StubMiniport(ContextTracker tracker) {
    this.tracker = tracker;
  }

  private void called(String handler, Object... args) {
    calls.add(handler + "(" + Fmt.args(args) + ")");
    Runnable hook = inside.get(handler);
    if (hook != null) {
      hook.run();
    }
  }

  @Override
  public CreateVcResult<MiniportVcContext> miniportCoCreateVc(NdisVcHandle ndisVcHandle) {
    called("MiniportCoCreateVc", ndisVcHandle);
    return createVcReturn.isSuccess()
        ? CreateVcResult.success(tracker.allocate(new MiniportVcContext("miniport.vc")))
        : new CreateVcResult<>(createVcReturn, null);
  }

  @Override
  public NdisStatus miniportCoDeleteVc(MiniportVcContext miniportVcContext) {
    called("MiniportCoDeleteVc", miniportVcContext);
    if (deleteVcReturn.isSuccess()) {
      tracker.release(miniportVcContext, "VC-9", "MiniportCoDeleteVc");
    }
    return deleteVcReturn;
  }

  @Override
  public NdisStatus miniportCoActivateVc(MiniportVcContext miniportVcContext, CallParameters callParameters) {
    called("MiniportCoActivateVc", miniportVcContext, callParameters);
    return activateReturn;
  }

  @Override
  public NdisStatus miniportCoDeactivateVc(MiniportVcContext miniportVcContext) {
    called("MiniportCoDeactivateVc", miniportVcContext);
    return deactivateReturn;
  }
}
