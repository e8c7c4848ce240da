package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.condis.model.proof.ProofCertificate;
import dev.condis.model.scenario.ChoiceConstraints;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.Premises;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.cm.ReferenceCallManager;
import dev.condis.reference.ddi.CallManagerEnvironment;
import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.ddi.StandaloneCallManager;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.ScriptedPlatform;
import dev.condis.reference.system.CallManagerKind;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A scenario keeps its premise or says it lost it: a call manager that never offers the
 * make-call status choice cannot fail a make-call, so make-call-failure with it is an ERROR
 * naming the missing choice, never VERIFIED.
 */
class PremiseTest {

  /** The reference call manager, except that its make-call status is never a choice: it always succeeds. */
  public static final class NeverFailsMakeCall implements StandaloneCallManager {
    private final ReferenceCallManager cm = new ReferenceCallManager();

    @Override
    public void initialize(CallManagerEnvironment env) {
      Platform real = env.platform();
      Platform noStatusChoice = (Platform) Proxy.newProxyInstance(Platform.class.getClassLoader(),
          new Class<?>[] {Platform.class}, (proxy, method, args) ->
              method.getName().equals("choose") && ((String) args[0]).endsWith("makeCall.status")
                  ? Integer.valueOf(0)
                  : method.invoke(real, args));
      cm.initialize(new CallManagerEnvironment(env.ndis(), noStatusChoice, env.tracker(), env.ndisAfHandle(),
          env.ndisSapHandle(), env.faults()));
    }

    @Override
    public void offerIncomingCall() {
      cm.offerIncomingCall();
    }

    @Override
    public void remoteClose() {
      cm.remoteClose();
    }

    @Override
    public void remoteDropParty() {
      cm.remoteDropParty();
    }

    @Override
    public void shutdown() {
      cm.shutdown();
    }

    @Override
    public CreateVcResult<CallMgrVcContext> protocolCoCreateVc(NdisVcHandle h) {
      return cm.protocolCoCreateVc(h);
    }

    @Override
    public NdisStatus protocolCoDeleteVc(CallMgrVcContext c) {
      return cm.protocolCoDeleteVc(c);
    }

    @Override
    public PartyResult protocolCmMakeCall(CallMgrVcContext c, CallParameters p, NdisPartyHandle h) {
      return cm.protocolCmMakeCall(c, p, h);
    }

    @Override
    public NdisStatus protocolCmCloseCall(CallMgrVcContext c, CallMgrPartyContext p, CloseData d) {
      return cm.protocolCmCloseCall(c, p, d);
    }

    @Override
    public PartyResult protocolCmAddParty(CallMgrVcContext c, CallParameters p, NdisPartyHandle h) {
      return cm.protocolCmAddParty(c, p, h);
    }

    @Override
    public NdisStatus protocolCmDropParty(CallMgrPartyContext p, CloseData d) {
      return cm.protocolCmDropParty(p, d);
    }

    @Override
    public void protocolCmIncomingCallComplete(NdisStatus s, CallMgrVcContext c, CallParameters p) {
      cm.protocolCmIncomingCallComplete(s, c, p);
    }

    @Override
    public void protocolCmActivateVcComplete(NdisStatus s, CallMgrVcContext c, CallParameters p) {
      cm.protocolCmActivateVcComplete(s, c, p);
    }

    @Override
    public void protocolCmDeactivateVcComplete(NdisStatus s, CallMgrVcContext c) {
      cm.protocolCmDeactivateVcComplete(s, c);
    }
  }

  private static ScenarioConfig makeCallFailure(DriverSelection drivers) {
    return ScenarioCatalog.get(ScenarioCatalog.MAKE_CALL_FAILURE)
        .config(0, CallManagerKind.STANDALONE, VcOwner.CLIENT, FaultSet.none(), drivers);
  }

  @Test
  void aCallManagerThatNeverFailsAMakeCallLosesMakeCallFailuresPremise() {
    VerificationResult r = Runs.verify(makeCallFailure(new DriverSelection(
        Optional.empty(), Optional.of(NeverFailsMakeCall.class.getName()), Optional.empty(), List.of())));

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.ERROR);
    assertThat(r.detail().orElseThrow())
        .startsWith("premise not met: scenario make-call-failure relies on the drivers offering the choice"
            + " 'makeCall.status'");
    assertThat(r.figures().executions()).isPositive(); // the search ran; its subject did not
    assertThat(ProofCertificate.status(r)).isNotEqualTo(ProofCertificate.Status.PROVED);
  }

  @Test
  void theReferenceCallManagerMeetsIt() {
    VerificationResult r = Runs.verify(makeCallFailure(DriverSelection.REFERENCE));

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VERIFIED);
  }

  @Test
  void aChoiceWithoutTheNarrowedValueInRangeDoesNotMeetThePremise() {
    Premises premises = new Premises(ImmutableList.of("makeCall.status", "closeCall.pend"));
    Platform p = ChoiceConstraints.of(Map.of("makeCall.status", new int[] {1}, "closeCall.pend", new int[] {2}))
        .apply(new ScriptedPlatform(), premises);

    p.choose("cm.makeCall.status", 2); // value 1 exists: met
    p.choose("cm.closeCall.pend", 2); // value 2 does not: explored in full, not met

    assertThat(premises.unmet()).containsExactly("closeCall.pend");
  }
}
