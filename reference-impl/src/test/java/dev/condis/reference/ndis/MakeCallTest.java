package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyCreation;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.rules.RuleCategory;
import org.junit.jupiter.api.Test;

/** NdisClMakeCall → ProtocolCmMakeCall → Ndis(M)CmMakeCallComplete → ProtocolClMakeCallComplete (§2.1). */
class MakeCallTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void synchronousMakeCallCallsNoClientCompletion() {
    NdisVcHandle vc = f.clientVc();
    CallParameters params = f.params("client.make");
    f.rec.clear();

    PartyCreation made = f.cl.clMakeCall(vc, params, null);

    assertThat(made).isEqualTo(new PartyCreation(NdisStatus.SUCCESS, null));
    assertThat(f.rec.lines("call", "open", "done", "ret")).containsExactly(
        "call CLIENT NdisClMakeCall(vc#1, client.make#" + params.id() + ", null)",
        "open MAKE_CALL[vc#1]",
        "call CALL_MANAGER NdisCmActivateVc(vc#1, cm.activation#" + (params.id() + 1) + ")",
        "open ACTIVATE_VC[vc#1]",
        "done ACTIVATE_VC[vc#1] SUCCESS final",
        "ret NdisCmActivateVc SUCCESS",
        "done MAKE_CALL[vc#1] SUCCESS final",
        "ret NdisClMakeCall SUCCESS");
    assertThat(f.client.calls).isEmpty(); // GEN-1: the client runs its completion logic itself
    assertThat(f.ndis.snapshot().vcs().get(0).state()).isEqualTo(VcState.ACTIVE);
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void pendedMakeCallCompletesOnceThroughProtocolClMakeCallComplete() {
    NdisVcHandle vc = f.clientVc();
    CallParameters params = f.params("client.make");
    f.cm.makeCallReturn = NdisStatus.PENDING;

    assertThat(f.cl.clMakeCall(vc, params, null).status()).isEqualTo(NdisStatus.PENDING);
    assertThat(f.ndis.snapshot().outstandingRequests()).extracting(t -> t.kind().name()).containsExactly("MAKE_CALL");
    assertThat(f.client.calls).isEmpty();
    f.rec.clear();

    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, params);

