package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** What the CoNDIS miniport under a stand-alone call manager may call back into NDIS. */
@PublicApi
public interface NdisMiniportApi {

  /** Finishes a MiniportCoActivateVc that returned PENDING. */
  void mCoActivateVcComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, CallParameters callParameters);

  /** Finishes a MiniportCoDeactivateVc that returned PENDING. */
  void mCoDeactivateVcComplete(NdisStatus status, NdisVcHandle ndisVcHandle);
}
