package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The CoNDIS miniport beneath a stand-alone call manager: NDIS forwards VC creation,
 * deletion, activation and deactivation to it (§1.1, §2.1 step 3, §2.2 step 2).
 */
@PublicApi
public interface MiniportCoHandlers {

  CreateVcResult<MiniportVcContext> miniportCoCreateVc(NdisVcHandle ndisVcHandle);

  NdisStatus miniportCoDeleteVc(MiniportVcContext miniportVcContext);

  /** May return PENDING and finish later with NdisMCoActivateVcComplete. */
  NdisStatus miniportCoActivateVc(
      MiniportVcContext miniportVcContext, CallParameters callParameters);

  /** May return PENDING and finish later with NdisMCoDeactivateVcComplete. */
  NdisStatus miniportCoDeactivateVc(MiniportVcContext miniportVcContext);
}
