package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import org.junit.jupiter.api.Test;

/** The same routing with a miniport with integrated call manager (NdisMCmXxx, GEN-10, OQ-10). */
class McmTest {
  private final Fixture f = Fixture.mcm();

  @Test
  void mcmCreatedVcRunsOnlyTheClientsProtocolCoCreateVc() {
    f.callManagerVc();
    assertThat(f.rec.lines("call", "->")).containsExactly(
        "call MCM NdisMCmCreateVc(af#1, cm.incoming#1)", "-> CLIENT ProtocolCoCreateVc(vc#1)");
  }

  @Test
  void clientCreatedVcGoesToTheMcmsProtocolCoCreateVc() {
    f.clientVc();
    assertThat(f.rec.lines("->")).containsExactly("-> MCM ProtocolCoCreateVc(vc#1)");
  }

  @Test
  void activationAndDeactivationAreSynchronousForTheMcm() {
    NdisVcHandle vc = f.callManagerVc();
    f.rec.clear();

    assertThat(f.cm.activate(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.cm.deactivate(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.lines("open", "done", "->")).containsExactly(
        "open ACTIVATE_VC[vc#1]", "done ACTIVATE_VC[vc#1] SUCCESS final",
        "open DEACTIVATE_VC[vc#1]", "done DEACTIVATE_VC[vc#1] SUCCESS final");
    assertThat(f.cm.calls).isEmpty(); // OQ-10: no ProtocolCmXxxVcComplete from NDIS

    assertThat(f.cm.deactivate(vc)).isEqualTo(NdisStatus.NOT_ACCEPTED);
    assertThat(f.rec.ruleIds()).containsExactly("VC-15");
  }

  @Test
  void completionsCarryTheMcmsApiNames() {
    NdisVcHandle vc = f.clientVc();
    f.cm.makeCallReturn = NdisStatus.PENDING;
    f.cl.clMakeCall(vc, f.params("p"), null);
    f.rec.clear();

    f.mcmApi.mcmMakeCallComplete(NdisStatus.SUCCESS, vc, null, null, null);
    assertThat(f.rec.lines("call", "->")).containsExactly(
        "call MCM NdisMCmMakeCallComplete(SUCCESS, vc#1, null, null, null)",
        "-> CLIENT ProtocolClMakeCallComplete(SUCCESS, client.vc#1, null, null)");
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void fullIncomingCallAndTeardown() {
    NdisVcHandle vc = f.connectedIncomingCall();
    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.mcmApi.mcmDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);

    assertThat(f.rec.handlers()).containsExactly("ProtocolCoCreateVc", "ProtocolClIncomingCall",
        "ProtocolClCallConnected", "ProtocolCmCloseCall", "ProtocolCoDeleteVc");
    assertThat(f.rec.events).filteredOn(NdisEvent.HandlerCalled.class::isInstance)
        .extracting(e -> ((NdisEvent.HandlerCalled) e).callee())
        .containsExactly(Actor.CLIENT, Actor.CLIENT, Actor.CLIENT, Actor.MCM, Actor.CLIENT);
    assertThat(f.rec.violations()).isEmpty();
    NdisSnapshot end = f.ndis.snapshot();
    assertThat(end.outstandingRequests()).isEmpty();
    assertThat(end.undeletedVcs()).isEmpty();
  }

  @Test
  void mcmDeletingAnActiveVcIsNotAccepted() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    assertThat(f.mcmApi.mcmDeleteVc(vc)).isEqualTo(NdisStatus.NOT_ACCEPTED);
    assertThat(f.rec.ruleIds()).containsExactly("VC-5");
  }
}
