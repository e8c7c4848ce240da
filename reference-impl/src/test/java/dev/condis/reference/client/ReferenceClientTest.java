package dev.condis.reference.client;

import static dev.condis.reference.scenario.ReferenceRun.api;
import static dev.condis.reference.scenario.ReferenceRun.apiReturned;
import static dev.condis.reference.scenario.ReferenceRun.handler;
import static dev.condis.reference.scenario.ReferenceRun.handlerReturned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.scenario.ReferenceRun;
import dev.condis.reference.system.CallManagerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference client through the real call managers and NDIS: each operation's documented
 * sequence (condis-rules.md §2), in its synchronous and pended forms, success and failure.
 * Every run ends clean: no violation, each request completed once, nothing live.
 */
class ReferenceClientTest {

  private static final String DEACTIVATE_API = "DeactivateVc";

  // ---------------------------------------------------------------- §2.1, §2.2

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void pointToPointCallInlineIsMadeClosedAndItsVcDeleted(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.client().makeCall(0);
    run.client().closeCall();

    run.finishClean();
    // GEN-1: final returns, so NDIS called no client completion; the client ran its own.
    assertThat(run.completions(RequestKind.MAKE_CALL)).containsExactly("final");
    assertThat(run.completions(RequestKind.CLOSE_CALL)).containsExactly("final");
    assertThat(run.handlerCount("ProtocolClMakeCallComplete")).isZero();
    assertThat(run.handlerCount("ProtocolClCloseCallComplete")).isZero();
    // CLOSE-12: NdisCoDeleteVc after the close; the call manager's ProtocolCoDeleteVc inside.
    assertThat(run.apiCalls()).containsSubsequence("NdisCoCreateVc", "NdisClMakeCall", "NdisClCloseCall", "NdisCoDeleteVc");
    assertThat(run.handlerCalls()).containsSubsequence("ProtocolCoCreateVc", "ProtocolCmMakeCall", "ProtocolCmCloseCall", "ProtocolCoDeleteVc");
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void pendedMakeAndCloseCompleteExactlyOnceThroughTheHandlers(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "closeCall.pend", 1,
        "miniport.activateVc.pend", 1, "miniport.deactivateVc.pend", 1);
    run.client().makeCall(0);
    run.settle();
    run.client().closeCall();

    run.finishClean();
    assertThat(run.completions(RequestKind.MAKE_CALL)).containsExactly("pended"); // GEN-1, GEN-2
    assertThat(run.completions(RequestKind.CLOSE_CALL)).containsExactly("pended");
    assertThat(run.handlerCount("ProtocolClMakeCallComplete")).isEqualTo(1);
    assertThat(run.handlerCount("ProtocolClCloseCallComplete")).isEqualTo(1);
    // CLOSE-12, CLOSE-15: the client deletes its VC from inside ProtocolClCloseCallComplete.
    assertThat(run.indexOf(api("NdisCoDeleteVc")))
        .isGreaterThan(run.indexOf(handler("ProtocolClCloseCallComplete")))
        .isLessThan(run.indexOf(handlerReturned("ProtocolClCloseCallComplete")));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void closeAskedForWhileTheMakeCallPendsWaitsForItsCompletion(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1);
    run.client().makeCall(0);
    run.client().closeCall(); // MAKE-13, OQ-3: remembered, not issued
    assertThat(run.apiCount("NdisClCloseCall")).isZero();

    run.settle();
    run.finishClean();
    // The close goes out from inside ProtocolClMakeCallComplete (MAKE-11's one exception).
    assertThat(run.indexOf(api("NdisClCloseCall")))
        .isGreaterThan(run.indexOf(handler("ProtocolClMakeCallComplete")))
        .isLessThan(run.indexOf(handlerReturned("ProtocolClMakeCallComplete")));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void completionFromInsideTheCloseHandlerOvertakesThePendingReturn(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "closeCall.pend", 2);
    run.client().makeCall(0);
    run.client().closeCall();

    run.finishClean();
    // GEN-8: ProtocolClCloseCallComplete (and the deletion it makes) runs before NdisClCloseCall
    // has returned PENDING to the client.
    assertThat(run.indexOf(handler("ProtocolClCloseCallComplete")))
        .isLessThan(run.indexOf(apiReturned("NdisClCloseCall")));
    assertThat(run.handlerStatuses("ProtocolCmCloseCall")).containsExactly("PENDING");
    assertThat(run.completions(RequestKind.CLOSE_CALL)).containsExactly("pended");
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void failedMakeCallReleasesPartyAndParametersAndDeletesTheVcInline(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.status", 1);
    run.client().makeCall(1); // multipoint: a first party goes with the make-call

    run.finishClean(); // MAKE-8: party context, parameters, VC all gone
    assertThat(run.handlerStatuses("ProtocolCmMakeCall")).containsExactly("RESOURCES");
    assertThat(run.apiCalls()).containsSubsequence("NdisClMakeCall", "NdisCoDeleteVc");
    assertThat(run.apiCount("NdisClAddParty")).isZero();
    // MAKE-14: the call manager deactivated before it reported the failure.
    assertThat(run.apiCalls()).anyMatch(a -> a.endsWith(DEACTIVATE_API));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void failedPendedMakeCallDeletesTheVcFromInsideTheCompletion(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "makeCall.status", 1);
    run.client().makeCall(1);
    run.settle();

    run.finishClean();
    // MAKE-8, MAKE-12, GEN-9: NdisCoDeleteVc nested in ProtocolClMakeCallComplete, itself
    // nested in the call manager's completion call; ProtocolCoDeleteVc runs inside.
    int completion = run.indexOf(handler("ProtocolClMakeCallComplete"));
    assertThat(run.indexOf(api("NdisCoDeleteVc"))).isGreaterThan(completion);
    assertThat(run.indexOf(handler("ProtocolCoDeleteVc")))
        .isLessThan(run.indexOf(handlerReturned("ProtocolClMakeCallComplete")));
    assertThat(run.completions(RequestKind.MAKE_CALL)).containsExactly("pended");
  }

  // ---------------------------------------------------------------- §2.4, §2.5

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void multipointCallAddsDropsAndClosesWithTheLastParty(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.client().makeCall(3); // ADD-1: first party with the make, two adds once it succeeded
    assertThat(run.apiCount("NdisClAddParty")).isEqualTo(2);
    run.client().dropParty(); // DROP-1: not the last
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(1);
    run.client().closeCall(); // CLOSE-1: drops the other extra party first

    run.finishClean(); // DROP-4, CLOSE-13: every ProtocolPartyContext released
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(2);
    assertThat(run.lastIndexOf(api("NdisClDropParty"))).isLessThan(run.indexOf(api("NdisClCloseCall")));
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().equals("NdisClCloseCall"))
        .singleElement()
        .satisfies(close -> assertThat(close.args()).contains("party#")); // CLOSE-2
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void closeWaitsForPendedDropsToComplete(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "dropParty.pend", 1);
    run.client().makeCall(3);
    run.client().closeCall();
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(2);
    assertThat(run.apiCount("NdisClCloseCall")).isZero(); // DROP-10, OQ-2

    run.settle();
    run.finishClean();
    assertThat(run.handlerCount("ProtocolClDropPartyComplete")).isEqualTo(2);
    assertThat(run.indexOf(api("NdisClCloseCall")))
        .isGreaterThan(run.lastIndexOf(handler("ProtocolClDropPartyComplete")));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void closeWaitsForAPendedAddParty(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "addParty.pend", 1);
    run.client().makeCall(1);
    run.client().addParty();
    run.client().closeCall();
    assertThat(run.apiCount("NdisClCloseCall")).isZero(); // ADD-9, OQ-4

    run.settle();
    run.finishClean();
    int addCompleted = run.indexOf(handler("ProtocolClAddPartyComplete"));
    assertThat(run.indexOf(api("NdisClDropParty"))).isGreaterThan(addCompleted);
    assertThat(run.indexOf(api("NdisClCloseCall"))).isGreaterThan(addCompleted);
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void failedAddPartyReleasesItsPartyAndParameters(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "addParty.pend", 1, "addParty.status", 1);
    run.client().makeCall(2);
    run.settle();
    run.client().closeCall();

    run.finishClean(); // ADD-5, ADD-7
    assertThat(run.handlerCount("ProtocolClAddPartyComplete")).isEqualTo(1);
    assertThat(run.apiCount("NdisClDropParty")).isZero(); // one party left: straight to close
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void closeDataTheMediumRefusesIsLeftOutOnTheRetry(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "closeData.supported", 1);
    run.client().makeCall(2);
    run.client().dropParty();
    run.client().closeCall();

    run.finishClean();
    // DROP-5/DROP-12 then CLOSE-6/CLOSE-18: INVALID_DATA leaves everything as it was; the retry
    // goes without the buffer and succeeds.
    assertThat(run.handlerStatuses("ProtocolCmDropParty")).containsExactly("INVALID_DATA", "SUCCESS");
    assertThat(run.handlerStatuses("ProtocolCmCloseCall")).containsExactly("SUCCESS");
    assertThat(run.allocatedTags()).containsOnlyOnce("client.dropParty").doesNotContain("client.closeCall");
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void closeDataRefusedOnAPointToPointCloseIsRetriedWithout(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "closeData.supported", 1);
    run.client().makeCall(0);
    run.client().closeCall();

    run.finishClean();
    assertThat(run.handlerStatuses("ProtocolCmCloseCall")).containsExactly("INVALID_DATA", "SUCCESS");
    assertThat(run.apiCount("NdisClCloseCall")).isEqualTo(2);
  }

