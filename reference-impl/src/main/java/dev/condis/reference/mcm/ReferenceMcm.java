package dev.condis.reference.mcm;

import dev.condis.reference.cm.CallManagerCore;
import dev.condis.reference.cm.CallManagerNdis;
import dev.condis.reference.ddi.IntegratedCallManager;
import dev.condis.reference.ddi.McmEnvironment;

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
    initializeCore("mcm", environment, CallManagerNdis.integrated(environment.ndis()));
  }
}
