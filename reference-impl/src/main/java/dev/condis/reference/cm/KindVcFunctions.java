package dev.condis.reference.cm;

import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.VcCreation;

/**
 * {@link CallManagerNdis} over one kind's NDIS face: exactly one of {@code cm} (stand-alone) and
 * {@code mcm} is set, so each function names both spellings side by side and calls only its
 * own kind's (GEN-10). A named class, not four lambdas: the state fingerprint walks the
 * drivers' fields.
 */
final class KindVcFunctions implements CallManagerNdis {
  private final NdisCmApi cm;
  private final NdisMcmApi mcm;

  KindVcFunctions(NdisCmApi cm, NdisMcmApi mcm) {
    if ((cm == null) == (mcm == null)) {
      throw new IllegalArgumentException("one call-manager face, stand-alone or integrated");
    }
    this.cm = cm;
    this.mcm = mcm;
  }

  @Override
  public VcCreation createVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext) {
    return cm != null ? cm.coCreateVc(ndisAfHandle, callMgrVcContext) : mcm.mcmCreateVc(ndisAfHandle, callMgrVcContext);
  }

  @Override
  public NdisStatus deleteVc(NdisVcHandle ndisVcHandle) {
    return cm != null ? cm.coDeleteVc(ndisVcHandle) : mcm.mcmDeleteVc(ndisVcHandle);
  }

  @Override
  public NdisStatus activateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    return cm != null ? cm.cmActivateVc(ndisVcHandle, callParameters) : mcm.mcmActivateVc(ndisVcHandle, callParameters);
  }

  @Override
  public NdisStatus deactivateVc(NdisVcHandle ndisVcHandle) {
    return cm != null ? cm.cmDeactivateVc(ndisVcHandle) : mcm.mcmDeactivateVc(ndisVcHandle);
  }
}
