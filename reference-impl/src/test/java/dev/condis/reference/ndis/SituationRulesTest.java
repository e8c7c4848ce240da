package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import org.junit.jupiter.api.Test;

/**
 * A misstep that breaks a general rule is reported under the rule written for the situation it
 * happened in, when that rule has the same category (so the same property reports it): after
 * an incoming close (ICLOSE-3, ICLOSE-5, ICLOSE-6, ICLOSE-8), with a pended deactivation
 * (CLOSE-7). The general rule stays for the rest.
 */
class SituationRulesTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void acknowledgingAnIncomingCloseWithPartiesStillAttachedIsIclose3() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> f.cl.clCloseCall(call.vc(), call.parties().get(0), null));
    f.rec.clear();

    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, call.vc(), null);

    // The stub call manager then closes anyway: that CLOSE-1 is the call manager's.
    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-3", "CLOSE-1");
  }

  @Test
  void closingWithPartiesAttachedOtherwiseIsStillClose1() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.rec.clear();
    f.cm.closeCallReturn = NdisStatus.FAILURE; // as a call manager must (CLOSE-1)
    f.cm.deactivateInCloseCall = false;
    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-1");
  }

  @Test
  void aClientDeletingTheCallManagersVcAfterAnIncomingCloseIsIclose5() {
    NdisVcHandle vc = f.connectedIncomingCall();
    NdisStatus[] deleted = new NdisStatus[1];
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> deleted[0] = f.cl.coDeleteVc(vc));
    f.rec.clear();

    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);

    assertThat(deleted[0]).isEqualTo(NdisStatus.FAILURE);
    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-5");
  }

  @Test
  void aClientDeletingItsVcBeforeItsAcknowledgingCloseCompletedIsIclose6() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cm.deactivateInCloseCall = false;
    NdisStatus[] deleted = new NdisStatus[1];
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> {
      assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.PENDING);
      deleted[0] = f.cl.coDeleteVc(vc);
    });
    f.rec.clear();

    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);

    assertThat(deleted[0]).isEqualTo(NdisStatus.NOT_ACCEPTED);
    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-6");
  }

  @Test
  void aCallManagerDeactivatingBeforeTheClientsAcknowledgementIsIclose8() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null); // the stub client does not answer yet
    f.rec.clear();

    f.cm.deactivate(vc);

    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-8");
  }

  @Test
  void aCallManagerDeletingItsVcBeforeTheClientsAcknowledgementIsIclose8() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);
    f.rec.clear();

    assertThat(f.cmApi.coDeleteVc(vc)).isEqualTo(NdisStatus.NOT_ACCEPTED);

    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-8");
  }

  @Test
  void theAcknowledgedIncomingCloseLetsTheCallManagerDeactivateAndDelete() {
    NdisVcHandle vc = f.connectedIncomingCall();
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> f.cl.clCloseCall(vc, null, null));
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null); // the stub deactivates in ProtocolCmCloseCall
    assertThat(f.cmApi.coDeleteVc(vc)).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void completingAClosePendedWithItsDeactivationStillInFlightIsClose7() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.miniport.deactivateReturn = NdisStatus.PENDING; // the stub deactivates in ProtocolCmCloseCall
    assertThat(f.cl.clCloseCall(vc, null, null)).isEqualTo(NdisStatus.PENDING);
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);

    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-7");
  }

  @Test
  void completingAClosePendedWithoutAnyDeactivationIsStillClose8() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cm.deactivateInCloseCall = false;
    f.cl.clCloseCall(vc, null, null);
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);

    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-8");
  }

}
