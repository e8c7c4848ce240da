package dev.condis.reference.mcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.scenario.ReferenceRun;
import dev.condis.reference.system.CallManagerKind;
import org.junit.jupiter.api.Test;

/** What is particular to the MCM: NdisMCmXxx only (GEN-10) and synchronous activation (OQ-10). */
class ReferenceMcmTest {

  @Test
  void mcmUsesOnlyNdisMCmFunctions() {
    ReferenceRun run = ReferenceRun.start(CallManagerKind.MCM,
        "makeCall.pend", 1, "closeCall.pend", 1, "addParty.pend", 1, "dropParty.pend", 1,
        "client.incomingCall.answer", 1);
    run.client().makeCall(3);
    run.callManager().offerIncomingCall();
    run.settle();
    run.callManager().remoteDropParty();
    run.client().dropParty();
    run.callManager().remoteClose();
    run.client().closeCall();
    run.client().closeCall();
    run.finishClean();

    // GEN-10: every function the MCM called is an NdisMCm one — creation and deletion too.
    assertThat(run.of(NdisEvent.ApiCalled.class))
        .filteredOn(a -> a.caller() == Actor.MCM)
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.api()).startsWith("NdisMCm"));
    assertThat(run.apiCalls()).contains("NdisMCmCreateVc", "NdisMCmDeleteVc", "NdisMCmDispatchIncomingDropParty",
        "NdisMCmDispatchIncomingCloseCall", "NdisMCmCloseCallComplete", "NdisMCmAddPartyComplete");
  }

  @Test
  void activationAndDeactivationAreSynchronousAndTheMcmRunsTheirCompletionLogicItself() {
    ReferenceRun run = ReferenceRun.start(CallManagerKind.MCM, "makeCall.pend", 1, "closeCall.pend", 1);
    run.client().makeCall(0);
    run.settle();
    run.client().closeCall();
    run.settle();
    run.finishClean();

    // OQ-10 (decided in NDIS): final returns, so NDIS calls no ProtocolCmXxxVcComplete (GEN-6).
    assertThat(run.completions(RequestKind.ACTIVATE_VC)).containsOnly("final");
    assertThat(run.completions(RequestKind.DEACTIVATE_VC)).containsOnly("final");
    assertThat(run.handlerCount("ProtocolCmActivateVcComplete")).isZero();
    assertThat(run.handlerCount("ProtocolCmDeactivateVcComplete")).isZero();
    assertThat(run.choicesDrawn()).doesNotContain("miniport.activateVc.pend", "miniport.deactivateVc.pend");
  }

  @Test
  void mcmCreatedVcIsDeletedWithNdisMCmDeleteVcAfterAPendedClose() {
    ReferenceRun run = ReferenceRun.start(CallManagerKind.MCM, "closeCall.pend", 1);
    run.callManager().offerIncomingCall();
    run.client().closeCall();
    run.settle();

    // CLOSE-10: deleted right after NdisMCmCloseCallComplete returned; the client's context
    // went in its ProtocolCoDeleteVc (VC-11).
    assertThat(run.apiCalls()).containsSubsequence("NdisMCmCloseCallComplete", "NdisMCmDeleteVc");
    assertThat(run.handlerCount("ProtocolCoDeleteVc")).isEqualTo(1);
    run.finishClean();
  }
}
