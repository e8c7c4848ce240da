package dev.condis.reference.mcm;

import dev.condis.reference.cm.CallManagerCore;
import dev.condis.reference.cm.CallManagerNdis;
import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.driver.IntegratedCallManager;
import dev.condis.reference.driver.McmEnvironment;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisMcmApi;
import dev.condis.reference.ndis.NdisPartyHandle;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.ndis.NdisStatus;
import dev.condis.reference.ndis.NdisVcHandle;
import dev.condis.reference.ndis.VcCreation;

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
        new McmNdis(environment.ndis(), environment.faults()),
        environment.platform(),
        environment.tracker(),
        environment.ndisAfHandle(),
        environment.ndisSapHandle(),
        environment.faults());
  }

  /** {@link CallManagerNdis} over NdisMCmXxx. */
  private static final class McmNdis implements CallManagerNdis {
    private final NdisMcmApi ndis;
    private final FaultSet faults;

    McmNdis(NdisMcmApi ndis, FaultSet faults) {
      this.ndis = ndis;
      this.faults = faults;
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

    @Override
    public void makeCallComplete(
        NdisStatus status,
        NdisVcHandle ndisVcHandle,
        NdisPartyHandle ndisPartyHandle,
        CallMgrPartyContext callMgrPartyContext,
        CallParameters callParameters) {
      ndis.mcmMakeCallComplete(
          status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters);
    }

    @Override
    public void closeCallComplete(
        NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle) {
      ndis.mcmCloseCallComplete(status, ndisVcHandle, ndisPartyHandle);
      if (faults.has(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE)) {
        // Seeded fault: GEN-2, a pended close completed a second time.
        ndis.mcmCloseCallComplete(status, ndisVcHandle, ndisPartyHandle);
      }
    }

    @Override
    public void addPartyComplete(
        NdisStatus status,
        NdisPartyHandle ndisPartyHandle,
        CallMgrPartyContext callMgrPartyContext,
        CallParameters callParameters) {
      ndis.mcmAddPartyComplete(status, ndisPartyHandle, callMgrPartyContext, callParameters);
    }

    @Override
    public void dropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
      ndis.mcmDropPartyComplete(status, ndisPartyHandle);
    }

    @Override
    public NdisStatus dispatchIncomingCall(
        NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      return ndis.mcmDispatchIncomingCall(ndisSapHandle, ndisVcHandle, callParameters);
    }

    @Override
    public void dispatchCallConnected(NdisVcHandle ndisVcHandle) {
      ndis.mcmDispatchCallConnected(ndisVcHandle);
    }

    @Override
    public void dispatchIncomingCloseCall(
        NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData) {
      ndis.mcmDispatchIncomingCloseCall(closeStatus, ndisVcHandle, closeData);
    }

    @Override
    public void dispatchIncomingDropParty(
        NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
      ndis.mcmDispatchIncomingDropParty(dropStatus, ndisPartyHandle, closeData);
    }
  }
}
