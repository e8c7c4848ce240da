package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.VcCreation;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.rules.RuleCategory;
import org.junit.jupiter.api.Test;

/** NdisCoCreateVc / NdisCoDeleteVc and activation with a stand-alone CM (§2.1 step 1, §2.8). */
class VcLifecycleTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void clientCreatesVcMiniportFirstThenCallManager() {
    ProtocolVcContext context = f.vcContext();
    f.rec.clear();
    VcCreation created = f.cl.coCreateVc(f.af, context);

    assertThat(created).isEqualTo(new VcCreation(NdisStatus.SUCCESS, new NdisVcHandle(1)));
    assertThat(f.rec.lines("call", "use", "issue", "->", "<-", "ret")).containsExactly(
        "call CLIENT NdisCoCreateVc(af#1, client.vc#" + context.id() + ")",
        "use af#1",
        "issue vc#1",
        "-> MINIPORT MiniportCoCreateVc(vc#1)",
        "<- MiniportCoCreateVc SUCCESS",
        "-> CALL_MANAGER ProtocolCoCreateVc(vc#1)",
        "<- ProtocolCoCreateVc SUCCESS",
        "ret NdisCoCreateVc SUCCESS");
    assertThat(f.cm.vc).isEqualTo(created.ndisVcHandle());
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void invalidAfHandleFailsWithoutCallingAnyone() {
    VcCreation created = f.cl.coCreateVc(new NdisAfHandle(7), f.vcContext());

    assertThat(created).isEqualTo(new VcCreation(NdisStatus.FAILURE, null));
    assertThat(f.rec.ruleIds()).containsExactly("AF-6");
    assertThat(f.rec.violations().get(0).category()).isEqualTo(RuleCategory.STATUS);
    assertThat(f.rec.lines("use")).containsExactly("use af#7 INVALID");
    assertThat(f.rec.handlers()).isEmpty();
    assertThat(f.ndis.snapshot().vcs()).isEmpty();
  }

  @Test
  void failedCreateUndoesTheMiniportAndLeavesNoHandle() {
    f.cm.createVcReturn = NdisStatus.RESOURCES;
    VcCreation created = f.cl.coCreateVc(f.af, f.vcContext());

    assertThat(created).isEqualTo(new VcCreation(NdisStatus.RESOURCES, null));
    assertThat(f.rec.handlers()).containsExactly("MiniportCoCreateVc", "ProtocolCoCreateVc", "MiniportCoDeleteVc");
    assertThat(f.rec.lines("invalidate")).containsExactly("invalidate vc#1");
    assertThat(f.rec.violations()).isEmpty();

    f.rec.clear();
    assertThat(f.cl.clMakeCall(new NdisVcHandle(1), f.params("p"), null).status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("VC-7");
  }

  @Test
  void protocolCoCreateVcReturningPendingIsAStatusViolation() {
    f.cm.createVcReturn = NdisStatus.PENDING;
    VcCreation created = f.cl.coCreateVc(f.af, f.vcContext());

    assertThat(created.status()).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.violations()).extracting(NdisEvent.RuleViolation::ruleId, NdisEvent.RuleViolation::category)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GEN-5", RuleCategory.STATUS));
  }

  @Test
  void deleteRunsPeerThenMiniportAndKillsTheHandle() {
    NdisVcHandle vc = f.clientVc();
    f.rec.clear();

    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.handlers()).containsExactly("ProtocolCoDeleteVc", "MiniportCoDeleteVc");
    assertThat(f.rec.lines("invalidate")).containsExactly("invalidate vc#1");

