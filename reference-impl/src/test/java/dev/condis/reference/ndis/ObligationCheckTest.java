package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import org.junit.jupiter.api.Test;

/**
 * Obligations a handler leaves undone are reported when the scenario has ended quiescent,
 * before the drivers' shutdown could clean up after them (ObligationCheck).
 */
class ObligationCheckTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void anIncomingDropNeverAnsweredIsIdrop2() {
    Fixture.Multipoint call = f.multipointCall(3);
    f.cmApi.cmDispatchIncomingDropParty(NdisStatus.SUCCESS, call.parties().get(2), null); // the stub client ignores it
    f.rec.clear();

    f.ndis.checkObligations();

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("IDROP-2 LEAK");
  }

  @Test
  void aCallManagerThatNeverFreesADroppedPartysStateIsDrop6() {
    Fixture.Multipoint call = f.multipointCall(2);
    assertThat(f.cl.clDropParty(call.parties().get(1), null)).isEqualTo(NdisStatus.SUCCESS); // the stub keeps it
    f.rec.clear();

    f.ndis.checkObligations();

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("DROP-6 LEAK");
  }

  @Test
  void aCallManagerThatFreesItInProtocolCmDropPartyIsClean() {
    Fixture.Multipoint call = f.multipointCall(2);
    f.cm.inside.put("ProtocolCmDropParty", () -> f.tracker.release(f.cm.partyContext, "DROP-6", "cm.ProtocolCmDropParty"));
    assertThat(f.cl.clDropParty(call.parties().get(1), null)).isEqualTo(NdisStatus.SUCCESS);
    f.rec.clear();

    f.ndis.checkObligations();

    assertThat(f.rec.violations()).isEmpty();
  }

  @Test
  void anIncomingCloseNeverAcknowledgedIsIclose4AndReportedOnce() {
    NdisVcHandle vc = f.connectedCall();
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null); // the stub client ignores it
    f.rec.clear();

    f.ndis.checkObligations();
    f.ndis.checkObligations();

    assertThat(f.rec.violations()).extracting(v -> v.ruleId()).containsExactly("ICLOSE-4");
  }

  @Test
  void aClientVcKeptAfterTheNetworkClosedItsCallWithAFailureIsIclose7() {
    NdisVcHandle vc = f.connectedCall();
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> f.cl.clCloseCall(vc, null, null));
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.FAILURE, vc, null);
    f.rec.clear();

    f.ndis.checkObligations();

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category()).containsExactly("ICLOSE-7 LEAK");
  }

  @Test
  void reusingItForAnotherCallIsIclose7Too() {
    NdisVcHandle vc = f.connectedCall();
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> f.cl.clCloseCall(vc, null, null));
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.FAILURE, vc, null);
    f.rec.clear();

    assertThat(f.cl.clMakeCall(vc, f.params("again"), null).status()).isEqualTo(NdisStatus.FAILURE);

    assertThat(f.rec.ruleIds()).containsExactly("ICLOSE-7");
  }

  @Test
  void afterASuccessfulIncomingCloseTheClientMayKeepItsVcForAnotherCall() {
    NdisVcHandle vc = f.connectedCall();
    f.client.inside.put("ProtocolClIncomingCloseCall", () -> f.cl.clCloseCall(vc, null, null));
    f.cmApi.cmDispatchIncomingCloseCall(NdisStatus.SUCCESS, vc, null);

    assertThat(f.cl.clMakeCall(vc, f.params("again"), null).status()).isEqualTo(NdisStatus.SUCCESS);
    f.ndis.checkObligations();

    assertThat(f.rec.violations()).isEmpty();
  }
}
