package dev.condis.reference.cm;

import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.driver.CallManagerEnvironment;
import dev.condis.reference.driver.NdisCmApi;
import dev.condis.reference.driver.StandaloneCallManager;
import dev.condis.reference.driver.VcCreation;

/**
 * The reference stand-alone call manager: a protocol driver that registers the address family
 * and does the signalling, above a separate CoNDIS miniport ({@link ReferenceMiniport}). It
 * uses only NdisCmXxx and the NdisCo pair (GEN-10); NDIS forwards its activations and
 * deactivations to the miniport's MiniportCoActivateVc / MiniportCoDeactivateVc. All call
 * logic lives in {@link CallManagerCore}; choice labels start with {@code cm.}.
 */
public class ReferenceCallManager extends CallManagerCore implements StandaloneCallManager {

  public ReferenceCallManager() {}

  @Override
  public void initialize(CallManagerEnvironment environment) {
    initializeCore(
        "cm",
        environment.ndis(),
        new CmVcs(environment.ndis()),
        environment.platform(),
        environment.tracker(),
        environment.ndisAfHandle(),
        environment.ndisSapHandle(),
        environment.faults());
  }

  /** {@link CallManagerNdis} over the NdisCo pair and NdisCm(De)ActivateVc. */
  private static final class CmVcs implements CallManagerNdis {
    private final NdisCmApi ndis;

    CmVcs(NdisCmApi ndis) {
      this.ndis = ndis;
    }

    @Override
    public VcCreation createVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext) {
      return ndis.coCreateVc(ndisAfHandle, callMgrVcContext);
    }

    @Override
    public NdisStatus deleteVc(NdisVcHandle ndisVcHandle) {
      return ndis.coDeleteVc(ndisVcHandle);
    }

    @Override
    public NdisStatus activateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      return ndis.cmActivateVc(ndisVcHandle, callParameters);
    }

    @Override
    public NdisStatus deactivateVc(NdisVcHandle ndisVcHandle) {
      return ndis.cmDeactivateVc(ndisVcHandle);
    }
  }
}
