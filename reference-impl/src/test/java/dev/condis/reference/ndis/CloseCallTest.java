package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import org.junit.jupiter.api.Test;

/** NdisClCloseCall → ProtocolCmCloseCall → Ndis(M)CmCloseCallComplete → ProtocolClCloseCallComplete (§2.2). */
class CloseCallTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void synchronousCloseThenDeleteAndReuse() {
    NdisVcHandle vc = f.connectedCall();
    f.rec.clear();

    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.lines("open", "done", "->")).containsExactly(
        "open CLOSE_CALL[vc#1]",
        "-> CALL_MANAGER ProtocolCmCloseCall(cm.vc#" + f.cm.vcContext.id() + ", null, null)",
        "open DEACTIVATE_VC[vc#1]",
        "-> MINIPORT MiniportCoDeactivateVc(miniport.vc#" + (f.cm.vcContext.id() - 1) + ")",
        "done DEACTIVATE_VC[vc#1] SUCCESS final",
        "done CLOSE_CALL[vc#1] SUCCESS final");
    assertThat(f.client.calls).isEmpty(); // GEN-1
    assertThat(f.ndis.snapshot().vcs().get(0).state()).isEqualTo(VcState.IDLE_DEACTIVATED);

    assertThat(f.cl.clMakeCall(vc, f.params("again"), null).status()).isEqualTo(NdisStatus.SUCCESS); // CLOSE-16
    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void aCallManagerDeletingItsVcWhileTheClientIsInsideCloseCompleteIsVc5() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.PENDING);
    NdisStatus[] deleted = new NdisStatus[1];
    // The request is gone from NDIS's book, but the client is still in its completion.
    f.client.inside.put("ProtocolClCloseCallComplete", () -> deleted[0] = f.cmApi.coDeleteVc(vc));
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);

    assertThat(deleted[0]).isEqualTo(NdisStatus.NOT_ACCEPTED);
    assertThat(f.rec.ruleIds()).containsExactly("VC-5");
    assertThat(f.cmApi.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS); // once it returned
  }

  @Test
  void aCallManagerFreeingThePartyStateAfterItsDeactivationIsClose5() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.closeCallReturn = NdisStatus.PENDING; // deactivates inside ProtocolCmCloseCall, party state still live
    assertThat(f.cl.clCloseCall(call.vc(), call.parties().get(0), null)).isEqualTo(NdisStatus.PENDING);
    f.rec.clear();

    f.tracker.release(f.cm.partyContext, "CLOSE-4", "cm.late"); // CLOSE-5: before the deactivation

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("CLOSE-5 ORDERING");
  }

  @Test
  void aCallManagerFreeingThePartyStateBeforeItsDeactivationIsClean() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.deactivateInCloseCall = false;
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cm.inside.put("ProtocolCmCloseCall", () -> {
      f.tracker.release(f.cm.partyContext, "CLOSE-4", "cm.ProtocolCmCloseCall"); // CLOSE-4, CLOSE-5
      f.cm.deactivate(call.vc());
    });
    f.rec.clear();

    assertThat(f.cl.clCloseCall(call.vc(), call.parties().get(0), null)).isEqualTo(NdisStatus.PENDING);

    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void pendedCloseCompletesOnceThroughProtocolClCloseCallComplete() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    CloseData data = f.closeData();
    assertThat(f.cl.clCloseCall(vc, null, data)).isEqualTo(NdisStatus.PENDING);
    assertThat(f.cm.calls).last().isEqualTo(
        "ProtocolCmCloseCall(cm.vc#" + f.cm.vcContext.id() + ", null, close#" + data.id() + ")");
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);

    assertThat(f.rec.lines("done", "->")).containsExactly(
        "done CLOSE_CALL[vc#1] SUCCESS pended",
        "-> CLIENT ProtocolClCloseCallComplete(SUCCESS, client.vc#1, null)");
    assertThat(f.rec.violations()).isEmpty();
    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.ruleIds()).containsExactly("GEN-2");
    assertThat(f.client.calls).hasSize(1);
  }

  @Test
  void secondCloseIsRefusedAsCloseDoubleComplete() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(vc, null, null);
    f.rec.clear();

    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("CLOSE-17 DOUBLE_COMPLETE");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void closeAfterTheCallIsClosedIsClose17() {
    NdisVcHandle vc = f.connectedCall();
    f.cl.clCloseCall(vc, null, null);
    f.rec.clear();

    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-17");
  }

  @Test
  void closeSuccessBeforeDeactivationIsClose8() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.deactivateInCloseCall = false;

    f.cl.clCloseCall(vc, null, null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("CLOSE-8 ORDERING");
  }

  @Test
  void failedCloseLeavesTheCallUp() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.deactivateInCloseCall = false;
    f.cm.closeCallReturn = NdisStatus.INVALID_DATA;

    assertThat(f.cl.clCloseCall(vc, null, f.closeData())).isEqualTo(NdisStatus.INVALID_DATA);
    assertThat(f.ndis.snapshot().vcs().get(0).state()).isEqualTo(VcState.ACTIVE); // CLOSE-18
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.SUCCESS);

    f.cm.deactivateInCloseCall = true;
    f.cm.closeCallReturn = NdisStatus.SUCCESS;
    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void makeCallDuringACloseIsClose16() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(vc, null, null);
    f.rec.clear();

    assertThat(f.cl.clMakeCall(vc, f.params("p"), null).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-16");
  }

  @Test
  void clientMayDeleteItsVcFromInsideProtocolClCloseCallComplete() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(vc, null, null);
    f.client.inside.put("ProtocolClCloseCallComplete", () -> f.cl.coDeleteVc(vc)); // GEN-9
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);

    assertThat(f.rec.handlers()).containsExactly("ProtocolClCloseCallComplete", "ProtocolCoDeleteVc", "MiniportCoDeleteVc");
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.ndis.snapshot().undeletedVcs()).isEmpty();
  }

  @Test
  void onACallManagerVcTheClientHandleIsDeadAfterTheCloseUntilReoffered() {
    NdisVcHandle vc = f.connectedIncomingCall();
    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.SUCCESS);
    f.rec.clear();

    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.lines("use", "VIOLATION")).containsExactly(
        "use vc#1 INVALID", "VIOLATION CLOSE-11 USE_AFTER_CLOSE");

    assertThat(f.cm.activate(vc)).isEqualTo(NdisStatus.SUCCESS); // the CM still may use it
    assertThat(f.dispatchIncomingCall(vc)).isEqualTo(NdisStatus.SUCCESS); // VC-17
    f.cmApi.cmDispatchCallConnected(vc);
    f.rec.clear();
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.lines("use")).containsExactly("use vc#1");
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void closeWithMoreThanOnePartyIsReportedButRoutedAndTheCallManagerFailsIt() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.closeCallReturn = NdisStatus.FAILURE;
    f.cm.deactivateInCloseCall = false;
    f.rec.clear();

    assertThat(f.cl.clCloseCall(call.vc(), call.parties().get(1), null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("CLOSE-1 ORDERING");
    assertThat(f.rec.handlers()).containsExactly("ProtocolCmCloseCall");
    assertThat(f.ndis.snapshot().vcs().get(0).liveParties()).hasSize(2);
  }

  @Test
  void callManagerClosingWithTwoPartiesAttachedIsClose1() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-1", "CLOSE-1");
  }

  @Test
  void closeWhileAnAddIsPendingIsAdd9() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.PENDING;
    f.cl.clAddParty(call.vc(), f.partyContext(), f.params("add"));
    f.rec.clear();

    assertThat(f.cl.clCloseCall(call.vc(), call.parties().get(0), null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("ADD-9");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void closeWhileADropIsPendingIsDrop10() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.dropPartyReturn = NdisStatus.PENDING;
    f.cl.clDropParty(call.parties().get(1), null);
    f.rec.clear();

    assertThat(f.cl.clCloseCall(call.vc(), call.parties().get(0), null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("DROP-10");
  }

  @Test
  void closeCarriesTheLastPartyOnAMultipointVcAndNullOtherwise() {
    Fixture.Multipoint call = f.multipointCall(1);
    NdisVcHandle p2p = f.connectedCall();
    f.rec.clear();

    assertThat(f.cl.clCloseCall(call.vc(), null, null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.cl.clCloseCall(p2p, call.parties().get(0), null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-2", "CLOSE-2");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void multipointCloseKillsTheLastPartyAndHandsBackItsContext() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, call.vc(), call.parties().get(0));

    assertThat(f.client.calls).containsExactly("ProtocolClCloseCallComplete(SUCCESS, client.vc#1, client.party#"
        + call.contexts().get(0).id() + ")");
    assertThat(f.rec.lines("invalidate")).containsExactly("invalidate party#1");
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void partyContextFreedBeforeTheCloseCompletesIsClose13() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    f.tracker.release(call.contexts().get(0), "CLOSE-13", "client frees on PENDING (OQ-6)");
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, call.vc(), call.parties().get(0));

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("CLOSE-13 USE_AFTER_CLOSE");
    assertThat(f.client.calls).hasSize(1); // still delivered: the run goes on
  }

  @Test
  void closeCompleteWithTheWrongPartyIsClose2() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, call.vc(), null);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-2");
    assertThat(f.client.calls).hasSize(1);
  }

  @Test
  void partyHandleAfterASuccessfulCloseIsClose9ForBothSides() {
    Fixture.Multipoint call = f.multipointCall(1);
    NdisPartyHandle party = call.parties().get(0);
    f.cl.clCloseCall(call.vc(), party, null);
    f.rec.clear();

    f.cl.clDropParty(party, null);
    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, party, null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("CLOSE-9 USE_AFTER_CLOSE", "CLOSE-9 USE_AFTER_CLOSE");
    assertThat(f.rec.handlers()).isEmpty();
  }
}
