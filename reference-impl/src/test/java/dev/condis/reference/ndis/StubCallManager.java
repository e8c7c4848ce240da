package dev.condis.reference.ndis;

import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.ddi.ProtocolCmHandlers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scriptable call manager (stand-alone or MCM): records handler calls, runs hooks inside
 * them, returns configured statuses. With {@code activateInMakeCall} it activates the VC inside
 * ProtocolCmMakeCall before returning, with {@code deactivateInCloseCall} it deactivates inside
 * ProtocolCmCloseCall: the order a correct call manager follows (MAKE-3, CLOSE-8).
 */
class StubCallManager implements ProtocolCmHandlers {
  final ContextTracker tracker;
  final List<String> calls = new ArrayList<>();
  final Map<String, Runnable> inside = new HashMap<>();
  /** Set by the fixture after registration: exactly one of them. */
  NdisCmApi cm;
  NdisMcmApi mcm;

  NdisStatus createVcReturn = NdisStatus.SUCCESS;
  NdisStatus deleteVcReturn = NdisStatus.SUCCESS;
  NdisStatus makeCallReturn = NdisStatus.SUCCESS;
  NdisStatus closeCallReturn = NdisStatus.SUCCESS;
  NdisStatus addPartyReturn = NdisStatus.SUCCESS;
  NdisStatus dropPartyReturn = NdisStatus.SUCCESS;
  /** A failing ProtocolCoCreateVc hands back a context it allocated and kept (a VC-2 leak). */
  boolean keepContextOnFailedCreate;
  boolean activateInMakeCall = true;
  boolean deactivateInCloseCall = true;

  /** The client-created VC this call manager last saw in ProtocolCoCreateVc. */
  NdisVcHandle vc;
  CallMgrVcContext vcContext;
  /** The party handle from the last ProtocolCmMakeCall / ProtocolCmAddParty. */
  NdisPartyHandle party;
  CallMgrPartyContext partyContext;

  /** The stub's per-VC context remembers its VC handle, as a real call manager's does. */
  static final class StubVc extends CallMgrVcContext {
    NdisVcHandle handle;

    StubVc(String tag) {
      super(tag);
    }
  }

  StubCallManager(ContextTracker tracker) {
    this.tracker = tracker;
  }

  private void called(String handler, Object... args) {
    calls.add(handler + "(" + Fmt.args(args) + ")");
  }

  /** Runs the hook for {@code handler}: after the stub's own work, just before it returns. */
  private <T> T hook(String handler, T result) {
    Runnable hook = inside.get(handler);
    if (hook != null) {
      hook.run();
    }
    return result;
  }

  NdisStatus activate(NdisVcHandle handle) {
    CallParameters parameters = tracker.allocate(new CallParameters("cm.activation", 1));
    return cm != null ? cm.cmActivateVc(handle, parameters) : mcm.mcmActivateVc(handle, parameters);
  }

  NdisStatus deactivate(NdisVcHandle handle) {
    return cm != null ? cm.cmDeactivateVc(handle) : mcm.mcmDeactivateVc(handle);
  }

  CallMgrPartyContext newPartyContext() {
    return tracker.allocate(new CallMgrPartyContext("cm.party"));
  }

  @Override
  public CreateVcResult<CallMgrVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    called("ProtocolCoCreateVc", ndisVcHandle);
    if (!createVcReturn.isSuccess()) {
      CallMgrVcContext kept = keepContextOnFailedCreate ? tracker.allocate(new StubVc("cm.vc")) : null;
      return hook("ProtocolCoCreateVc", new CreateVcResult<>(createVcReturn, kept));
    }
    StubVc context = tracker.allocate(new StubVc("cm.vc"));
    context.handle = ndisVcHandle;
    vc = ndisVcHandle;
    vcContext = context;
    return hook("ProtocolCoCreateVc", CreateVcResult.success(context));
  }

  @Override
  public NdisStatus protocolCoDeleteVc(CallMgrVcContext callMgrVcContext) {
    called("ProtocolCoDeleteVc", callMgrVcContext);
    if (deleteVcReturn.isSuccess()) {
      tracker.release(callMgrVcContext, "VC-9", "cm ProtocolCoDeleteVc");
    }
    return hook("ProtocolCoDeleteVc", deleteVcReturn);
  }

  @Override
  public PartyResult protocolCmMakeCall(CallMgrVcContext callMgrVcContext, CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    called("ProtocolCmMakeCall", callMgrVcContext, callParameters, ndisPartyHandle);
    party = ndisPartyHandle;
    if (activateInMakeCall) {
      activate(((StubVc) callMgrVcContext).handle);
    }
    boolean withParty = makeCallReturn.isSuccess() && ndisPartyHandle != null;
    partyContext = withParty ? newPartyContext() : null;
    return hook("ProtocolCmMakeCall", new PartyResult(makeCallReturn, partyContext));
  }

  @Override
  public NdisStatus protocolCmCloseCall(CallMgrVcContext callMgrVcContext, CallMgrPartyContext callMgrPartyContext,
      CloseData closeData) {
    called("ProtocolCmCloseCall", callMgrVcContext, callMgrPartyContext, closeData);
    if (deactivateInCloseCall) {
      deactivate(((StubVc) callMgrVcContext).handle);
    }
    return hook("ProtocolCmCloseCall", closeCallReturn);
  }

  @Override
  public PartyResult protocolCmAddParty(CallMgrVcContext callMgrVcContext, CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    called("ProtocolCmAddParty", callMgrVcContext, callParameters, ndisPartyHandle);
    party = ndisPartyHandle;
    partyContext = addPartyReturn.isSuccess() ? newPartyContext() : null;
    return hook("ProtocolCmAddParty", new PartyResult(addPartyReturn, partyContext));
  }

  @Override
  public NdisStatus protocolCmDropParty(CallMgrPartyContext callMgrPartyContext, CloseData closeData) {
    called("ProtocolCmDropParty", callMgrPartyContext, closeData);
    return hook("ProtocolCmDropParty", dropPartyReturn);
  }

  @Override
  public void protocolCmIncomingCallComplete(NdisStatus status, CallMgrVcContext callMgrVcContext,
      CallParameters callParameters) {
    called("ProtocolCmIncomingCallComplete", status, callMgrVcContext, callParameters);
    hook("ProtocolCmIncomingCallComplete", null);
  }

  @Override
  public void protocolCmActivateVcComplete(NdisStatus status, CallMgrVcContext callMgrVcContext,
      CallParameters callParameters) {
    called("ProtocolCmActivateVcComplete", status, callMgrVcContext, callParameters);
    hook("ProtocolCmActivateVcComplete", null);
  }

  @Override
  public void protocolCmDeactivateVcComplete(NdisStatus status, CallMgrVcContext callMgrVcContext) {
    called("ProtocolCmDeactivateVcComplete", status, callMgrVcContext);
    hook("ProtocolCmDeactivateVcComplete", null);
  }
}
