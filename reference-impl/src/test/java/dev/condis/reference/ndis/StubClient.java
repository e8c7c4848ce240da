package dev.condis.reference.ndis;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolClientHandlers;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scriptable client: records each handler call as "Handler(args)", runs the hook registered
 * under the handler's name inside it (to call back into NDIS, GEN-9), and returns the status
 * configured for it.
 */
class StubClient implements ProtocolClientHandlers {
  final ContextTracker tracker;
  final List<String> calls = new ArrayList<>();
  final Map<String, Runnable> inside = new HashMap<>();
  NdisStatus createVcReturn = NdisStatus.SUCCESS;
  NdisStatus deleteVcReturn = NdisStatus.SUCCESS;
  NdisStatus incomingCallReturn = NdisStatus.SUCCESS;
  /** A failing ProtocolCoCreateVc hands back a context it allocated and kept (a VC-2 leak). */
  boolean keepContextOnFailedCreate;
  /** The VC handle of the last CM/MCM-created VC, from ProtocolCoCreateVc. */
  NdisVcHandle offeredVc;
  ProtocolVcContext offeredVcContext;

  StubClient(ContextTracker tracker) {
    this.tracker = tracker;
  }

  private void called(String handler, Object... args) {
    calls.add(handler + "(" + Fmt.args(args) + ")");
    Runnable hook = inside.get(handler);
    if (hook != null) {
      hook.run();
    }
  }

  @Override
  public CreateVcResult<ProtocolVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    called("ProtocolCoCreateVc", ndisVcHandle);
    if (!createVcReturn.isSuccess()) {
      ProtocolVcContext kept =
          keepContextOnFailedCreate ? tracker.allocate(new ProtocolVcContext("client.offered")) : null;
      return new CreateVcResult<>(createVcReturn, kept);
    }
    offeredVc = ndisVcHandle;
    offeredVcContext = tracker.allocate(new ProtocolVcContext("client.offered"));
    return CreateVcResult.success(offeredVcContext);
  }

  @Override
  public NdisStatus protocolCoDeleteVc(ProtocolVcContext protocolVcContext) {
    called("ProtocolCoDeleteVc", protocolVcContext);
    if (deleteVcReturn.isSuccess()) {
      tracker.release(protocolVcContext, "VC-9", "client ProtocolCoDeleteVc");
    }
    return deleteVcReturn;
  }

  @Override
  public void protocolClMakeCallComplete(NdisStatus status, ProtocolVcContext protocolVcContext,
      NdisPartyHandle ndisPartyHandle, CallParameters callParameters) {
    called("ProtocolClMakeCallComplete", status, protocolVcContext, ndisPartyHandle, callParameters);
  }

  @Override
  public void protocolClCloseCallComplete(NdisStatus status, ProtocolVcContext protocolVcContext,
      ProtocolPartyContext protocolPartyContext) {
    called("ProtocolClCloseCallComplete", status, protocolVcContext, protocolPartyContext);
  }

  @Override
  public void protocolClAddPartyComplete(NdisStatus status, ProtocolPartyContext protocolPartyContext,
      NdisPartyHandle ndisPartyHandle, CallParameters callParameters) {
    called("ProtocolClAddPartyComplete", status, protocolPartyContext, ndisPartyHandle, callParameters);
  }

  @Override
  public void protocolClDropPartyComplete(NdisStatus status, ProtocolPartyContext protocolPartyContext) {
    called("ProtocolClDropPartyComplete", status, protocolPartyContext);
  }

  @Override
  public NdisStatus protocolClIncomingCall(ProtocolVcContext protocolVcContext, CallParameters callParameters) {
    called("ProtocolClIncomingCall", protocolVcContext, callParameters);
    return incomingCallReturn;
  }

  @Override
  public void protocolClIncomingCloseCall(NdisStatus closeStatus, ProtocolVcContext protocolVcContext,
      CloseData closeData) {
    called("ProtocolClIncomingCloseCall", closeStatus, protocolVcContext, closeData);
  }

  @Override
  public void protocolClIncomingDropParty(NdisStatus dropStatus, ProtocolPartyContext protocolPartyContext,
      CloseData closeData) {
    called("ProtocolClIncomingDropParty", dropStatus, protocolPartyContext, closeData);
  }

  @Override
  public void protocolClCallConnected(ProtocolVcContext protocolVcContext) {
    called("ProtocolClCallConnected", protocolVcContext);
  }
}
