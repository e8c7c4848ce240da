package dev.condis.reference.cm;

import static dev.condis.reference.scenario.ReferenceRun.api;
import static dev.condis.reference.scenario.ReferenceRun.apiReturned;
import static dev.condis.reference.scenario.ReferenceRun.handler;
import static dev.condis.reference.scenario.ReferenceRun.handlerReturned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.ClientEnvironment;
import dev.condis.reference.ddi.CoNdisMiniport;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.MiniportEnvironment;
import dev.condis.reference.ddi.MiniportVcContext;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.VcCreation;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.scenario.ReferenceRun;
import dev.condis.reference.system.CallManagerKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The call manager's side of VC creation, activation and deletion, and the state it keeps
 * while an incoming close or drop is on its way (condis-rules.md §2.1, §2.3, §2.6, §2.8), run
 * through NDIS with the reference client, or with a client or miniport that fails where the
 * reference ones never do. Every run ends clean unless the test says otherwise.
 */
class CallManagerLifecycleTest {

  /**
   * A seed path: the miniport refuses the activation, in-line or from its completion; the
   * call manager fails the make-call without using the VC (VC-13), and the client releases
   * what it allocated and deletes its VC (MAKE-8). No violation, nothing left.
   */
  @ParameterizedTest(name = "miniport pends: {0}")
  @ValueSource(ints = {0, 1})
  void aRefusedActivationFailsTheMakeCallCleanly(int miniportPends) {
    ReferenceRun run = ReferenceRun.start(CallManagerKind.STANDALONE,
        "miniport.activateVc.status", 1, "miniport.activateVc.pend", miniportPends, "makeCall.pend", 1);

    run.client().makeCall(0);
    run.settle();

    assertThat(run.handlerStatuses("MiniportCoActivateVc")).containsExactly(miniportPends == 0 ? "RESOURCES" : "PENDING");
    assertThat(run.of(NdisEvent.RequestCompleted.class))
        .filteredOn(c -> c.token().kind() == RequestKind.MAKE_CALL)
        .singleElement()
        .satisfies(c -> assertThat(c.status().isSuccess()).isFalse());
    assertThat(run.apiCount("NdisCoDeleteVc")).isEqualTo(1);
    run.finishClean();
  }

