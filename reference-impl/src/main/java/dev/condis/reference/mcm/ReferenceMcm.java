package dev.condis.reference.mcm;

import dev.condis.reference.cm.CallManagerCore;
import dev.condis.reference.cm.CallManagerNdis;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.driver.IntegratedCallManager;
import dev.condis.reference.driver.McmEnvironment;
import dev.condis.reference.driver.NdisMcmApi;
import dev.condis.reference.driver.VcCreation;

/**
 * The reference miniport with an integrated call manager (MCM). It uses only NdisMCmXxx
 * (GEN-10): NdisMCmCreateVc / NdisMCmDeleteVc instead of the NdisCo pair, and
 * NdisMCmActivateVc / NdisMCmDeactivateVc with no separate miniport beneath; its one per-VC
 * context is both CallMgrVcContext and MiniportVcContext. Everything else — the handlers NDIS
 * calls and the completions it makes — is the stand-alone CM's logic in {@link
 * CallManagerCore} (§1.1); choice labels start with {@code mcm.}.
 *
 * <p>OQ-10: whether NdisMCmActivateVc / NdisMCmDeactivateVc pend is NDIS's decision (see
 * OPEN-QUESTIONS.md); the core handles both a final return (it runs its own
 * ProtocolCmXxxVcComplete logic, GEN-6) and PENDING (NDIS calls the handler once).
 */
public class ReferenceMcm extends CallManagerCore implements IntegratedCallManager {

  public ReferenceMcm() {}

  @Override
  public void initialize(McmEnvironment environment) {
    initializeCore(
        "mcm",
        environment.ndis(),
        new McmVcs(environment.ndis()),
        environment.platform(),
        environment.tracker(),
        environment.ndisAfHandle(),
        environment.ndisSapHandle(),
        environment.faults());
  }

  /** {@link CallManagerNdis} over NdisMCmCreateVc, NdisMCmDeleteVc and NdisMCm(De)ActivateVc. */
  private static final class McmVcs implements CallManagerNdis {
    private final NdisMcmApi ndis;

    McmVcs(NdisMcmApi ndis) {
      this.ndis = ndis;
    }

    @Override
    public VcCreation createVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext) {
      return ndis.mcmCreateVc(ndisAfHandle, callMgrVcContext);
    }

    @Override
    public NdisStatus deleteVc(NdisVcHandle ndisVcHandle) {
      return ndis.mcmDeleteVc(ndisVcHandle);
    }

    @Override
    public NdisStatus activateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      return ndis.mcmActivateVc(ndisVcHandle, callParameters);
    }

    @Override
    public NdisStatus deactivateVc(NdisVcHandle ndisVcHandle) {
      return ndis.mcmDeactivateVc(ndisVcHandle);
    }
  }
}
