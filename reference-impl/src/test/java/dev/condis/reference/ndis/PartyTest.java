package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyCreation;
import dev.condis.reference.ddi.ProtocolPartyContext;
import org.junit.jupiter.api.Test;

/** NdisClAddParty and NdisClDropParty with their completions (§2.4, §2.5). */
class PartyTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void synchronousAddParty() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.rec.clear();

    PartyCreation added = f.cl.clAddParty(call.vc(), f.partyContext(), f.params("add"));

    assertThat(added).isEqualTo(new PartyCreation(NdisStatus.SUCCESS, new NdisPartyHandle(2)));
    assertThat(f.rec.lines("issue", "open", "done")).containsExactly(
        "issue party#2", "open ADD_PARTY[vc#1,party#2]", "done ADD_PARTY[vc#1,party#2] SUCCESS final");
    assertThat(f.cm.party).isEqualTo(added.ndisPartyHandle());
    assertThat(f.client.calls).isEmpty();
    assertThat(f.ndis.snapshot().vcs().get(0).liveParties()).hasSize(2);
  }

  @Test
  void anAddAfterAnIncomingCloseFailsWithClosingWithoutReachingTheCallManager() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, call.vc(), null);
    f.rec.clear();

    PartyCreation added = f.cl.clAddParty(call.vc(), f.partyContext(), f.params("add"));

    // The decision in PartyRouter#addParty: the call is closing; not a violation (the client
    // may have decided before the close reached it), a failed add it cleans up after (ADD-5).
    assertThat(added).isEqualTo(new PartyCreation(NdisStatus.CLOSING, null));
    assertThat(f.rec.handlers()).isEmpty();
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.ndis.snapshot().vcs().get(0).liveParties()).hasSize(2);
  }

  @Test
  void pendedAddPartyCompletesThroughProtocolClAddPartyComplete() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.PENDING;
    ProtocolPartyContext context = f.partyContext();
    CallParameters params = f.params("add");
    NdisPartyHandle party = f.cl.clAddParty(call.vc(), context, params).ndisPartyHandle();
    f.rec.clear();

    f.cmApi.cmAddPartyComplete(NdisStatus.SUCCESS, party, f.cm.newPartyContext(), params);

    assertThat(f.client.calls).containsExactly("ProtocolClAddPartyComplete(SUCCESS, client.party#" + context.id()
        + ", party#2, add#" + params.id() + ")");
    assertThat(f.rec.lines("done")).containsExactly("done ADD_PARTY[vc#1,party#2] SUCCESS pended");
    assertThat(f.rec.violations()).isEmpty();

    f.cmApi.cmAddPartyComplete(NdisStatus.SUCCESS, party, f.cm.newPartyContext(), params);
    assertThat(f.rec.ruleIds()).containsExactly("GEN-2");
    assertThat(f.client.calls).hasSize(1);
  }

  @Test
  void addPartyOnlyOnAnEstablishedMultipointCall() {
    NdisVcHandle p2p = f.connectedCall();
    NdisVcHandle idle = f.clientVc();
    f.rec.clear();

    assertThat(f.cl.clAddParty(p2p, f.partyContext(), f.params("a")).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.cl.clAddParty(idle, f.partyContext(), f.params("a")).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("ADD-1", "ADD-1");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void successfulAddWithoutCallManagerContextIsAdd3() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.PENDING;
    NdisPartyHandle party = f.cl.clAddParty(call.vc(), f.partyContext(), f.params("a")).ndisPartyHandle();
    f.rec.clear();

    f.cmApi.cmAddPartyComplete(NdisStatus.SUCCESS, party, null, null);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("ADD-3 STATUS");
  }

  @Test
  void failedAddKillsThePartyHandle() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.RESOURCES;
    PartyCreation added = f.cl.clAddParty(call.vc(), f.partyContext(), f.params("a"));
    assertThat(added.status()).isEqualTo(NdisStatus.RESOURCES);
    f.rec.clear();

    assertThat(f.cl.clDropParty(added.ndisPartyHandle(), null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("ADD-4 USE_AFTER_CLOSE");
  }

  @Test
  void addPartyReturningAStatusItMayNotIsAdd2() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.FAILURE;
    f.cl.clAddParty(call.vc(), f.partyContext(), f.params("a"));
    assertThat(f.rec.ruleIds()).containsExactly("ADD-2");
  }

  @Test
  void pendedDropCompletesAndKillsTheHandle() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.dropPartyReturn = NdisStatus.PENDING;
    NdisPartyHandle second = call.parties().get(1);
    assertThat(f.cl.clDropParty(second, f.closeData())).isEqualTo(NdisStatus.PENDING);
    assertThat(f.ndis.snapshot().vcs().get(0).liveParties())
        .contains(new NdisSnapshot.PartySummary(second, PartyState.DROPPING));
    f.rec.clear();

    f.cmApi.cmDropPartyComplete(NdisStatus.SUCCESS, second);

    assertThat(f.client.calls).containsExactly(
        "ProtocolClDropPartyComplete(SUCCESS, client.party#" + call.contexts().get(1).id() + ")");
    assertThat(f.rec.lines("done", "invalidate")).containsExactly(
        "done DROP_PARTY[vc#1,party#2] SUCCESS pended", "invalidate party#2");
    f.rec.clear();

    assertThat(f.cl.clDropParty(second, null)).isEqualTo(NdisStatus.FAILURE);
    f.cmApi.cmDropPartyComplete(NdisStatus.SUCCESS, second);
    assertThat(f.rec.ruleIds()).containsExactly("DROP-3", "GEN-2"); // a late completion is a double completion
  }

  @Test
  void secondDropOfTheSamePartyIsDrop11() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.dropPartyReturn = NdisStatus.PENDING;
    f.cl.clDropParty(call.parties().get(1), null);
    f.rec.clear();

    assertThat(f.cl.clDropParty(call.parties().get(1), null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("DROP-11 DOUBLE_COMPLETE");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void droppingTheLastPartyIsRoutedAndItsHandleThenServesOnlyTheClose() {
    Fixture.Multipoint call = f.multipointCall(1);
    NdisPartyHandle last = call.parties().get(0);
    f.cm.dropPartyReturn = NdisStatus.FAILURE;
    f.rec.clear();

    assertThat(f.cl.clDropParty(last, null)).isEqualTo(NdisStatus.FAILURE); // DROP-2: FAILURE = last party
    assertThat(f.rec.ruleIds()).containsExactly("DROP-1");
    assertThat(f.rec.handlers()).containsExactly("ProtocolCmDropParty");
    f.rec.clear();

    assertThat(f.cl.clDropParty(last, null)).isEqualTo(NdisStatus.FAILURE); // OQ-5: reserved for the close
    assertThat(f.rec.ruleIds()).containsExactly("DROP-3");
    f.rec.clear();

    assertThat(f.cl.clCloseCall(call.vc(), last, null)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void callManagerDroppingTheLastPartyIsDrop1() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.dropPartyReturn = NdisStatus.SUCCESS;
    f.cl.clDropParty(call.parties().get(0), null);
    // first the client's request (it is the last party), then the call manager's SUCCESS for it
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.message().startsWith("NdisClDropParty"))
        .containsExactly("DROP-1 true", "DROP-1 false");
  }

  @Test
  void failureForAPartyThatIsNotTheLastIsDrop2AndOtherFailuresLeaveItUsable() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.dropPartyReturn = NdisStatus.FAILURE;
    f.cl.clDropParty(call.parties().get(1), null);
    assertThat(f.rec.ruleIds()).containsExactly("DROP-2");
    f.rec.clear();

    f.cm.dropPartyReturn = NdisStatus.INVALID_DATA;
    assertThat(f.cl.clDropParty(call.parties().get(0), f.closeData())).isEqualTo(NdisStatus.INVALID_DATA);
    f.cm.dropPartyReturn = NdisStatus.SUCCESS;
    assertThat(f.cl.clDropParty(call.parties().get(0), null)).isEqualTo(NdisStatus.SUCCESS); // DROP-12
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void partyContextFreedBeforeTheDropCompletesIsDrop8() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.dropPartyReturn = NdisStatus.PENDING;
    f.cl.clDropParty(call.parties().get(1), null);
    f.tracker.release(call.contexts().get(1), "DROP-8", "client frees on PENDING");
    f.rec.clear();

    f.cmApi.cmDropPartyComplete(NdisStatus.SUCCESS, call.parties().get(1));
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("DROP-8 USE_AFTER_CLOSE");
  }

  @Test
  void dropReturningAStatusItMayNotIsDrop5() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.dropPartyReturn = NdisStatus.RESOURCES;
    f.cl.clDropParty(call.parties().get(1), null);
    assertThat(f.rec.ruleIds()).containsExactly("DROP-5");
  }

  @Test
  void dropWhileTheCallIsClosingIsDrop10() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    f.rec.clear();

    assertThat(f.cl.clDropParty(call.parties().get(0), null)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("DROP-10");
  }
}
