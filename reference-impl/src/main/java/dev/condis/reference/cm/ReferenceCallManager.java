package dev.condis.reference.cm;

import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.driver.CallManagerEnvironment;
import dev.condis.reference.driver.StandaloneCallManager;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisCmApi;
import dev.condis.reference.ndis.NdisPartyHandle;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.ndis.NdisStatus;
import dev.condis.reference.ndis.NdisVcHandle;
import dev.condis.reference.ndis.VcCreation;

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
        new CmNdis(environment.ndis()),
        environment.platform(),
        environment.tracker(),
        environment.ndisAfHandle(),
        environment.ndisSapHandle(),
        environment.faults());
  }

  /** {@link CallManagerNdis} over NdisCmXxx and the NdisCo pair. */
  private static final class CmNdis implements CallManagerNdis {
    private final NdisCmApi ndis;

    CmNdis(NdisCmApi ndis) {
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

    @Override
    public void makeCallComplete(
        NdisStatus status,
        NdisVcHandle ndisVcHandle,
        NdisPartyHandle ndisPartyHandle,
        CallMgrPartyContext callMgrPartyContext,
        CallParameters callParameters) {
      ndis.cmMakeCallComplete(
          status, ndisVcHandle, ndisPartyHandle, callMgrPartyContext, callParameters);
    }

    @Override
    public void closeCallComplete(
        NdisStatus status, NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle) {
      ndis.cmCloseCallComplete(status, ndisVcHandle, ndisPartyHandle);
    }

    @Override
    public void addPartyComplete(
        NdisStatus status,
        NdisPartyHandle ndisPartyHandle,
        CallMgrPartyContext callMgrPartyContext,
        CallParameters callParameters) {
      ndis.cmAddPartyComplete(status, ndisPartyHandle, callMgrPartyContext, callParameters);
    }

    @Override
    public void dropPartyComplete(NdisStatus status, NdisPartyHandle ndisPartyHandle) {
      ndis.cmDropPartyComplete(status, ndisPartyHandle);
    }

    @Override
    public NdisStatus dispatchIncomingCall(
        NdisSapHandle ndisSapHandle, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
      return ndis.cmDispatchIncomingCall(ndisSapHandle, ndisVcHandle, callParameters);
    }

    @Override
    public void dispatchCallConnected(NdisVcHandle ndisVcHandle) {
      ndis.cmDispatchCallConnected(ndisVcHandle);
    }

    @Override
    public void dispatchIncomingCloseCall(
        NdisStatus closeStatus, NdisVcHandle ndisVcHandle, CloseData closeData) {
      ndis.cmDispatchIncomingCloseCall(closeStatus, ndisVcHandle, closeData);
    }

    @Override
    public void dispatchIncomingDropParty(
        NdisStatus dropStatus, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
      ndis.cmDispatchIncomingDropParty(dropStatus, ndisPartyHandle, closeData);
    }
  }
}
