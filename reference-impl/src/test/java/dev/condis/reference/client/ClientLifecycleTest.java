package dev.condis.reference.client;

import static dev.condis.reference.scenario.ReferenceRun.api;
import static dev.condis.reference.scenario.ReferenceRun.handler;
import static dev.condis.reference.scenario.ReferenceRun.handlerReturned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.scenario.Intercept;
import dev.condis.reference.scenario.ReferenceRun;
import dev.condis.reference.system.CallManagerKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference client's side of incoming calls, incoming closes and drops, and the parties it
 * keeps (condis-rules.md §2.3 to §2.7), through NDIS with the reference call managers, or with
 * one that behaves as the rules allow but the reference never does (lowering add-party
 * parameters, reporting an incoming close as a network failure). Every run ends clean.
 */
class ClientLifecycleTest {

  static Stream<Arguments> kindsAndCloseStatuses() {
    return Stream.of(CallManagerKind.values())
        .flatMap(kind -> Stream.of(NdisStatus.SUCCESS, NdisStatus.FAILURE).map(status -> Arguments.of(kind, status)));
  }

  static Stream<Arguments> kindsAndAnswers() {
    return Stream.of(CallManagerKind.values())
        .flatMap(kind -> Stream.of(
            Arguments.of(kind, 0, "SUCCESS"), Arguments.of(kind, 1, "PENDING"), Arguments.of(kind, 2, "NOT_ACCEPTED")));
  }

  // ---------------------------------------------------------------- ICLOSE-7

