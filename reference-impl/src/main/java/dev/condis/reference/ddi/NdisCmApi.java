package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The NDIS functions a stand-alone call manager may call: the NdisCo pair for the VCs it
 * creates and NdisCmActivateVc / NdisCmDeactivateVc here, the completions and dispatches it
 * shares with an MCM in {@link NdisCallManagerApi}. An MCM gets {@link NdisMcmApi} instead
 * (GEN-10).
 */
@PublicApi
public interface NdisCmApi extends NdisCallManagerApi {

  /** NdisCoCreateVc for an incoming call: runs the client's ProtocolCoCreateVc. */
  VcCreation coCreateVc(NdisAfHandle ndisAfHandle, CallMgrVcContext callMgrVcContext);

  NdisStatus coDeleteVc(NdisVcHandle ndisVcHandle);

  NdisStatus cmActivateVc(NdisVcHandle ndisVcHandle, CallParameters callParameters);

  NdisStatus cmDeactivateVc(NdisVcHandle ndisVcHandle);
}
