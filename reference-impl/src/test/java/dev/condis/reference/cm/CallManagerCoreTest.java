package dev.condis.reference.cm;

import static dev.condis.reference.scenario.ReferenceRun.api;
import static dev.condis.reference.scenario.ReferenceRun.apiReturned;
import static dev.condis.reference.scenario.ReferenceRun.handler;
import static dev.condis.reference.scenario.ReferenceRun.handlerReturned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.scenario.ReferenceRun;
import dev.condis.reference.system.CallManagerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The call-manager side shared by the stand-alone CM and the MCM ({@link CallManagerCore}):
 * close processing order, pended completions from the activation and deactivation handlers,
 * suppressed incoming closes and drops, holding a close while our own dispatch is in flight,
 * and deletion of the VCs it created.
 */
class CallManagerCoreTest {

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void closeFreesThePartyStateThenDeactivatesThenReportsSuccess(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "closeCall.pend", 1);
    run.client().makeCall(1);
    run.client().closeCall();
    run.settle();

    // CLOSE-4, CLOSE-5, CLOSE-8, CLOSE-14: party state freed, then deactivation, then the
    // completion carrying the copied party handle.
    int freed = run.indexOf(e -> e instanceof NdisEvent.ContextReleased r
        && r.context().tag().equals(ReferenceRun.prefix(kind) + ".party"));
    int deactivated = run.indexOf(e -> e instanceof NdisEvent.ApiCalled a && a.api().endsWith("DeactivateVc"));
    int completed = run.indexOf(e -> e instanceof NdisEvent.ApiCalled a && a.api().endsWith("CloseCallComplete"));
    assertThat(freed).isPositive().isLessThan(deactivated);
    assertThat(deactivated).isLessThan(completed);
    assertThat(((NdisEvent.ApiCalled) run.events.get(completed)).args()).contains("party#1");
    run.finishClean();
  }

  @Test
  void pendedDeactivationCompletesTheCloseFromProtocolCmDeactivateVcComplete() {
    ReferenceRun run = ReferenceRun.start(CallManagerKind.STANDALONE, "miniport.deactivateVc.pend", 1);
    run.client().makeCall(0);
    run.client().closeCall();
    // CLOSE-7: the inline close became PENDING because the miniport pended the deactivation.
    assertThat(run.handlerStatuses("ProtocolCmCloseCall")).containsExactly("PENDING");
    assertThat(run.apiCount("NdisCmCloseCallComplete")).isZero();
    run.settle();

    int deactivateComplete = run.indexOf(handler("ProtocolCmDeactivateVcComplete"));
    assertThat(deactivateComplete).isPositive();
    assertThat(run.indexOf(api("NdisCmCloseCallComplete")))
        .isGreaterThan(deactivateComplete)
        .isLessThan(run.indexOf(handlerReturned("ProtocolCmDeactivateVcComplete")));
    run.finishClean();
  }

  @Test
  void pendedActivationFinishesTheMakeCallFromProtocolCmActivateVcComplete() {
    ReferenceRun run = ReferenceRun.start(CallManagerKind.STANDALONE, "miniport.activateVc.pend", 1);
    run.client().makeCall(0);
    assertThat(run.handlerStatuses("MiniportCoActivateVc")).containsExactly("PENDING");
    assertThat(run.handlerStatuses("ProtocolCmMakeCall")).containsExactly("PENDING"); // MAKE-3
    run.settle();

    assertThat(run.indexOf(api("NdisCmMakeCallComplete")))
        .isGreaterThan(run.indexOf(handler("ProtocolCmActivateVcComplete"))); // MAKE-4, VC-12
    assertThat(run.completions(RequestKind.ACTIVATE_VC)).containsExactly("pended"); // GEN-6
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void makeCallFailingAfterActivationDeactivatesFirst(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "makeCall.status", 1);
    run.client().makeCall(0);
    run.settle();

    // MAKE-14, OQ-16; NDIS itself checks the VC is inactive when the failure is reported.
    int deactivated = run.indexOf(e -> e instanceof NdisEvent.ApiCalled a && a.api().endsWith("DeactivateVc"));
    int completed = run.indexOf(e -> e instanceof NdisEvent.ApiCalled a && a.api().endsWith("MakeCallComplete"));
    assertThat(deactivated).isPositive().isLessThan(completed);
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void acknowledgingCloseIsHeldUntilOurIncomingCloseDispatchReturns(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1);
    run.client().makeCall(0);
    run.settle();
    run.callManager().remoteClose();

    String dispatch = kind == CallManagerKind.MCM ? "NdisMCmDispatchIncomingCloseCall" : "NdisCmDispatchIncomingCloseCall";
    String complete = kind == CallManagerKind.MCM ? "NdisMCmCloseCallComplete" : "NdisCmCloseCallComplete";
    // GEN-9: ProtocolCmCloseCall runs nested in our dispatch; it pends and the close is
    // carried out once the dispatch returned, so the handle it carried stays valid (VC-8).
    assertThat(run.indexOf(handler("ProtocolCmCloseCall"))).isLessThan(run.indexOf(apiReturned(dispatch)));
    assertThat(run.handlerStatuses("ProtocolCmCloseCall")).containsExactly("PENDING");
    assertThat(run.indexOf(api(complete))).isGreaterThan(run.indexOf(apiReturned(dispatch)));
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void incomingCloseOnlyOncePerCallAndNeverAfterTheClientsClose(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "makeCall.pend", 1, "closeCall.pend", 1);
    run.client().makeCall(0);
    run.client().makeCall(0);
    run.settle();
    run.client().closeCall(); // the first call: its close pends
    run.callManager().remoteClose(); // ICLOSE-10, OQ-1: not the closing call, the second one
    run.callManager().remoteClose(); // nothing left to hang up
    run.settle();

    assertThat(run.handlerCount("ProtocolClIncomingCloseCall")).isEqualTo(1);
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().endsWith("DispatchIncomingCloseCall"))
        .singleElement()
        .satisfies(a -> assertThat(a.args()).contains("vc#2"));
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void noIncomingCloseForACallFinishedByAFinalReturnUntilNdisShowsItSettled(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.client().makeCall(1);
    run.callManager().remoteClose(); // OQ-13: an inline SUCCESS is not yet known to be settled
    assertThat(run.handlerCount("ProtocolClIncomingCloseCall")).isZero();

    run.client().addParty(); // NDIS routes an add only on an established call (ADD-1)
    run.callManager().remoteClose();
    assertThat(run.handlerCount("ProtocolClIncomingCloseCall")).isEqualTo(1);
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void noIncomingCloseWhileTheOfferAwaitsTheClientsAnswer(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "client.incomingCall.answer", 1);
    run.callManager().offerIncomingCall();
    run.callManager().remoteClose(); // INCALL-9, OQ-12
    assertThat(run.handlerCount("ProtocolClIncomingCloseCall")).isZero();
    run.settle();

    run.callManager().remoteClose(); // connected now
    assertThat(run.handlerCount("ProtocolClIncomingCloseCall")).isEqualTo(1);
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void pendedDropReadsTheHandleThenFreesThePartyAfterTheCompletion(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "dropParty.pend", 1);
    run.client().makeCall(2);
    run.client().dropParty();
    assertThat(run.handlerStatuses("ProtocolCmDropParty")).containsExactly("PENDING");
    run.settle();

    // DROP-7, OQ-19: the party state goes after Ndis(M)CmDropPartyComplete returned.
    String complete = kind == CallManagerKind.MCM ? "NdisMCmDropPartyComplete" : "NdisCmDropPartyComplete";
    int freed = run.indexOf(e -> e instanceof NdisEvent.ContextReleased r
        && r.context().tag().equals(ReferenceRun.prefix(kind) + ".party"));
    assertThat(freed).isGreaterThan(run.indexOf(apiReturned(complete)));
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void inlineDropFreesThePartyBeforeReturning(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.client().makeCall(2);
    run.client().dropParty();

    // DROP-6, OQ-19: freed before ProtocolCmDropParty returned SUCCESS.
    int freed = run.indexOf(e -> e instanceof NdisEvent.ContextReleased r
        && r.context().tag().equals(ReferenceRun.prefix(kind) + ".party"));
    assertThat(freed).isLessThan(run.indexOf(handlerReturned("ProtocolCmDropParty")));
    assertThat(run.handlerStatuses("ProtocolCmDropParty")).containsExactly("SUCCESS");
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void failedAddPartyFreesItsPartyStateAfterTheCompletion(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind, "addParty.status", 1);
    run.client().makeCall(2);

    assertThat(run.handlerStatuses("ProtocolCmAddParty")).containsExactly("RESOURCES"); // ADD-2
    assertThat(run.of(NdisEvent.ContextReleased.class))
        .anyMatch(r -> r.context().tag().equals(ReferenceRun.prefix(kind) + ".party")); // ADD-7
    run.client().closeCall();
    run.finishClean();
  }

  @ParameterizedTest
  @EnumSource(CallManagerKind.class)
  void callManagerDeletesOnlyIdleVcsItCreatedAtShutdown(CallManagerKind kind) {
    ReferenceRun run = ReferenceRun.start(kind);
    run.client().makeCall(0);
    run.callManager().offerIncomingCall();
    run.client().closeCall(); // the client's own call
    run.client().closeCall(); // the incoming call, closed inline: its VC waits, idle
    run.settle();

    String delete = kind == CallManagerKind.MCM ? "NdisMCmDeleteVc" : "NdisCoDeleteVc";
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().equals(delete) && a.caller() != dev.condis.reference.ddi.Actor.CLIENT)
        .isEmpty();
    run.callManager().shutdown(); // VC-4: only its own VC
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.api().equals(delete) && a.caller() != dev.condis.reference.ddi.Actor.CLIENT)
        .singleElement()
        .satisfies(a -> assertThat(a.args()).contains("vc#2"));
    run.finishClean();
  }

  @Test
  void standaloneCallManagerCreatesVcsThroughNdisCoCreateVcAndTheMiniportFollows() {
    ReferenceRun run = ReferenceRun.start(CallManagerKind.STANDALONE);
    run.callManager().offerIncomingCall();

    // GEN-10, INCALL-1: NdisCoCreateVc runs MiniportCoCreateVc and the client's
    // ProtocolCoCreateVc; then activation through the miniport, then the offer.
    assertThat(run.apiCalls()).containsSubsequence("NdisCoCreateVc", "NdisCmActivateVc", "NdisCmDispatchIncomingCall");
    assertThat(run.handlerCalls()).containsSubsequence("MiniportCoCreateVc", "ProtocolCoCreateVc", "MiniportCoActivateVc", "ProtocolClIncomingCall");
    run.client().closeCall();
    run.finishClean();
  }
}
