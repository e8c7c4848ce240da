package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import org.junit.jupiter.api.Test;

/** Incoming calls, connected, incoming close and incoming drop with a stand-alone CM (§2.3, §2.6, §2.7). */
class IncomingCallTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void callManagerCreatedVcRunsTheMiniportAndTheClientsProtocolCoCreateVc() {
    NdisVcHandle vc = f.callManagerVc();
    assertThat(f.rec.handlers()).containsExactly("MiniportCoCreateVc", "ProtocolCoCreateVc");
    assertThat(f.client.offeredVc).isEqualTo(vc);
    assertThat(f.rec.lines("call")).first().asString().startsWith("call CALL_MANAGER NdisCoCreateVc(af#1");
  }

  @Test
  void dispatchNeedsASapAnActivatedVcAndTheCallManagersOwnVc() {
    NdisVcHandle inactive = f.callManagerVc();
    NdisVcHandle clientVc = f.clientVc();
    f.rec.clear();

    assertThat(f.dispatchIncomingCall(inactive)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.dispatchIncomingCall(clientVc)).isEqualTo(NdisStatus.FAILURE);
    f.cm.activate(inactive);
    assertThat(f.cmApi.cmDispatchIncomingCall(new NdisSapHandle(5), inactive, null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-1", "INCALL-1", "INCALL-1");
    assertThat(f.rec.handlers()).containsOnly("MiniportCoActivateVc");
  }

  @Test
  void synchronousAcceptCallsNoCompletionThenConnectedLetsDataFlow() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.rec.clear();

    assertThat(f.dispatchIncomingCall(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.lines("open", "done", "->")).containsExactly(
        "open INCOMING_CALL[vc#1]",
        "-> CLIENT ProtocolClIncomingCall(client.offered#" + f.client.offeredVcContext.id() + ", cm.offer#"
            + (f.client.offeredVcContext.id() + 2) + ")",
        "done INCOMING_CALL[vc#1] SUCCESS final");
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.FAILURE); // INCALL-6: not connected yet

    f.cmApi.cmDispatchCallConnected(vc);
    assertThat(f.client.calls).last().asString().startsWith("ProtocolClCallConnected(");
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-6");
    assertThat(f.cm.calls).noneMatch(c -> c.startsWith("ProtocolCmIncomingCallComplete"));
  }

  @Test
  void pendedAnswerCompletesOnceThroughProtocolCmIncomingCallComplete() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.client.incomingCallReturn = NdisStatus.PENDING;
    assertThat(f.dispatchIncomingCall(vc)).isEqualTo(NdisStatus.PENDING);
    CallParameters params = f.params("answer");
    f.rec.clear();

    f.cl.clIncomingCallComplete(NdisStatus.SUCCESS, vc, params);

    assertThat(f.rec.lines("done", "->")).containsExactly(
        "done INCOMING_CALL[vc#1] SUCCESS pended",
        "-> CALL_MANAGER ProtocolCmIncomingCallComplete(SUCCESS, cm.incoming#" + (f.client.offeredVcContext.id() - 2)
            + ", answer#" + params.id() + ")");
    f.cl.clIncomingCallComplete(NdisStatus.SUCCESS, vc, params);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("GEN-7 DOUBLE_COMPLETE");
    assertThat(f.cm.calls).filteredOn(c -> c.startsWith("ProtocolCmIncomingCallComplete")).hasSize(1);
  }

  @Test
  void answeringWithPendingIsGen4() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.client.incomingCallReturn = NdisStatus.PENDING;
    f.dispatchIncomingCall(vc);
    f.rec.clear();

    f.cl.clIncomingCallComplete(NdisStatus.PENDING, vc, null);
    assertThat(f.rec.ruleIds()).containsExactly("GEN-4");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void rejectedOfferIsDeactivatedThenDeleted() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.client.incomingCallReturn = NdisStatus.NOT_SUPPORTED;
    assertThat(f.dispatchIncomingCall(vc)).isEqualTo(NdisStatus.NOT_SUPPORTED);
    f.rec.clear();

    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.cmApi.coDeleteVc(vc)).isEqualTo(NdisStatus.NOT_ACCEPTED);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-8", "VC-5");
    f.rec.clear();

    assertThat(f.cm.deactivate(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.cmApi.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.handlers()).containsExactly("MiniportCoDeactivateVc", "ProtocolCoDeleteVc", "MiniportCoDeleteVc");
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void connectedComesOnceAndNotAfterAnIncomingClose() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.rec.clear();
    f.cmApi.cmDispatchCallConnected(vc);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-5");

    NdisVcHandle other = f.activatedCallManagerVc();
    f.dispatchIncomingCall(other);
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.FAILURE, other, null);
    f.rec.clear();
    f.cmApi.cmDispatchCallConnected(other);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-5");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void incomingCloseWhileTheOfferIsPendingIsIncall9() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.client.incomingCallReturn = NdisStatus.PENDING;
    f.dispatchIncomingCall(vc);
    f.rec.clear();

    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-9");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void incomingCloseIsAcknowledgedFromInsideTheHandlerAndStopsData() {
    NdisVcHandle vc = f.connectedIncomingCall();
    NdisStatus[] sendInside = new NdisStatus[1];
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> {
      sendInside[0] = f.cl.coSendNetBufferLists(vc);
      f.cl.clCloseCall(vc, null, null); // GEN-9: runs ProtocolCmCloseCall nested
    });
    f.rec.clear();

    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, f.closeData());

    assertThat(sendInside[0]).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-2");
    assertThat(f.rec.handlers()).containsExactly(
        "ProtocolClIncomingCloseCall", "ProtocolCmCloseCall", "MiniportCoDeactivateVc");
    assertThat(f.ndis.snapshot().vcs().get(0).state()).isEqualTo(VcState.IDLE_DEACTIVATED);
  }

  @Test
  void secondIncomingCloseAndIncomingCloseAfterTheCloseCompletedAreIclose10() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);
    f.rec.clear();
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("ICLOSE-10 DOUBLE_COMPLETE");

    NdisVcHandle other = f.connectedIncomingCall();
    f.cm.closeCallReturn = NdisStatus.SUCCESS;
    f.cl.clCloseCall(other, null, null);
    f.rec.clear();
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, other, null);
    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-10");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void incomingCloseMeetingTheClientsCloseInFlightIsDeliveredAsInformation() {
    // OQ-1: the call manager decided to dispatch before ProtocolCmCloseCall reached it.
    NdisVcHandle vc = f.connectedIncomingCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(vc, null, null);
    f.rec.clear();
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.rec.handlers()).containsExactly("ProtocolClIncomingCloseCall");

    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-10");
  }

  @Test
  void closingAnAcceptedCallBeforeConnectedIsIncall5() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.dispatchIncomingCall(vc);
    f.rec.clear();

    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.FAILURE); // OQ-24
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-5");
  }

  @Test
  void reofferWithoutDeactivatingARejectedOfferIsIncall7() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.client.incomingCallReturn = NdisStatus.FAILURE;
    f.dispatchIncomingCall(vc);
    f.rec.clear();

    assertThat(f.dispatchIncomingCall(vc)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-7");
  }

  @Test
  void incomingDropIsForPartiesOtherThanTheLast() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.rec.clear();

    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, call.parties().get(1), f.closeData());
    assertThat(f.rec.handlers()).containsExactly("ProtocolClIncomingDropParty");
    assertThat(f.cl.clDropParty(call.parties().get(1), null)).isEqualTo(NdisStatus.SUCCESS); // the acknowledgement
    f.rec.clear();

    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, call.parties().get(0), null);
    assertThat(f.rec.ruleIds()).containsExactly("IDROP-1");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void incomingDropMeetingTheClientsDropIsInformationButASecondIncomingDropIsDrop11() {
    Fixture.Multipoint call = f.multipointCall(3);
    f.cm.dropPartyReturn = NdisStatus.PENDING;
    f.cl.clDropParty(call.parties().get(2), null);
    f.rec.clear();

    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, call.parties().get(2), null); // OQ-14
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.rec.handlers()).containsExactly("ProtocolClIncomingDropParty");

    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, call.parties().get(2), null);
    assertThat(f.rec.ruleIds()).containsExactly("DROP-11");
  }

  @Test
  void partyContextFreedInsideTheIncomingDropBeforeTheAckCompletesIsIdrop4() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.dropPartyReturn = NdisStatus.PENDING;
    f.client.inside.put("ProtocolClIncomingDropParty", () -> {
      f.cl.clDropParty(call.parties().get(1), null);
      f.tracker.release(call.contexts().get(1), "IDROP-4", "client frees inside the incoming drop (OQ-7)");
    });
    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, call.parties().get(1), null);
    f.rec.clear();

    f.cmApi.cmDropPartyComplete(NdisStatus.SUCCESS, call.parties().get(1));
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("IDROP-4 USE_AFTER_CLOSE");
  }

  @Test
  void incomingDropOfAPartyStillBeingAddedIsAdd4() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.PENDING;
    NdisPartyHandle adding = f.cl.clAddParty(call.vc(), f.partyContext(), f.params("a")).ndisPartyHandle();
    f.rec.clear();

    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, adding, null); // OQ-13
    assertThat(f.rec.ruleIds()).containsExactly("ADD-4");
  }

  @Test
  void incomingCloseWithPendingAsItsStatusIsIclose1() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.rec.clear();

    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.PENDING, vc, null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("ICLOSE-1 STATUS");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void offeringAVcThatCarriesACallIsVc17() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.rec.clear();

    assertThat(f.dispatchIncomingCall(vc)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("VC-17");
    assertThat(f.rec.handlers()).isEmpty();
  }
}
