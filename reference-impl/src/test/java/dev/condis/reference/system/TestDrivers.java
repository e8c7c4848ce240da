package dev.condis.reference.system;

import dev.condis.reference.ddi.CallManagerEnvironment;
import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.ddi.ClientEnvironment;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.CoNdisMiniport;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.IntegratedCallManager;
import dev.condis.reference.ddi.McmEnvironment;
import dev.condis.reference.ddi.MiniportEnvironment;
import dev.condis.reference.ddi.MiniportVcContext;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.StandaloneCallManager;
import dev.condis.reference.ddi.VcCreation;
import java.util.List;
import java.util.function.Function;

/**
 * Minimal drivers for wiring tests: a client that makes and tears down one point-to-point call
 * synchronously, and a call manager that activates in ProtocolCmMakeCall and deactivates in
 * ProtocolCmCloseCall. Each logs its lifecycle into a shared list; shutdown queues a deferred
 * call so the test can see finish() wait for it.
 */
final class TestDrivers {
  private TestDrivers() {}

  static final class Client implements ClientDriver {
    final List<String> log;
    ClientEnvironment env;
    ProtocolVcContext vcContext;
    NdisVcHandle vc;

    Client(List<String> log) {
      this.log = log;
    }

    @Override
    public void initialize(ClientEnvironment environment) {
      env = environment;
      log.add("client.initialize");
    }

    @Override
    public void makeCall(int parties) {
      vcContext = env.tracker().allocate(new ProtocolVcContext("client.vc"));
      VcCreation created = env.ndis().coCreateVc(env.ndisAfHandle(), vcContext);
      vc = created.ndisVcHandle();
      CallParameters params = env.tracker().allocate(new CallParameters("client.make", 1));
      log.add("client.makeCall " + env.ndis().clMakeCall(vc, params, null).status());
      env.tracker().release(params, "MAKE-8", "client");
    }

    @Override
    public void addParty() {}

    @Override
    public void dropParty() {}

    @Override
    public void closeCall() {}

    @Override
    public void shutdown() {
      log.add("client.shutdown");
      if (vc != null) {
        log.add("client.close " + env.ndis().clCloseCall(vc, null, null));
        log.add("client.delete " + env.ndis().coDeleteVc(vc));
        env.tracker().release(vcContext, "VC-11", "client");
      }
      env.platform().queueDeferred("client.dpc", () -> log.add("client.dpc"));
    }

    @Override
    public CreateVcResult<ProtocolVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
      return CreateVcResult.failure(NdisStatus.NOT_SUPPORTED);
    }

    @Override
    public NdisStatus protocolCoDeleteVc(ProtocolVcContext protocolVcContext) {
      return NdisStatus.FAILURE;
    }

    @Override
    public void protocolClMakeCallComplete(NdisStatus s, ProtocolVcContext v, NdisPartyHandle p, CallParameters c) {}

    @Override
    public void protocolClCloseCallComplete(NdisStatus s, ProtocolVcContext v, ProtocolPartyContext p) {}

    @Override
    public void protocolClAddPartyComplete(NdisStatus s, ProtocolPartyContext p, NdisPartyHandle h, CallParameters c) {}

    @Override
    public void protocolClDropPartyComplete(NdisStatus s, ProtocolPartyContext p) {}

    @Override
    public NdisStatus protocolClIncomingCall(ProtocolVcContext v, CallParameters c) {
      return NdisStatus.NOT_SUPPORTED;
    }

    @Override
    public void protocolClIncomingCloseCall(NdisStatus s, ProtocolVcContext v, CloseData d) {}

    @Override
    public void protocolClIncomingDropParty(NdisStatus s, ProtocolPartyContext p, CloseData d) {}