  // ---------------------------------------------------------------- VC creation (VC-2, VC-3)

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void protocolCoCreateVcBeyondTheVcTableReleasesItsContextThenFailsWithResources(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    for (int i = 0; i < CallManagerCore.MAX_CLIENT_VCS; i++) {
      run.client().makeCall(0);
    }
    run.client().makeCall(0); // one client VC too many

    String cmVc = ReferenceRun.prefix(kind) + ".vc";
    String create = kind == CallManagerKind.MCM ? "mcm.ProtocolCoCreateVc" : "cm.ProtocolCoCreateVc";
    assertThat(run.handlerStatuses("ProtocolCoCreateVc"))
        .containsExactly("SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", "RESOURCES");
    // VC-2: the context the failing ProtocolCoCreateVc allocated is released before it returns.
    int called = run.lastIndexOf(handler("ProtocolCoCreateVc"));
    int returned = run.lastIndexOf(handlerReturned("ProtocolCoCreateVc"));
    int allocated = run.lastIndexOf(allocatedTagged(cmVc));
    int released = run.lastIndexOf(releasedTagged(cmVc));
    assertThat(allocated).isGreaterThan(called);
    assertThat(released).isGreaterThan(allocated).isLessThan(returned);
    assertThat(((NdisEvent.ContextReleased) run.events.get(released)).where()).isEqualTo(create);
    // VC-3: NdisCoCreateVc failed, so no handle exists: the client frees its own context and
    // makes no call.
    assertThat(run.of(NdisEvent.ApiReturned.class))
        .filteredOn(r -> r.api().equals("NdisCoCreateVc"))
        .extracting(NdisEvent.ApiReturned::status)
        .last()
        .isEqualTo(NdisStatus.RESOURCES);
    int clientFreed = run.lastIndexOf(releasedTagged("client.vc"));
    assertThat(clientFreed).isGreaterThan(run.lastIndexOf(apiReturned("NdisCoCreateVc")));
    assertThat(((NdisEvent.ContextReleased) run.events.get(clientFreed)).where()).contains("NdisCoCreateVc failed");
    assertThat(run.apiCount("NdisClMakeCall")).isEqualTo(CallManagerCore.MAX_CLIENT_VCS);
    assertThat(run.violations()).isEmpty(); // NDIS found nothing left behind (VC-2)

    // A deleted VC gives its slot back (ProtocolCoDeleteVc): the next VC is created.
    run.client().closeCall();
    run.client().makeCall(0);
    assertThat(run.handlerStatuses("ProtocolCoCreateVc")).last().isEqualTo("SUCCESS");
    assertThat(run.apiCount("NdisClMakeCall")).isEqualTo(CallManagerCore.MAX_CLIENT_VCS + 1);
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void offerWhoseVcCreationFailsReleasesTheCallManagersContextAndOffersNothing(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.startWith(kind, d -> d.client = new ClientRefusingVcs());
    run.callManager().offerIncomingCall();

    String createApi = kind == CallManagerKind.MCM ? "NdisMCmCreateVc" : "NdisCoCreateVc";
    assertThat(run.handlerStatuses("ProtocolCoCreateVc")).containsExactly("RESOURCES");
    assertThat(run.of(NdisEvent.ApiReturned.class))
        .filteredOn(r -> r.api().equals(createApi))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(NdisStatus.RESOURCES));
    // VC-3: no VC exists, so there is nothing to delete later: the call manager frees its
    // context once the create returned, and neither activates nor offers.
    int freed = run.indexOf(releasedTagged(ReferenceRun.prefix(kind) + ".vc"));
    assertThat(freed).isGreaterThan(run.indexOf(apiReturned(createApi)));
    assertThat(((NdisEvent.ContextReleased) run.events.get(freed)).where())
        .isEqualTo(ReferenceRun.prefix(kind) + ".offerIncomingCall");
    assertThat(run.apiCalls()).noneMatch(a -> a.endsWith("ActivateVc") || a.endsWith("DispatchIncomingCall"));
    run.finishClean();
  }

  // ---------------------------------------------------------------- VC deletion (VC-10)

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void protocolCoDeleteVcCleansUpAVcThatNeverCarriedACall(CallManagerKind kind) {
    BareVcClient client = new BareVcClient();
    ReferenceRun run = ReferenceRun.startWith(kind, d -> d.client = client);
    client.createAndDeleteWithoutACall();

    // VC-10: the VC is destroyed before any call exists; ProtocolCoDeleteVc still frees the
    // call manager's context, inside the handler, and the call manager made no NDIS call at all.
    assertThat(run.handlerCount("ProtocolCmMakeCall")).isZero();
    assertThat(run.handlerStatuses("ProtocolCoDeleteVc")).containsExactly("SUCCESS");
    int freed = run.indexOf(releasedTagged(ReferenceRun.prefix(kind) + ".vc"));
    assertThat(freed)
        .isGreaterThan(run.indexOf(handler("ProtocolCoDeleteVc")))
        .isLessThan(run.indexOf(handlerReturned("ProtocolCoDeleteVc")));
    assertThat(((NdisEvent.ContextReleased) run.events.get(freed)).where())
        .isEqualTo(ReferenceRun.prefix(kind) + ".ProtocolCoDeleteVc");
    assertThat(run.of(NdisEvent.ApiCalled.class)).allMatch(a -> a.caller() == Actor.CLIENT);
    run.finishClean();
  }