    assertThat(f.rec.lines("done", "->")).containsExactly(
        "done MAKE_CALL[vc#1] SUCCESS pended",
        "-> CLIENT ProtocolClMakeCallComplete(SUCCESS, client.vc#1, null, client.make#" + params.id() + ")");
    assertThat(f.ndis.snapshot().outstandingRequests()).isEmpty();
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void completionOvertakingThePendingReturnIsLegal() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cm.inside.put("ProtocolCmMakeCall", () -> f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null));
    f.rec.clear();

    assertThat(f.cl.clMakeCall(vc, f.params("p"), null).status()).isEqualTo(NdisStatus.PENDING);

    assertThat(f.rec.violations()).isEmpty(); // GEN-8
    assertThat(f.client.calls).hasSize(1);
    assertThat(f.rec.lines("->", "ret").indexOf("-> CLIENT ProtocolClMakeCallComplete(SUCCESS, client.vc#1, null, null)"))
        .isLessThan(f.rec.lines("->", "ret").indexOf("ret NdisClMakeCall PENDING"));
  }

  @Test
  void completingThenReturningSuccessIsGen3AndTheClientSeesOneCompletion() {
    NdisVcHandle vc = f.clientVc();
    f.cm.inside.put("ProtocolCmMakeCall", () -> f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null));

    PartyCreation made = f.cl.clMakeCall(vc, f.params("p"), null);

    assertThat(made.status()).isEqualTo(NdisStatus.PENDING); // so the client does not complete twice
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("GEN-3 DOUBLE_COMPLETE");
    assertThat(f.client.calls).hasSize(1);
  }

  @Test
  void completingARequestThatReturnedSuccessIsGen3AndNotDelivered() {
    NdisVcHandle vc = f.clientVc();
    f.cl.clMakeCall(vc, f.params("p"), null);
    f.rec.clear();

    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null);

    assertThat(f.rec.ruleIds()).containsExactly("GEN-3");
    assertThat(f.client.calls).isEmpty();
  }

  @Test
  void secondCompletionIsGen2AndNotDelivered() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cl.clMakeCall(vc, f.params("p"), null);
    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null);
    f.rec.clear();

    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null);

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("GEN-2 DOUBLE_COMPLETE");
    assertThat(f.client.calls).hasSize(1);
    assertThat(f.rec.lines("done")).isEmpty();
  }

  @Test
  void pendingGivenToCompleteIsGen4AndTheRequestStaysOutstanding() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cl.clMakeCall(vc, f.params("p"), null);

    f.cmApi.cmMakeCallComplete(NdisStatus.PENDING, vc, null, null, null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("GEN-4 STATUS");
    assertThat(f.client.calls).isEmpty();
    assertThat(f.ndis.snapshot().outstandingRequests()).hasSize(1);

    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null);
    assertThat(f.client.calls).hasSize(1);
  }

  @Test
  void multipointMakeIssuesThePartyHandleBeforeCallingTheCallManager() {
    NdisVcHandle vc = f.clientVc();
    CallParameters params = f.params("p");
    f.rec.clear();

    PartyCreation made = f.cl.clMakeCall(vc, params, f.partyContext());

    assertThat(made).isEqualTo(new PartyCreation(NdisStatus.SUCCESS, new NdisPartyHandle(1)));
    assertThat(f.cm.party).isEqualTo(new NdisPartyHandle(1));
    assertThat(f.rec.lines("issue", "open", "->").subList(0, 3)).containsExactly(
        "issue party#1", "open MAKE_CALL[vc#1,party#1]", "-> CALL_MANAGER ProtocolCmMakeCall(cm.vc#"
            + f.cm.vcContext.id() + ", p#" + params.id() + ", party#1)");
    assertThat(f.ndis.snapshot().vcs().get(0).liveParties())
        .containsExactly(new NdisSnapshot.PartySummary(new NdisPartyHandle(1), PartyState.CONNECTED));
  }

  @Test
  void failedMakeKillsThePartyHandleForBothSides() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cm.activateInMakeCall = false;
    NdisPartyHandle party = f.cl.clMakeCall(vc, f.params("p"), f.partyContext()).ndisPartyHandle();
    f.cmApi.cmMakeCallComplete(NdisStatus.FAILURE, vc, party, null, null);
    assertThat(f.rec.lines("invalidate")).containsExactly("invalidate party#1");
    assertThat(f.rec.violations()).isEmpty();
    f.rec.clear();

    assertThat(f.cl.clDropParty(party, null)).isEqualTo(NdisStatus.FAILURE);
    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, party, null);

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("MAKE-6 USE_AFTER_CLOSE", "MAKE-9 USE_AFTER_CLOSE");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void aFailedMultipointMakeCompletesWithANullPartyHandle() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cm.activateInMakeCall = false;
    CallParameters params = f.params("p");
    NdisPartyHandle party = f.cl.clMakeCall(vc, params, f.partyContext()).ndisPartyHandle();
    assertThat(party).isEqualTo(new NdisPartyHandle(1)); // pended: the handle the completion is about
    f.rec.clear();

    f.cmApi.cmMakeCallComplete(NdisStatus.FAILURE, vc, party, null, params);

    // Seed ProtocolClMakeCallComplete: the party handle is valid only on SUCCESS, NULL otherwise.
    assertThat(f.rec.lines("->")).containsExactly(
        "-> CLIENT ProtocolClMakeCallComplete(FAILURE, client.vc#1, null, p#" + params.id() + ")");
  }

  @Test
  void aMultipointMakeFailedInLineReturnsNoPartyHandle() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.FAILURE;
    f.cm.activateInMakeCall = false;

    PartyCreation made = f.cl.clMakeCall(vc, f.params("p"), f.partyContext());

    assertThat(made).isEqualTo(new PartyCreation(NdisStatus.FAILURE, null));
  }

  @Test
  void droppingThePartyBeforeTheMakeCompletesIsMake13() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    NdisPartyHandle party = f.cl.clMakeCall(vc, f.params("p"), f.partyContext()).ndisPartyHandle();
    f.rec.clear();

    assertThat(f.cl.clDropParty(party, null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("MAKE-13");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void makeCallOnlyOnTheClientsOwnVc() {
    NdisVcHandle cmVc = f.activatedCallManagerVc();
    f.rec.clear();

    assertThat(f.cl.clMakeCall(cmVc, f.params("p"), null).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.cl.clMakeCall(new NdisVcHandle(9), f.params("p"), null).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("MAKE-1", "MAKE-1");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void secondMakeWhileOneIsOutstandingIsMake13() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cl.clMakeCall(vc, f.params("p"), null);
    f.rec.clear();

    assertThat(f.cl.clMakeCall(vc, f.params("p2"), null).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("MAKE-13", "MAKE-13");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void successWithoutActivationIsMake3SyncAndMake4Pended() {
    f.cm.activateInMakeCall = false;
    NdisVcHandle vc1 = f.clientVc();
    f.cl.clMakeCall(vc1, f.params("p"), null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("MAKE-3 STATUS");

    f.rec.clear();
    NdisVcHandle vc2 = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cl.clMakeCall(vc2, f.params("p"), null);
    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc2, null, null, null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("MAKE-4 ORDERING");
  }

  @Test
  void partyContextMustMatchThePartyHandle() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    NdisPartyHandle party = f.cl.clMakeCall(vc, f.params("p"), f.partyContext()).ndisPartyHandle();
    f.rec.clear();

    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, party, null, null);
    assertThat(f.rec.ruleIds()).containsExactly("MAKE-5");
    assertThat(f.client.calls).hasSize(1);
  }

  @Test
  void failureWhileTheVcIsStillActiveIsMake14() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.FAILURE; // activated inside, never deactivated

    assertThat(f.cl.clMakeCall(vc, f.params("p"), null).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("MAKE-14");
  }

  @Test
  void clientMayDeleteTheVcFromInsideAFailedMakeCallComplete() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cm.activateInMakeCall = false;
    f.cl.clMakeCall(vc, f.params("p"), null);
    NdisStatus[] deleted = new NdisStatus[1];
    f.client.inside.put("ProtocolClMakeCallComplete", () -> deleted[0] = f.cl.coDeleteVc(vc)); // GEN-9
    f.rec.clear();

    f.cmApi.cmMakeCallComplete(NdisStatus.FAILURE, vc, null, null, null);

    assertThat(deleted[0]).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.handlers()).containsExactly(
        "ProtocolClMakeCallComplete", "ProtocolCoDeleteVc", "MiniportCoDeleteVc");
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.ndis.snapshot().undeletedVcs()).isEmpty();
  }

  @Test
  void retryAfterAFailedMakeIsAllowed() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.FAILURE;
    f.cm.activateInMakeCall = false;
    f.cl.clMakeCall(vc, f.params("p"), null);
    f.cm.makeCallReturn = NdisStatus.SUCCESS;
    f.cm.activateInMakeCall = true;

    assertThat(f.cl.clMakeCall(vc, f.params("p2"), null).status()).isEqualTo(NdisStatus.SUCCESS); // OQ-21
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void releasedCallParametersDeliveredToTheCompletionAreUseAfterClose() {
    NdisVcHandle vc = f.clientVc();
    CallParameters params = f.params("p");
    ProtocolPartyContext party = f.partyContext();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    NdisPartyHandle partyHandle = f.cl.clMakeCall(vc, params, party).ndisPartyHandle();
    f.tracker.release(params, "MAKE-2", "client frees its parameters too early");
    f.rec.clear();

    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, partyHandle, f.cm.newPartyContext(), params);

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("MAKE-2 USE_AFTER_CLOSE");
    assertThat(f.rec.violations().get(0).category()).isEqualTo(RuleCategory.USE_AFTER_CLOSE);
    assertThat(f.client.calls).hasSize(1);
  }
}
