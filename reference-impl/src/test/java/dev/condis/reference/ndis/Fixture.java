package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisMiniportApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyCreation;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.VcCreation;
import dev.condis.reference.platform.ScriptedPlatform;
import java.util.ArrayList;
import java.util.List;

/** An NDIS on a ScriptedPlatform with stub drivers registered, an AF open and a SAP registered. */
final class Fixture {
  final ScriptedPlatform platform = new ScriptedPlatform();
  final Ndis ndis = new Ndis(platform);
  final Recorder rec = new Recorder();
  final ContextTracker tracker = ndis.tracker();
  final StubClient client = new StubClient(tracker);
  final StubCallManager cm = new StubCallManager(tracker);
  final StubMiniport miniport;
  final NdisClientApi cl;
  final NdisCmApi cmApi;
  final NdisMcmApi mcmApi;
  final NdisMiniportApi mp;
  final NdisAfHandle af;
  final NdisSapHandle sap;
  /** The ProtocolVcContext of the last VC {@link #clientVc()} created. */
  ProtocolVcContext lastVcContext;

  private Fixture(boolean mcm) {
    ndis.addListener(rec);
    cl = ndis.registerClient(client);
    if (mcm) {
      miniport = null;
      mp = null;
      cmApi = null;
      mcmApi = ndis.registerMcm(cm);
      cm.mcm = mcmApi;
    } else {
      miniport = new StubMiniport(tracker);
      cmApi = ndis.registerCallManager(cm);
      mp = ndis.registerMiniport(miniport);
      mcmApi = null;
      cm.cm = cmApi;
    }
    af = ndis.openAddressFamily();
    sap = ndis.registerSap();
  }

  static Fixture standalone() {
    return new Fixture(false);
  }

  static Fixture mcm() {
    return new Fixture(true);
  }

  ProtocolVcContext vcContext() {
    return tracker.allocate(new ProtocolVcContext("client.vc"));
  }

  ProtocolPartyContext partyContext() {
    return tracker.allocate(new ProtocolPartyContext("client.party"));
  }

  CallParameters params(String tag) {
    return tracker.allocate(new CallParameters(tag, 1));
  }

  CloseData closeData() {
    return tracker.allocate(new CloseData("close"));
  }

  /** A client-created VC, NdisCoCreateVc succeeded. */
  NdisVcHandle clientVc() {
    lastVcContext = vcContext();
    VcCreation created = cl.coCreateVc(af, lastVcContext);
    assertThat(created.status()).isEqualTo(NdisStatus.SUCCESS);
    return created.ndisVcHandle();
  }

  /** A point-to-point outgoing call, made synchronously (the CM activates, then returns SUCCESS). */
  NdisVcHandle connectedCall() {
    NdisVcHandle vc = clientVc();
    assertThat(cl.clMakeCall(vc, params("client.make"), null).status()).isEqualTo(NdisStatus.SUCCESS);
    return vc;
  }

  /** A multipoint call with {@code parties} parties, made and added synchronously. */
  Multipoint multipointCall(int parties) {
    NdisVcHandle vc = clientVc();
    List<NdisPartyHandle> handles = new ArrayList<>();
    List<ProtocolPartyContext> contexts = new ArrayList<>();
    ProtocolPartyContext first = partyContext();
    PartyCreation made = cl.clMakeCall(vc, params("client.make"), first);
    assertThat(made.status()).isEqualTo(NdisStatus.SUCCESS);
    handles.add(made.ndisPartyHandle());
    contexts.add(first);
    for (int i = 1; i < parties; i++) {
      ProtocolPartyContext context = partyContext();
      PartyCreation added = cl.clAddParty(vc, context, params("client.add"));
      assertThat(added.status()).isEqualTo(NdisStatus.SUCCESS);
      handles.add(added.ndisPartyHandle());
      contexts.add(context);
    }
    return new Multipoint(vc, ImmutableList.copyOf(handles), ImmutableList.copyOf(contexts));
  }

  record Multipoint(NdisVcHandle vc, ImmutableList<NdisPartyHandle> parties,
      ImmutableList<ProtocolPartyContext> contexts) {}

  /** A VC the call manager created (NdisCoCreateVc / NdisMCmCreateVc). */
  NdisVcHandle callManagerVc() {
    StubCallManager.StubVc context = tracker.allocate(new StubCallManager.StubVc("cm.incoming"));
    VcCreation created = cmApi != null ? cmApi.coCreateVc(af, context) : mcmApi.mcmCreateVc(af, context);
    assertThat(created.status()).isEqualTo(NdisStatus.SUCCESS);
    context.handle = created.ndisVcHandle();
    return created.ndisVcHandle();
  }

  /** A call-manager VC, activated and ready to offer. */
  NdisVcHandle activatedCallManagerVc() {
    NdisVcHandle vc = callManagerVc();
    assertThat(cm.activate(vc)).isEqualTo(NdisStatus.SUCCESS);
    return vc;
  }

  NdisStatus dispatchIncomingCall(NdisVcHandle vc) {
    CallParameters offer = params("cm.offer");
    return cmApi != null ? cmApi.cmDispatchIncomingCall(sap, vc, offer) : mcmApi.mcmDispatchIncomingCall(sap, vc, offer);
  }

  /** An incoming call, accepted synchronously by the client and connected. */
  NdisVcHandle connectedIncomingCall() {
    NdisVcHandle vc = activatedCallManagerVc();
    assertThat(dispatchIncomingCall(vc)).isEqualTo(NdisStatus.SUCCESS);
    if (cmApi != null) {
      cmApi.cmDispatchCallConnected(vc);
    } else {
      mcmApi.mcmDispatchCallConnected(vc);
    }
    return vc;
  }
}