    @Override
    public void protocolClCallConnected(ProtocolVcContext v) {}
  }

  /** The call-manager behaviour, over either API: activate / deactivate are the only NDIS calls it makes. */
  abstract static class CallManager {
    final List<String> log;
    final String name;
    Function<NdisVcHandle, NdisStatus> activate;
    Function<NdisVcHandle, NdisStatus> deactivate;
    dev.condis.reference.ddi.ContextTracker tracker;
    dev.condis.reference.platform.Platform platform;

    CallManager(List<String> log, String name) {
      this.log = log;
      this.name = name;
    }

    static final class Vc extends CallMgrVcContext {
      final NdisVcHandle handle;

      Vc(NdisVcHandle handle) {
        super("cm.vc");
        this.handle = handle;
      }
    }

    public CreateVcResult<CallMgrVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
      return CreateVcResult.success(tracker.allocate(new Vc(ndisVcHandle)));
    }

    public NdisStatus protocolCoDeleteVc(CallMgrVcContext context) {
      tracker.release(context, "VC-9", name);
      return NdisStatus.SUCCESS;
    }

    public PartyResult protocolCmMakeCall(CallMgrVcContext vc, CallParameters c, NdisPartyHandle p) {
      CallParameters activation = tracker.allocate(new CallParameters("cm.activation", 1));
      NdisStatus activated = activate.apply(((Vc) vc).handle);
      tracker.release(activation, "VC-14", name);
      return PartyResult.of(activated);
    }

    public NdisStatus protocolCmCloseCall(CallMgrVcContext vc, CallMgrPartyContext p, CloseData d) {
      return deactivate.apply(((Vc) vc).handle);
    }

    public PartyResult protocolCmAddParty(CallMgrVcContext vc, CallParameters c, NdisPartyHandle p) {
      return PartyResult.of(NdisStatus.NOT_SUPPORTED);
    }

    public NdisStatus protocolCmDropParty(CallMgrPartyContext p, CloseData d) {
      return NdisStatus.FAILURE;
    }

    public void protocolCmIncomingCallComplete(NdisStatus s, CallMgrVcContext vc, CallParameters c) {}

    public void protocolCmActivateVcComplete(NdisStatus s, CallMgrVcContext vc, CallParameters c) {}

    public void protocolCmDeactivateVcComplete(NdisStatus s, CallMgrVcContext vc) {}

    public void offerIncomingCall() {}

    public void remoteClose() {}

    public void remoteDropParty() {}

    public void shutdown() {
      log.add(name + ".shutdown");
      platform.queueDeferred(name + ".dpc", () -> log.add(name + ".dpc"));
    }
  }

  static final class Standalone extends CallManager implements StandaloneCallManager {
    CallManagerEnvironment env;

    Standalone(List<String> log) {
      super(log, "cm");
    }

    @Override
    public void initialize(CallManagerEnvironment environment) {
      env = environment;
      tracker = environment.tracker();
      platform = environment.platform();
      activate = vc -> environment.ndis().cmActivateVc(vc, null);
      deactivate = vc -> environment.ndis().cmDeactivateVc(vc);
      log.add("cm.initialize");
    }
  }

  static final class Mcm extends CallManager implements IntegratedCallManager {
    McmEnvironment env;

    Mcm(List<String> log) {
      super(log, "mcm");
    }

    @Override
    public void initialize(McmEnvironment environment) {
      env = environment;
      tracker = environment.tracker();
      platform = environment.platform();
      activate = vc -> environment.ndis().mcmActivateVc(vc, null);
      deactivate = vc -> environment.ndis().mcmDeactivateVc(vc);
      log.add("mcm.initialize");
    }
  }

  static final class Miniport implements CoNdisMiniport {
    final List<String> log;
    MiniportEnvironment env;

    Miniport(List<String> log) {
      this.log = log;
    }

    @Override
    public void initialize(MiniportEnvironment environment) {
      env = environment;
      log.add("miniport.initialize");
    }

    @Override
    public CreateVcResult<MiniportVcContext> miniportCoCreateVc(NdisVcHandle ndisVcHandle) {
      return CreateVcResult.success(env.tracker().allocate(new MiniportVcContext("miniport.vc")));
    }

    @Override
    public NdisStatus miniportCoDeleteVc(MiniportVcContext context) {
      env.tracker().release(context, "VC-9", "miniport");
      return NdisStatus.SUCCESS;
    }

    @Override
    public NdisStatus miniportCoActivateVc(MiniportVcContext context, CallParameters params) {
      return NdisStatus.SUCCESS;
    }

    @Override
    public NdisStatus miniportCoDeactivateVc(MiniportVcContext context) {
      return NdisStatus.SUCCESS;
    }
  }
}
