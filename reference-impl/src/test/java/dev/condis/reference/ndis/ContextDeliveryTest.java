package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.VcCreation;
import org.junit.jupiter.api.Test;

/**
 * NDIS touches every context before it hands it to a handler: a released one is a
 * USE_AFTER_CLOSE violation of the rule for that delivery, and the run goes on.
 */
class ContextDeliveryTest {
  private final Fixture f = Fixture.standalone();

  @Test
  void callManagerVcContextFreedTooEarlyIsVc11() {
    NdisVcHandle vc = f.clientVc();
    f.tracker.release(f.cm.vcContext, "VC-11", "cm frees its VC context while the VC lives");
    f.rec.clear();

    f.cl.clMakeCall(vc, f.params("p"), null);

    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.category())
        .containsExactly("VC-11 USE_AFTER_CLOSE");
    assertThat(f.rec.handlers()).contains("ProtocolCmMakeCall"); // delivered all the same
  }

  @Test
  void clientVcContextFreedBeforeTheCloseCompletesIsClose12() {
    NdisVcHandle vc = f.connectedCall();
    f.cm.closeCallReturn = NdisStatus.PENDING;
    f.cl.clCloseCall(vc, null, null);
    f.tracker.release(f.lastVcContext, "CLOSE-12", "client frees its VC context before the close completes");
    f.rec.clear();

    f.cmApi.cmCloseCallComplete(NdisStatus.SUCCESS, vc, null);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-12");
  }

  @Test
  void incomingCallParametersFreedBeforeDeliveryIsIncall4() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    CallParameters offer = f.params("cm.offer");
    f.tracker.release(offer, "INCALL-4", "cm frees its offer");
    f.rec.clear();

    f.cmApi.cmDispatchIncomingCall(f.sap, vc, offer);
    assertThat(f.rec.ruleIds()).containsOnly("INCALL-4");
  }

  @Test
  void answerParametersFreedBeforeTheCallManagerSeesThemIsIncall3() {
    NdisVcHandle vc = f.activatedCallManagerVc();
    f.client.incomingCallReturn = NdisStatus.PENDING;
    f.dispatchIncomingCall(vc);
    CallParameters answer = f.params("answer");
    f.tracker.release(answer, "INCALL-3", "freed");
    f.rec.clear();

    f.cl.clIncomingCallComplete(NdisStatus.FAILURE, vc, answer);
    assertThat(f.rec.ruleIds()).containsExactly("INCALL-3");
  }

  @Test
  void addPartyParametersFreedBeforeTheCompletionIsAdd8() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.cm.addPartyReturn = NdisStatus.PENDING;
    CallParameters params = f.params("add");
    NdisPartyHandle party = f.cl.clAddParty(call.vc(), f.partyContext(), params).ndisPartyHandle();
    f.tracker.release(params, "ADD-8", "client frees on PENDING");
    f.rec.clear();

    f.cmApi.cmAddPartyComplete(NdisStatus.SUCCESS, party, f.cm.newPartyContext(), params);
    assertThat(f.rec.ruleIds()).containsExactly("ADD-8");
  }

  @Test
  void callManagerPartyContextFreedBeforeTheCloseIsClose14() {
    Fixture.Multipoint call = f.multipointCall(1);
    f.tracker.release(f.cm.partyContext, "CLOSE-14", "cm frees its party state early");
    f.rec.clear();

    f.cl.clCloseCall(call.vc(), call.parties().get(0), null);
    assertThat(f.rec.ruleIds()).containsExactly("CLOSE-14");
  }

  @Test
  void contextNeverAllocatedThroughTheTrackerIsReportedNotThrown() {
    VcCreation created = f.cl.coCreateVc(f.af, new ProtocolVcContext("untracked"));
    assertThat(created.status()).isEqualTo(NdisStatus.SUCCESS);
    assertThat(f.rec.violations()).extracting(v -> v.ruleId() + " " + v.message())
        .singleElement().asString().startsWith("VC-11 NdisCoCreateVc: ProtocolVcContext(untracked) was never allocated");
  }
}
