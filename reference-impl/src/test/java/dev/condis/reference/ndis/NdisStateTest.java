package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import org.junit.jupiter.api.Test;

/** Snapshots, the send check, lock discipline and event stamps. */
class NdisStateTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void snapshotShowsOutstandingRequestsLiveHandlesContextsAndVcs() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.PENDING;
    f.cl.clAddParty(call.vc(), f.partyContext(), f.params("add"));

    NdisSnapshot snapshot = f.ndis.snapshot();

    assertThat(snapshot.outstandingRequests()).extracting(t -> t.kind() + " " + t.vc() + " " + t.party())
        .containsExactly("ADD_PARTY vc#1 party#2");
    assertThat(snapshot.liveHandles()).extracting(NdisSnapshot.LiveHandle::handle)
        .containsExactly(new NdisAfHandle(1), new NdisSapHandle(1), new NdisVcHandle(1), new NdisPartyHandle(1),
            new NdisPartyHandle(2));
    assertThat(snapshot.vcs()).containsExactly(new NdisSnapshot.VcSummary(new NdisVcHandle(1),
        dev.condis.reference.ddi.Actor.CLIENT, VcState.ACTIVE, VcActivation.ACTIVE,
        com.google.common.collect.ImmutableList.of(
            new NdisSnapshot.PartySummary(new NdisPartyHandle(1), PartyState.CONNECTED),
            new NdisSnapshot.PartySummary(new NdisPartyHandle(2), PartyState.ADDING))));
    assertThat(snapshot.liveContexts()).isEqualTo(f.tracker.live());
    assertThat(snapshot.isClean()).isFalse();
  }

  @Test
  void handlersRunWithoutTheNdisLockAndSeeTheirRequestAlreadyOutstanding() {
    NdisVcHandle vc = f.clientVc();
    NdisSnapshot[] seen = new NdisSnapshot[1];
    f.cm.inside.put("ProtocolCmMakeCall", () -> seen[0] = f.ndis.snapshot()); // would throw if the lock were held

    f.cl.clMakeCall(vc, f.params("p"), null);

    assertThat(seen[0].outstandingRequests()).extracting(t -> t.kind()).containsExactly(RequestKind.MAKE_CALL); // GEN-8
    assertThat(seen[0].vcs().get(0).state()).isEqualTo(VcState.MAKING);
  }

  @Test
  void sendOnlyOnAConnectedCall() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cl.clMakeCall(vc, f.params("p"), null);
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.FAILURE);
    f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null);
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.SUCCESS);
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(vc, null, null);
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.FAILURE);
    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);
    assertThat(f.cl.coSendNetBufferLists(vc)).isEqualTo(NdisStatus.FAILURE);

    assertThat(f.rec.ruleIds()).containsExactly("MAKE-7", "CLOSE-3", "CLOSE-3");
  }

  @Test
  void eventsCarryTheThreadThatActed() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cl.clMakeCall(vc, f.params("p"), null);
    f.platform.queueDeferred("cm.dpc", () -> f.cmApi.cmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null));
    f.rec.clear();

    f.platform.awaitDeferred();

    assertThat(f.rec.events).extracting(e -> e.stamp().thread()).containsOnly("cm.dpc");
    assertThat(f.rec.events).extracting(e -> e.stamp().seq()).isSorted();
  }

  @Test
  void everyApiCallIsMatchedByItsReturnEvenWhenRefused() {
    f.cl.coDeleteVc(new NdisVcHandle(3));
    f.cmApi.cmDispatchCallConnected(new NdisVcHandle(3));
    assertThat(f.rec.lines("call", "ret")).containsExactly(
        "call CLIENT NdisCoDeleteVc(vc#3)", "ret NdisCoDeleteVc FAILURE",
        "call CALL_MANAGER NdisCmDispatchCallConnected(vc#3)", "ret NdisCmDispatchCallConnected");
    assertThat(f.rec.events).filteredOn(NdisEvent.RuleViolation.class::isInstance).hasSize(2);
  }

  @Test
  void fullRunEndsClean() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cl.clDropParty(call.parties().get(1), null);
    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    f.cl.coDeleteVc(call.vc());
    NdisVcHandle incoming = f.connectedIncomingCall();
    f.cl.clCloseCall(incoming, null, null);
    f.cmApi.coDeleteVc(incoming);

    assertThat(f.rec.violations()).isEmpty();
    NdisSnapshot end = f.ndis.snapshot();
    assertThat(end.outstandingRequests()).isEmpty();
    assertThat(end.undeletedVcs()).isEmpty();
    assertThat(end.liveHandles()).extracting(NdisSnapshot.LiveHandle::handle)
        .containsExactly(new NdisAfHandle(1), new NdisSapHandle(1));
  }
}
