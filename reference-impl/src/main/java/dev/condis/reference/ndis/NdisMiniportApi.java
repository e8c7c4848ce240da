package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.CallParameters;

/** What the CoNDIS miniport under a stand-alone call manager may call back into NDIS. */
@PublicApi
public interface NdisMiniportApi {

  /** Finishes a MiniportCoActivateVc that returned PENDING. */
  void mCoActivateVcComplete(
      NdisStatus status, NdisVcHandle ndisVcHandle, CallParameters callParameters);

  /** Finishes a MiniportCoDeactivateVc that returned PENDING. */
  void mCoDeactivateVcComplete(NdisStatus status, NdisVcHandle ndisVcHandle);
}