  @ParameterizedTest
  @MethodSource("kindsAndCloseStatuses")
  void afterAnIncomingCloseTheClientDeletesItsOwnVcWhateverTheCloseStatus(CallManagerKind kind, NdisStatus closeStatus) {
    ReferenceRun run = ReferenceRun.startWith(kind, d -> Intercept.incomingCloseStatus(d, closeStatus), "makeCall.pend", 1);
    run.client().makeCall(0);
    run.settle();
    run.callManager().remoteClose();

    assertThat(run.of(NdisEvent.HandlerCalled.class))
        .filteredOn(h -> h.handler().equals("ProtocolClIncomingCloseCall"))
        .singleElement()
        .satisfies(h -> assertThat(h.args()).startsWith(closeStatus.name()));
    // ICLOSE-7: on its own VC the client deletes the VC once the acknowledging close completed
    // (with a non-SUCCESS close status it must; with SUCCESS the reference deletes as well and
    // never reuses the VC for another make-call).
    int closeCompleted = run.indexOf(handler("ProtocolClCloseCallComplete"));
    assertThat(closeCompleted).isPositive();
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().equals("NdisCoDeleteVc"))
        .singleElement()
        .satisfies(a -> assertThat(a.caller()).isEqualTo(Actor.CLIENT));
    assertThat(run.indexOf(api("NdisCoDeleteVc"))).isGreaterThan(closeCompleted);
    assertThat(run.of(NdisEvent.ContextReleased.class))
        .filteredOn(r -> r.context().tag().equals("client.vc"))
        .singleElement()
        .satisfies(r -> assertThat(r.where()).isEqualTo("client.deleteVc"));
    assertThat(run.apiCount("NdisClMakeCall")).isEqualTo(1);
    run.finishClean();
  }

  // ---------------------------------------------------------------- INCALL-2

  @ParameterizedTest
  @MethodSource("kindsAndAnswers")
  void protocolClIncomingCallAcceptsPendsOrRejects(CallManagerKind kind, int answer, String returned) {
    ReferenceRun run = ReferenceRun.start(kind, "client.incomingCall.answer", answer);
    run.callManager().offerIncomingCall();
    run.settle();

    // INCALL-2: SUCCESS accepts, PENDING answers later with NdisClIncomingCallComplete, any other
    // status (NOT_ACCEPTED) rejects; only an accepted call is connected, a rejected offer's VC
    // goes (INCALL-7) without a close (INCALL-8).
    assertThat(run.handlerStatuses("ProtocolClIncomingCall")).containsExactly(returned);
    assertThat(run.apiCount("NdisClIncomingCallComplete")).isEqualTo(answer == 1 ? 1 : 0);
    assertThat(run.of(NdisEvent.RequestCompleted.class))
        .filteredOn(c -> c.token().kind() == RequestKind.INCOMING_CALL)
        .singleElement()
        .satisfies(c -> assertThat(c.status().isSuccess()).isEqualTo(answer != 2));
    assertThat(run.handlerCount("ProtocolClCallConnected")).isEqualTo(answer == 2 ? 0 : 1);
    assertThat(run.handlerCount("ProtocolCoDeleteVc")).isEqualTo(answer == 2 ? 1 : 0);
    run.client().closeCall();
    run.finishClean();
    assertThat(run.apiCount("NdisClCloseCall")).isEqualTo(answer == 2 ? 0 : 1);
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void afterShutdownEveryOfferIsRejectedWithoutAChoice(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.client().shutdown();
    run.callManager().offerIncomingCall();

    // INCALL-2: a client that takes no more calls returns a rejection status, not PENDING.
    assertThat(run.handlerStatuses("ProtocolClIncomingCall")).containsExactly("NOT_ACCEPTED");
    assertThat(run.choicesDrawn()).doesNotContain("client.incomingCall.answer");
    run.finishClean();
    assertThat(run.handlerCount("ProtocolCoDeleteVc")).isEqualTo(1);
  }

  // ---------------------------------------------------------------- IDROP-3

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void insideAnIncomingDropThePartyHandleServesOnlyTheAcknowledgingDrop(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(3);
    run.settle();
    run.callManager().remoteDropParty();
    run.client().closeCall();
    run.settle();

    NdisEvent.ApiCalled dispatch = run.of(NdisEvent.ApiCalled.class).stream()
        .filter(a -> a.api().endsWith("DispatchIncomingDropParty"))
        .findFirst()
        .orElseThrow();
    String leaving = argument(dispatch.args(), 1);
    assertThat(leaving).startsWith("party#");
    // IDROP-3: from ProtocolClIncomingDropParty on, the client uses the handle once, for the
    // acknowledging NdisClDropParty made inside the handler, and for nothing else: the close
    // goes with another party.
    List<NdisEvent.HandleUsed> uses = run.of(NdisEvent.HandleUsed.class).stream()
        .filter(u -> u.user() == Actor.CLIENT && String.valueOf(u.handle()).equals(leaving))
        .toList();
    assertThat(uses).singleElement().satisfies(u -> {
      assertThat(u.api()).isEqualTo("NdisClDropParty");
      assertThat(u.valid()).isTrue();
    });
    int acknowledged = run.indexOf(e -> e instanceof NdisEvent.ApiCalled a
        && a.api().equals("NdisClDropParty") && argument(a.args(), 0).equals(leaving));
    assertThat(acknowledged)
        .isGreaterThan(run.indexOf(handler("ProtocolClIncomingDropParty")))
        .isLessThan(run.indexOf(handlerReturned("ProtocolClIncomingDropParty")));
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().equals("NdisClCloseCall"))
        .singleElement()
        .satisfies(close -> assertThat(argument(close.args(), 1)).startsWith("party#").isNotEqualTo(leaving));
    run.finishClean();
  }

  // ---------------------------------------------------------------- DROP-9

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void everyPartyHandleEndsByExactlyOneSuccessfulDropOrTheFinalClose(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(4);
    run.settle();
    run.client().dropParty(); // the client's own drop
    run.callManager().remoteDropParty(); // an incoming drop, acknowledged
    run.client().closeCall(); // drops down to one, closes with it
    run.settle();
    NdisSnapshot end = run.finishClean();

    // DROP-9: the client counted its live parties right: four handles obtained, three ended by
    // one successful drop each, the last by the close, none twice and none left over.
    List<NdisPartyHandle> parties = run.of(NdisEvent.HandleIssued.class).stream()
        .map(NdisEvent.HandleIssued::handle)
        .filter(NdisPartyHandle.class::isInstance)
        .map(NdisPartyHandle.class::cast)
        .toList();
    assertThat(parties).hasSize(4);
    List<NdisEvent.RequestCompleted> ends = run.of(NdisEvent.RequestCompleted.class).stream()
        .filter(c -> c.status().isSuccess()
            && (c.token().kind() == RequestKind.DROP_PARTY || c.token().kind() == RequestKind.CLOSE_CALL))
        .toList();
    assertThat(ends).extracting(c -> c.token().party()).containsExactlyInAnyOrderElementsOf(parties);
    assertThat(ends).filteredOn(c -> c.token().kind() == RequestKind.CLOSE_CALL).hasSize(1);
    for (NdisPartyHandle party : parties) {
      assertThat(run.of(NdisEvent.HandleInvalidated.class)).filteredOn(i -> i.handle().equals(party)).hasSize(1);
    }
    assertThat(end.liveHandles()).noneMatch(h -> h.handle() instanceof NdisPartyHandle);
    assertThat(run.of(NdisEvent.ContextReleased.class)).filteredOn(r -> r.context().tag().equals("client.party")).hasSize(4);
  }

  // ---------------------------------------------------------------- ADD-10

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void partiesAddedWithALowerFlowSpecThanAskedForAreDropped(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.startWith(kind,
        d -> Intercept.addPartyFlowSpec(d, ReferenceClient.ADD_PARTY_FLOW_SPEC - 20));
    run.client().makeCall(3); // the first party with the make-call, two added in-line

    // ADD-10: each added party's parameters came back changed and below what the client asked
    // for: it drops that party with NdisClDropParty, without drop data, once its add completed.
    List<String> added = run.of(NdisEvent.HandleIssued.class).stream()
        .filter(h -> h.detail().startsWith("NdisClAddParty"))
        .map(h -> h.handle().toString()) // as the call's printed arguments name it
        .toList();
    assertThat(added).hasSize(2);
    List<NdisEvent.ApiCalled> drops = run.of(NdisEvent.ApiCalled.class).stream()
        .filter(a -> a.api().equals("NdisClDropParty"))
        .toList();
    assertThat(drops).extracting(a -> argument(a.args(), 0)).containsExactlyElementsOf(added);
    assertThat(drops).extracting(a -> argument(a.args(), 1)).containsOnly("null");
    assertThat(run.handlerStatuses("ProtocolCmDropParty")).containsExactly("SUCCESS", "SUCCESS");
    for (String party : added) {
      int addDone = run.indexOf(e -> e instanceof NdisEvent.RequestCompleted c
          && c.token().kind() == RequestKind.ADD_PARTY && String.valueOf(c.token().party()).equals(party));
      int dropped = run.indexOf(e -> e instanceof NdisEvent.ApiCalled a
          && a.api().equals("NdisClDropParty") && argument(a.args(), 0).equals(party));
      assertThat(dropped).isGreaterThan(addDone);
    }

    run.client().closeCall(); // the first party is the last: straight to the close
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(2);
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void aPartyWhosePendedAddCompletesWithALowerFlowSpecIsDroppedFromTheCompletion(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.startWith(kind,
        d -> Intercept.addPartyFlowSpec(d, ReferenceClient.ADD_PARTY_FLOW_SPEC - 1),
        "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(2);
    run.settle();

    // ADD-10 from inside ProtocolClAddPartyComplete (GEN-9: the drop runs nested in it).
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(1);
    assertThat(run.indexOf(api("NdisClDropParty")))
        .isGreaterThan(run.indexOf(handler("ProtocolClAddPartyComplete")))
        .isLessThan(run.indexOf(handlerReturned("ProtocolClAddPartyComplete")));
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void partiesAddedWithARaisedFlowSpecAreKept(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.startWith(kind,
        d -> Intercept.addPartyFlowSpec(d, ReferenceClient.ADD_PARTY_FLOW_SPEC + 30));
    run.client().makeCall(3);

    // ADD-10 is about unacceptable changes only: a changed but higher flow spec is accepted.
    assertThat(run.apiCount("NdisClAddParty")).isEqualTo(2);
    assertThat(run.apiCount("NdisClDropParty")).isZero();
    run.client().closeCall(); // CLOSE-1: now the two extra parties are dropped
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(2);
    run.finishClean();
  }

  /** The {@code i}-th comma-separated argument of an event's argument string. */
  private static String argument(String args, int i) {
    return Arrays.stream(args.split(",")).map(String::trim).toList().get(i);
  }
}