    f.rec.clear();
    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.lines("use", "VIOLATION", "->")).containsExactly(
        "use vc#1 INVALID", "VIOLATION VC-7 USE_AFTER_CLOSE");
  }

  @Test
  void peerUsingTheHandleAfterItsDeleteIsVc8() {
    NdisVcHandle vc = f.clientVc();
    f.cl.coDeleteVc(vc);
    f.rec.clear();

    f.cmApi.cmDispatchCallConnected(vc);
    assertThat(f.rec.ruleIds()).containsExactly("VC-8");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void neverIssuedHandleIsReportedAndRefused() {
    assertThat(f.cl.coDeleteVc(new NdisVcHandle(42))).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.lines("use", "VIOLATION")).containsExactly("use vc#42 INVALID", "VIOLATION VC-7 USE_AFTER_CLOSE");
  }

  @Test
  void onlyTheCreatorMayDelete() {
    NdisVcHandle vc = f.clientVc();
    f.rec.clear();

    assertThat(f.cmApi.coDeleteVc(vc)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("VC-4");
    assertThat(f.rec.handlers()).isEmpty();
    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);
  }

  @Test
  void deleteWhileACallIsUpIsNotAccepted() {
    NdisVcHandle vc = f.connectedCall();
    f.rec.clear();

    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.NOT_ACCEPTED);
    assertThat(f.rec.ruleIds()).containsExactly("VC-5");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void deleteWhileDeactivationIsPendingIsClosing() {
    NdisVcHandle vc = f.clientVc();
    f.cm.activate(vc);
    f.miniport.deactivateReturn = NdisStatus.PENDING;
    assertThat(f.cm.deactivate(vc)).isEqualTo(NdisStatus.PENDING);
    f.rec.clear();

    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.CLOSING);
    assertThat(f.rec.ruleIds()).containsExactly("VC-6");
  }

  @Test
  void peerRefusingTheDeleteKeepsTheVc() {
    NdisVcHandle vc = f.clientVc();
    f.cm.deleteVcReturn = NdisStatus.NOT_ACCEPTED;

    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.NOT_ACCEPTED); // OQ-15
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.ndis.snapshot().undeletedVcs()).hasSize(1);

    f.cm.deleteVcReturn = NdisStatus.SUCCESS;
    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.ndis.snapshot().undeletedVcs()).isEmpty();
  }

  @Test
  void protocolCoDeleteVcReturningPendingIsGen5() {
    NdisVcHandle vc = f.clientVc();
    f.cm.deleteVcReturn = NdisStatus.PENDING;

    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("GEN-5");
  }

  @Test
  void synchronousActivationConsumesTheTokenAndCallsNoCompletion() {
    NdisVcHandle vc = f.clientVc();
    f.rec.clear();

    assertThat(f.cm.activate(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.lines("open", "done", "->")).containsExactly(
        "open ACTIVATE_VC[vc#1]",
        "-> MINIPORT MiniportCoActivateVc(miniport.vc#" + miniportContextId() + ", cm.activation#" + lastContextId() + ")",
        "done ACTIVATE_VC[vc#1] SUCCESS final");
    assertThat(f.cm.calls).noneMatch(c -> c.startsWith("ProtocolCmActivateVcComplete"));
  }

  @Test
  void pendedActivationCompletesOnceThroughTheCallManagersHandler() {
    NdisVcHandle vc = f.clientVc();
    f.miniport.activateReturn = NdisStatus.PENDING;
    assertThat(f.cm.activate(vc)).isEqualTo(NdisStatus.PENDING);
    assertThat(f.ndis.snapshot().outstandingRequests()).hasSize(1);
    f.rec.clear();

    f.mp.mCoActivateVcComplete(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.lines("done", "->")).containsExactly(
        "done ACTIVATE_VC[vc#1] SUCCESS pended",
        "-> CALL_MANAGER ProtocolCmActivateVcComplete(SUCCESS, cm.vc#" + f.cm.vcContext.id() + ", null)");
    assertThat(f.ndis.snapshot().vcs().get(0).activation()).isEqualTo(VcActivation.ACTIVE);

    f.rec.clear();
    f.mp.mCoActivateVcComplete(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.lines("VIOLATION")).containsExactly("VIOLATION GEN-6 DOUBLE_COMPLETE");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void pendingGivenToAnActivationCompleteIsNotDelivered() {
    NdisVcHandle vc = f.clientVc();
    f.miniport.activateReturn = NdisStatus.PENDING;
    f.cm.activate(vc);
    f.rec.clear();

    f.mp.mCoActivateVcComplete(NdisStatus.PENDING, vc, null);
    assertThat(f.rec.ruleIds()).containsExactly("GEN-4");
    assertThat(f.rec.handlers()).isEmpty();
    assertThat(f.ndis.snapshot().outstandingRequests()).hasSize(1);

    f.mp.mCoActivateVcComplete(NdisStatus.FAILURE, vc, null);
    assertThat(f.rec.handlers()).containsExactly("ProtocolCmActivateVcComplete");
    assertThat(f.ndis.snapshot().vcs().get(0).activation()).isEqualTo(VcActivation.INACTIVE);
  }

  @Test
  void completionOvertakingThePendingReturnIsNotAViolation() {
    NdisVcHandle vc = f.clientVc();
    f.miniport.activateReturn = NdisStatus.PENDING;
    f.miniport.inside.put("MiniportCoActivateVc", () -> f.mp.mCoActivateVcComplete(NdisStatus.SUCCESS, vc, null));
    f.rec.clear();

    assertThat(f.cm.activate(vc)).isEqualTo(NdisStatus.PENDING);
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.rec.lines("done", "<-", "ret")).containsExactly(
        "done ACTIVATE_VC[vc#1] SUCCESS pended",
        "<- ProtocolCmActivateVcComplete",
        "ret NdisMCoActivateVcComplete",
        "<- MiniportCoActivateVc PENDING",
        "ret NdisCmActivateVc PENDING");
  }

  @Test
  void completingAndThenReturningAFinalStatusIsADoubleCompletion() {
    NdisVcHandle vc = f.clientVc();
    f.miniport.inside.put("MiniportCoActivateVc", () -> f.mp.mCoActivateVcComplete(NdisStatus.SUCCESS, vc, null));

    assertThat(f.cm.activate(vc)).isEqualTo(NdisStatus.PENDING); // the CM must not run its completion logic again
    assertThat(f.rec.ruleIds()).containsExactly("GEN-6");
    assertThat(f.cm.calls).filteredOn(c -> c.startsWith("ProtocolCmActivateVcComplete")).hasSize(1);
  }

  @Test
  void secondDeactivationIsNotAccepted() {
    NdisVcHandle vc = f.clientVc();
    f.cm.activate(vc);
    assertThat(f.cm.deactivate(vc)).isEqualTo(NdisStatus.SUCCESS);
    f.rec.clear();

    assertThat(f.cm.deactivate(vc)).isEqualTo(NdisStatus.NOT_ACCEPTED);
    assertThat(f.rec.lines("VIOLATION")).containsExactly("VIOLATION VC-15 DOUBLE_COMPLETE");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void pendedDeactivationCompletesThroughTheCallManagersHandler() {
    NdisVcHandle vc = f.clientVc();
    f.cm.activate(vc);
    f.miniport.deactivateReturn = NdisStatus.PENDING;
    assertThat(f.cm.deactivate(vc)).isEqualTo(NdisStatus.PENDING);
    assertThat(f.ndis.snapshot().vcs().get(0).activation()).isEqualTo(VcActivation.DEACTIVATING);

    f.mp.mCoDeactivateVcComplete(NdisStatus.SUCCESS, vc);
    assertThat(f.cm.calls).last().asString().startsWith("ProtocolCmDeactivateVcComplete(SUCCESS");
    assertThat(f.ndis.snapshot().vcs().get(0).activation()).isEqualTo(VcActivation.INACTIVE);
    assertThat(f.cl.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void activationWhileAnotherIsPendingIsRefused() {
    NdisVcHandle vc = f.clientVc();
    f.miniport.activateReturn = NdisStatus.PENDING;
    f.cm.activate(vc);
    f.rec.clear();

    assertThat(f.cm.activate(vc)).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("GEN-6");
    assertThat(f.rec.handlers()).isEmpty();
  }

  @Test
  void eachDriverGetsItsOwnApiObject() {
    assertThat(f.cmApi).isNotInstanceOf(NdisMcmApi.class).isNotInstanceOf(NdisClientApi.class);
    assertThat(f.cl).isNotInstanceOf(NdisCmApi.class).isNotInstanceOf(NdisMcmApi.class);
    Fixture mcm = Fixture.mcm();
    assertThat(mcm.mcmApi).isNotInstanceOf(NdisCmApi.class);
  }

  @Test
  void eventsNameTheActingDriver() {
    NdisVcHandle vc = f.clientVc();
    f.rec.clear();
    f.cm.activate(vc);
    assertThat(f.rec.events).filteredOn(NdisEvent.ApiCalled.class::isInstance)
        .extracting(e -> ((NdisEvent.ApiCalled) e).caller()).containsExactly(Actor.CALL_MANAGER);
  }

  private int miniportContextId() {
    return f.ndis.snapshot().liveContexts().stream()
        .filter(c -> c.tag().equals("miniport.vc")).findFirst().orElseThrow().id();
  }

  private int lastContextId() {
    return f.ndis.snapshot().liveContexts().stream().mapToInt(c -> c.id()).max().orElseThrow();
  }
}