  // ---------------------------------------------------------------- activation (VC-13)

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void failedActivationFailsTheMakeCallWithoutUsingTheVc(boolean pended) {
    ReferenceRun run = ReferenceRun.startWith(CallManagerKind.STANDALONE,
        d -> d.miniport = new MiniportFailingActivation(pended));
    run.client().makeCall(1);
    run.settle();

    // VC-13: after the failed activation the call manager does not go on with the call: no
    // network outcome drawn, no deactivation of a VC that is not active, and the make-call
    // reported as failed (in-line, or through its completion when the activation pended).
    assertThat(run.choicesDrawn()).doesNotContain("makeCall.status");
    assertThat(run.apiCount("NdisCmDeactivateVc")).isZero();
    if (pended) {
      assertThat(run.handlerStatuses("ProtocolCmMakeCall")).containsExactly("PENDING");
      assertThat(run.indexOf(api("NdisCmMakeCallComplete")))
          .isGreaterThan(run.indexOf(handler("ProtocolCmActivateVcComplete")));
    } else {
      assertThat(run.handlerStatuses("ProtocolCmMakeCall")).containsExactly("FAILURE");
      assertThat(run.apiCount("NdisCmMakeCallComplete")).isZero();
    }
    assertThat(run.of(NdisEvent.RequestCompleted.class))
        .filteredOn(c -> c.token().kind() == RequestKind.MAKE_CALL)
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(NdisStatus.FAILURE));
    // The first party's state and the activation buffer are gone; the client deletes the VC.
    assertThat(run.of(NdisEvent.ContextReleased.class)).anyMatch(r -> r.context().tag().equals("cm.party"));
    assertThat(run.of(NdisEvent.ContextReleased.class)).anyMatch(r -> r.context().tag().equals("cm.activateVc"));
    assertThat(run.apiCalls()).containsSubsequence("NdisClMakeCall", "NdisCoDeleteVc");
    run.finishClean();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void failedActivationOfAnOfferedVcDeletesItWithoutOffering(boolean pended) {
    ReferenceRun run = ReferenceRun.startWith(CallManagerKind.STANDALONE,
        d -> d.miniport = new MiniportFailingActivation(pended));
    run.callManager().offerIncomingCall();
    run.settle();

    // VC-13: nothing is dispatched over a VC whose activation failed; it was never used, so
    // there is nothing to deactivate: the call manager deletes it straight away.
    assertThat(run.apiCount("NdisCmDispatchIncomingCall")).isZero();
    assertThat(run.handlerCount("ProtocolClIncomingCall")).isZero();
    assertThat(run.apiCount("NdisCmDeactivateVc")).isZero();
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().equals("NdisCoDeleteVc"))
        .singleElement()
        .satisfies(a -> assertThat(a.caller()).isEqualTo(Actor.CALL_MANAGER));
    assertThat(run.handlerCount("ProtocolCoDeleteVc")).isEqualTo(1); // the client's context goes
    run.finishClean();
  }

  // ---------------------------------------------------------------- failed make-call (MAKE-10)

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void failedPendedMakeCallIsStillCompletedAndTheVcStateGoesInProtocolCoDeleteVc(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "makeCall.status", 1);
    run.client().makeCall(0);
    run.settle();

    // MAKE-10: the pended failure is completed, once, so the client can delete the VC; the
    // call manager's per-VC state goes only in its ProtocolCoDeleteVc, after that completion.
    String complete = kind == CallManagerKind.MCM ? "NdisMCmMakeCallComplete" : "NdisCmMakeCallComplete";
    assertThat(run.apiCount(complete)).isEqualTo(1);
    assertThat(run.of(NdisEvent.RequestCompleted.class))
        .filteredOn(c -> c.token().kind() == RequestKind.MAKE_CALL)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.status()).isEqualTo(NdisStatus.RESOURCES);
          assertThat(c.pended()).isTrue();
        });
    int freed = run.indexOf(releasedTagged(ReferenceRun.prefix(kind) + ".vc"));
    assertThat(freed).isGreaterThan(run.indexOf(api(complete)));
    assertThat(((NdisEvent.ContextReleased) run.events.get(freed)).where())
        .isEqualTo(ReferenceRun.prefix(kind) + ".ProtocolCoDeleteVc");
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void aFailedMakeCallNeverCompletedLeaksOnBothSides(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.withFault(kind, SeededFault.CM_NEVER_COMPLETES_FAILED_MAKE_CALL,
        "makeCall.pend", 1, "makeCall.status", 1);
    run.client().makeCall(0);
    NdisSnapshot end = run.finish();

    // MAKE-10: without the completion the client cannot delete its VC: the request stays
    // outstanding, the VC undeleted, and both sides' VC contexts stay allocated.
    assertThat(end.outstandingRequests()).extracting(t -> t.kind()).containsExactly(RequestKind.MAKE_CALL);
    assertThat(end.undeletedVcs()).hasSize(1);
    assertThat(end.liveContexts()).extracting(c -> c.tag())
        .contains("client.vc", ReferenceRun.prefix(kind) + ".vc");
    assertThat(run.apiCount("NdisCoDeleteVc")).isZero();
  }

  // ---------------------------------------------------------------- incoming close (ICLOSE-8, ICLOSE-9)

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void afterAnIncomingCloseOnItsVcTheCallManagerDeactivatesInTheCloseThenDeletes(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.callManager().offerIncomingCall(); // accepted and connected in-line
    run.callManager().remoteClose();

    String dispatch = kind == CallManagerKind.MCM ? "NdisMCmDispatchIncomingCloseCall" : "NdisCmDispatchIncomingCloseCall";
    String deactivate = kind == CallManagerKind.MCM ? "NdisMCmDeactivateVc" : "NdisCmDeactivateVc";
    String complete = kind == CallManagerKind.MCM ? "NdisMCmCloseCallComplete" : "NdisCmCloseCallComplete";
    String delete = kind == CallManagerKind.MCM ? "NdisMCmDeleteVc" : "NdisCoDeleteVc";
    // ICLOSE-8: the dispatch itself deactivates nothing; deactivation is part of handling the
    // client's acknowledging close, and the VC is deleted only after that close completed.
    int dispatched = run.indexOf(api(dispatch));
    int cmClose = run.indexOf(handler("ProtocolCmCloseCall"));
    int deactivated = run.indexOf(api(deactivate));
    assertThat(dispatched).isNotNegative();
    assertThat(cmClose).isGreaterThan(dispatched);
    assertThat(deactivated).isGreaterThan(cmClose);
    assertThat(run.apiCount(deactivate)).isEqualTo(1);
    assertThat(run.indexOf(api(complete))).isGreaterThan(deactivated);
    assertThat(run.indexOf(api(delete))).isGreaterThan(run.indexOf(apiReturned(complete)));
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void afterAnIncomingCloseOnTheClientsVcTheCallManagerDeactivatesInTheCloseAndNeverDeletes(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1);
    run.client().makeCall(0);
    run.settle();
    run.callManager().remoteClose();

    // ICLOSE-8 on a client-created VC: deactivated in the acknowledging close; deleting is the
    // client's (VC-4), after the close completed (ICLOSE-6).
    int cmClose = run.indexOf(handler("ProtocolCmCloseCall"));
    assertThat(cmClose).isPositive();
    assertThat(run.indexOf(e -> e instanceof NdisEvent.ApiCalled a && a.api().endsWith("DeactivateVc")))
        .isGreaterThan(cmClose);
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().endsWith("DeleteVc"))
        .singleElement()
        .satisfies(a -> assertThat(a.caller()).isEqualTo(Actor.CLIENT));
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void incomingCloseKeepsThePartyAndVcStateUntilTheAcknowledgingDropsAndClose(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(3);
    run.settle();
    run.callManager().remoteClose();

    String pre = ReferenceRun.prefix(kind);
    // ICLOSE-9: dispatching the incoming close frees nothing: every CallMgrPartyContext is
    // still there for ProtocolCmDropParty / ProtocolCmCloseCall to receive (NDIS hands them
    // over, so a freed one would be a violation), and each goes there.
    int dispatched = run.indexOf(e -> e instanceof NdisEvent.ApiCalled a && a.api().endsWith("DispatchIncomingCloseCall"));
    int firstDrop = run.indexOf(handler("ProtocolCmDropParty"));
    assertThat(dispatched).isPositive();
    assertThat(firstDrop).isGreaterThan(dispatched);
    assertThat(run.events.subList(dispatched, firstDrop))
        .noneMatch(e -> e instanceof NdisEvent.ContextReleased r && r.context().tag().startsWith(pre + "."));
    List<NdisEvent.ContextReleased> parties = run.of(NdisEvent.ContextReleased.class).stream()
        .filter(r -> r.context().tag().equals(pre + ".party"))
        .toList();
    assertThat(parties).hasSize(3);
    assertThat(parties).extracting(NdisEvent.ContextReleased::where)
        .isSubsetOf(pre + ".dropPartyComplete", pre + ".ProtocolCmDropParty", pre + ".ProtocolCmCloseCall")
        .containsOnlyOnce(pre + ".ProtocolCmCloseCall");
    assertThat(run.handlerCount("ProtocolCmDropParty")).isEqualTo(2);
    run.finishClean();
    assertThat(run.of(NdisEvent.ContextReleased.class))
        .filteredOn(r -> r.context().tag().equals(pre + ".vc"))
        .singleElement()
        .satisfies(r -> assertThat(r.where()).isEqualTo(pre + ".ProtocolCoDeleteVc"));
  }

  // ---------------------------------------------------------------- parties (ADD-6, IDROP-5)

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void addPartyAllocatesThePartyStateInTheHandlerAndKeepsTheHandleInIt(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1, "dropParty.pend", 1);
    run.client().makeCall(2);
    run.settle();

    String pre = ReferenceRun.prefix(kind);
    String mcm = kind == CallManagerKind.MCM ? "NdisMCm" : "NdisCm";
    // ADD-6: ProtocolCmAddParty allocates the per-party state inside the handler ...
    int called = run.indexOf(handler("ProtocolCmAddParty"));
    int returned = run.indexOf(handlerReturned("ProtocolCmAddParty"));
    String partyHandle = partyIn(((NdisEvent.HandlerCalled) run.events.get(called)).args());
    List<Integer> allocated = IntStream.range(called, returned)
        .filter(i -> allocatedTagged(pre + ".party").test(run.events.get(i)))
        .boxed()
        .toList();
    assertThat(allocated).hasSize(1);
    NdisEvent.ContextAllocated state = (NdisEvent.ContextAllocated) run.events.get(allocated.get(0));
    String context = state.context().tag() + "#" + state.context().id();
    // ... and completes with it and the handle stored in it (ADD-3) ...
    assertThat(apiArgs(run, mcm + "AddPartyComplete")).contains(partyHandle).contains(context);
    // ... reads the handle back from it when the party is dropped (a pended drop: DROP-7).
    run.client().dropParty();
    assertThat(run.of(NdisEvent.HandlerCalled.class))
        .filteredOn(h -> h.handler().equals("ProtocolCmDropParty"))
        .singleElement()
        .satisfies(h -> assertThat(h.args()).contains(context));
    run.settle();
    assertThat(apiArgs(run, mcm + "DropPartyComplete")).contains(partyHandle);
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void incomingDropKeepsThePartyStateUntilProtocolCmDropParty(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(3);
    run.settle();
    run.callManager().remoteDropParty();

    String pre = ReferenceRun.prefix(kind);
    String dispatch = kind == CallManagerKind.MCM ? "NdisMCmDispatchIncomingDropParty" : "NdisCmDispatchIncomingDropParty";
    int dispatched = run.indexOf(api(dispatch));
    int cmDrop = run.indexOf(handler("ProtocolCmDropParty"));
    assertThat(dispatched).isPositive();
    assertThat(cmDrop).isGreaterThan(dispatched);
    // IDROP-5: the leaving party's state survives the dispatch; ProtocolCmDropParty receives it
    // and it is freed from there (held while the dispatch was in flight, so after its completion).
    String leaving = ((NdisEvent.HandlerCalled) run.events.get(cmDrop)).args().split(",")[0].trim();
    assertThat(leaving).startsWith(pre + ".party#");
    assertThat(run.events.subList(dispatched, cmDrop))
        .noneMatch(e -> e instanceof NdisEvent.ContextReleased r && r.context().tag().startsWith(pre + "."));
    int freed = run.indexOf(e -> e instanceof NdisEvent.ContextReleased r
        && (r.context().tag() + "#" + r.context().id()).equals(leaving));
    assertThat(freed).isGreaterThan(cmDrop).isGreaterThan(run.indexOf(apiReturned(dispatch)));
    assertThat(((NdisEvent.ContextReleased) run.events.get(freed)).where()).isEqualTo(pre + ".dropPartyComplete");
    run.client().closeCall();
    run.finishClean();
  }

  // ---------------------------------------------------------------- helpers

  private static Predicate<NdisEvent> allocatedTagged(String tag) {
    return e -> e instanceof NdisEvent.ContextAllocated a && a.context().tag().equals(tag);
  }

  private static Predicate<NdisEvent> releasedTagged(String tag) {
    return e -> e instanceof NdisEvent.ContextReleased r && r.context().tag().equals(tag);
  }

  private static final Pattern PARTY = Pattern.compile("party#\\d+");

  /** The NDIS party handle ("party#4") in an argument string; not a context tag ("cm.party#7"). */
  private static String partyIn(String args) {
    Matcher m = PARTY.matcher(args);
    while (m.find()) {
      if (m.start() == 0 || args.charAt(m.start() - 1) == ' ') {
        return m.group();
      }
    }
    throw new AssertionError("no party handle in " + args);
  }

  /** The arguments of the one call of {@code apiName}. */
  private static String apiArgs(ReferenceRun run, String apiName) {
    List<NdisEvent.ApiCalled> calls = run.of(NdisEvent.ApiCalled.class).stream()
        .filter(a -> a.api().equals(apiName))
        .toList();
    assertThat(calls).as(apiName).hasSize(1);
    return calls.get(0).args();
  }

  /** The reference client, except that it takes no VC a call manager creates (VC-3's peer). */
  private static final class ClientRefusingVcs extends ReferenceClient {
    @Override
    public CreateVcResult<ProtocolVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
      return CreateVcResult.failure(NdisStatus.RESOURCES); // allocates nothing first (VC-2)
    }
  }

  /** The reference client, plus a VC it creates and deletes without a call on it (VC-10). */
  private static final class BareVcClient extends ReferenceClient {
    private ClientEnvironment env;

    @Override
    public void initialize(ClientEnvironment environment) {
      super.initialize(environment);
      env = environment;
    }

    void createAndDeleteWithoutACall() {
      ProtocolVcContext context = env.tracker().allocate(new ProtocolVcContext("client.bareVc"));
      VcCreation created = env.ndis().coCreateVc(env.ndisAfHandle(), context);
      assertThat(created.status()).isEqualTo(NdisStatus.SUCCESS);
      assertThat(env.ndis().coDeleteVc(created.ndisVcHandle())).isEqualTo(NdisStatus.SUCCESS);
      env.tracker().release(context, "VC-11", "test client: after NdisCoDeleteVc");
    }
  }

  /**
   * The reference miniport, except that every MiniportCoActivateVc fails: in-line, or pended
   * and completed with FAILURE from a deferred call (VC-13's cause).
   */
  private static final class MiniportFailingActivation implements CoNdisMiniport {
    private final ReferenceMiniport miniport = new ReferenceMiniport();
    private final boolean pend;
    private final Map<MiniportVcContext, NdisVcHandle> handles = new HashMap<>();
    private MiniportEnvironment env;

    MiniportFailingActivation(boolean pend) {
      this.pend = pend;
    }

    @Override
    public void initialize(MiniportEnvironment environment) {
      env = environment;
      miniport.initialize(environment);
    }

    @Override
    public CreateVcResult<MiniportVcContext> miniportCoCreateVc(NdisVcHandle ndisVcHandle) {
      CreateVcResult<MiniportVcContext> made = miniport.miniportCoCreateVc(ndisVcHandle);
      handles.put(made.context(), ndisVcHandle);
      return made;
    }

    @Override
    public NdisStatus miniportCoDeleteVc(MiniportVcContext miniportVcContext) {
      return miniport.miniportCoDeleteVc(miniportVcContext);
    }

    @Override
    public NdisStatus miniportCoActivateVc(MiniportVcContext miniportVcContext, CallParameters callParameters) {
      if (!pend) {
        return NdisStatus.FAILURE;
      }
      NdisVcHandle handle = handles.get(miniportVcContext);
      env.platform().queueDeferred("miniport.activateVcComplete",
          () -> env.ndis().mCoActivateVcComplete(NdisStatus.FAILURE, handle, callParameters));
      return NdisStatus.PENDING;
    }

    @Override
    public NdisStatus miniportCoDeactivateVc(MiniportVcContext miniportVcContext) {
      return miniport.miniportCoDeactivateVc(miniportVcContext);
    }
  }
}
