package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;

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
