package dev.condis.reference.cm;

import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.VcCreation;

/**
 * The four NDIS functions that differ between the two kinds of call manager, in one shape for
 * {@link CallManagerCore}: a stand-alone CM maps them onto the NdisCo pair and
 * NdisCmActivateVc / NdisCmDeactivateVc, an MCM onto NdisMCmXxx (GEN-10). Everything else the
 * core calls is the one {@link NdisCallManagerApi} both kinds share (§1.1). The documents'
 * mislabelled cross-references (OQ-25) do not blur that split: a stand-alone CM never calls an
 * NdisMCm function, nor an MCM an NdisCm one.
 */
public interface CallManagerNdis {

  /** A stand-alone call manager's: the NdisCo pair and NdisCmActivateVc / NdisCmDeactivateVc. */
  static CallManagerNdis standalone(NdisCmApi ndis) {
    return new KindVcFunctions(ndis, null);
  }

  /** An MCM's: NdisMCmCreateVc, NdisMCmDeleteVc, NdisMCmActivateVc and NdisMCmDeactivateVc. */
  static CallManagerNdis integrated(NdisMcmApi ndis) {
    return new KindVcFunctions(null, ndis);
  }

  /** NdisCoCreateVc (CM) / NdisMCmCreateVc (MCM) for an incoming call (INCALL-1). */
  VcCreation createVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext);

  /** NdisCoDeleteVc (CM) / NdisMCmDeleteVc (MCM) on a VC this call manager created (VC-4). */
  NdisStatus deleteVc(NdisVcHandle ndisVcHandle);

  /** Ndis(M)CmActivateVc: PENDING means ProtocolCmActivateVcComplete follows once (GEN-6). */
  NdisStatus activateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters);

  /** Ndis(M)CmDeactivateVc: PENDING means ProtocolCmDeactivateVcComplete follows once. */
  NdisStatus deactivateVc(NdisVcHandle ndisVcHandle);
}