  // ---------------------------------------------------------------- §2.3, §2.6

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void incomingCloseIsAcknowledgedOnceAndTheClientDeletesItsVc(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1);
    run.client().makeCall(0);
    run.settle();
    run.callManager().remoteClose();

    run.finishClean();
    assertThat(run.handlerCount("ProtocolClIncomingCloseCall")).isEqualTo(1);
    assertThat(run.apiCount("NdisClCloseCall")).isEqualTo(1); // ICLOSE-4, CLOSE-17
    assertThat(run.allocatedTags()).doesNotContain("client.closeCall"); // an acknowledgement
    // ICLOSE-3: acknowledged from inside the handler; ICLOSE-6: deleted after the close.
    assertThat(run.indexOf(api("NdisClCloseCall")))
        .isLessThan(run.indexOf(handlerReturned("ProtocolClIncomingCloseCall")));
    assertThat(run.indexOf(api("NdisCoDeleteVc")))
        .isGreaterThan(run.indexOf(handler("ProtocolClCloseCallComplete")));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void incomingCloseOnAMultipointCallDropsAllButOneParty(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(3);
    run.settle();
    run.callManager().remoteClose();

    run.finishClean();
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(2); // ICLOSE-3
    assertThat(run.apiCount("NdisClCloseCall")).isEqualTo(1);
    assertThat(run.lastIndexOf(api("NdisClDropParty"))).isLessThan(run.indexOf(api("NdisClCloseCall")));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void incomingDropIsAcknowledgedWithOneDropAndTheContextFreedAfterIt(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(3);
    run.settle();
    run.callManager().remoteDropParty();

    assertThat(run.handlerCount("ProtocolClIncomingDropParty")).isEqualTo(1);
    assertThat(run.apiCount("NdisClDropParty")).isEqualTo(1); // IDROP-2, DROP-11
    // IDROP-4, OQ-7: the acknowledging drop was held by the call manager (its dispatch was in
    // flight) and completed after; the party context went only then.
    assertThat(run.handlerStatuses("ProtocolCmDropParty")).containsExactly("PENDING");
    assertThat(run.indexOf(handler("ProtocolClDropPartyComplete")))
        .isGreaterThan(run.indexOf(handlerReturned("ProtocolClIncomingDropParty")));
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void noIncomingDropForAPartyBeingDroppedNorForTheLastOneStaying(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1, "dropParty.pend", 1);
    run.client().makeCall(2);
    run.settle();
    run.client().dropParty(); // the newest party is DROPPING, its completion deferred
    run.callManager().remoteDropParty();
    // OQ-14, IDROP-1: the party being dropped is not dropped again, and the only other party
    // would be the last one: its leaving goes by an incoming close instead.
    assertThat(run.handlerCount("ProtocolClIncomingDropParty")).isZero();
    run.settle();
    run.finishClean();
  }

  // ---------------------------------------------------------------- §2.7

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void acceptedIncomingCallIsClosedAndTheCallManagerDeletesItsVc(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "closeCall.pend", 1);
    run.callManager().offerIncomingCall();
    assertThat(run.handlerStatuses("ProtocolClIncomingCall")).containsExactly("SUCCESS");
    assertThat(run.handlerCount("ProtocolClCallConnected")).isEqualTo(1); // INCALL-5, INCALL-6
    run.client().closeCall();
    run.settle();

    // CLOSE-10, CLOSE-11: after ProtocolClCloseCallComplete the call manager deletes its VC;
    // the client frees its context in ProtocolCoDeleteVc and made no call with the handle.
    int completion = run.indexOf(handler("ProtocolClCloseCallComplete"));
    assertThat(run.indexOf(handler("ProtocolCoDeleteVc"))).isGreaterThan(completion);
    assertThat(run.events.subList(completion, run.events.size()))
        .filteredOn(e -> e instanceof NdisEvent.ApiCalled a && a.caller() == dev.condis.reference.ddi.Actor.CLIENT)
        .isEmpty();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void inlineClosedIncomingCallVcIsDeletedAtShutdown(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.callManager().offerIncomingCall();
    run.client().closeCall();
    run.settle();
    assertThat(run.handlerCount("ProtocolCoDeleteVc")).isZero(); // idle until shutdown (CLOSE-10)

    run.finishClean();
    assertThat(run.handlerCount("ProtocolCoDeleteVc")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void rejectedIncomingCallIsNeverClosedAndItsVcIsDeleted(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "client.incomingCall.answer", 2);
    run.callManager().offerIncomingCall();

    run.finishClean();
    assertThat(run.apiCount("NdisClCloseCall")).isZero(); // INCALL-8
    assertThat(run.handlerCount("ProtocolClCallConnected")).isZero();
    assertThat(run.handlerCount("ProtocolCoDeleteVc")).isEqualTo(1); // INCALL-7
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void pendedIncomingCallIsAnsweredExactlyOnce(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "client.incomingCall.answer", 1);
    run.callManager().offerIncomingCall();
    assertThat(run.handlerStatuses("ProtocolClIncomingCall")).containsExactly("PENDING");
    run.settle();

    assertThat(run.apiCount("NdisClIncomingCallComplete")).isEqualTo(1); // GEN-7
    assertThat(run.completions(RequestKind.INCOMING_CALL)).containsExactly("pended");
    assertThat(run.handlerCount("ProtocolClCallConnected")).isEqualTo(1);
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void pendedIncomingCallRejectedLater(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "client.incomingCall.answer", 1, "client.incomingCall.pendedAnswer", 1);
    run.callManager().offerIncomingCall();
    run.settle();

    run.finishClean();
    assertThat(run.apiCount("NdisClIncomingCallComplete")).isEqualTo(1);
    // INCALL-3, INCALL-7: the VC, and the client's context with it, go inside the answer.
    assertThat(run.indexOf(handler("ProtocolCoDeleteVc")))
        .isLessThan(run.indexOf(apiReturned("NdisClIncomingCallComplete")));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void acceptedButNotYetConnectedCallIsClosedOnceConnected(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "client.incomingCall.answer", 1);
    run.callManager().offerIncomingCall();
    run.client().closeCall(); // OQ-24: remembered until connected
    assertThat(run.apiCount("NdisClCloseCall")).isZero();
    run.settle();

    run.finishClean();
    assertThat(run.indexOf(api("NdisClCloseCall")))
        .isGreaterThan(run.indexOf(handler("ProtocolClCallConnected")));
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void shutdownClosesEverythingStillOpen(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "addParty.pend", 1);
    run.client().makeCall(2);
    run.callManager().offerIncomingCall();

    run.finishClean(); // VC-16: the make-call, its add, the incoming call: all closed, deleted
    assertThat(run.apiCount("NdisClCloseCall")).isEqualTo(2);
  }
}
