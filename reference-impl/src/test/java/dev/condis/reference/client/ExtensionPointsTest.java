package dev.condis.reference.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.cm.ReferenceCallManager;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.scenario.ReferenceRun;
import dev.condis.reference.system.CallManagerKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference drivers are extended by overriding their handlers (PLUGINS.md, "Extending the
 * reference drivers"): an override of the client's completion handler sees the completions
 * of requests that returned a final status too, and a call manager subclass is a working
 * call manager.
 */
class ExtensionPointsTest {

  static final class RecordingClient extends ReferenceClient {
    final List<String> seen = new ArrayList<>();

    @Override
    public void protocolClMakeCallComplete(NdisStatus status, ProtocolVcContext vc, NdisPartyHandle party,
        CallParameters parameters) {
      seen.add("make " + status);
      super.protocolClMakeCallComplete(status, vc, party, parameters);
    }

    @Override
    public void protocolClCloseCallComplete(NdisStatus status, ProtocolVcContext vc, ProtocolPartyContext party) {
      seen.add("close " + status);
      super.protocolClCloseCallComplete(status, vc, party);
    }
  }

  static final class CountingCallManager extends ReferenceCallManager {
    int makeCalls;

    @Override
    public PartyResult protocolCmMakeCall(CallMgrVcContext vc, CallParameters parameters, NdisPartyHandle party) {
      makeCalls++;
      return super.protocolCmMakeCall(vc, parameters, party);
    }
  }

  @Test
  void inLineCompletionsReachTheOverriddenHandlers() {
    RecordingClient client = new RecordingClient();
    ReferenceRun run = ReferenceRun.startWith(CallManagerKind.STANDALONE, d -> d.client = client);

    run.client().makeCall(0); // every request completes in-line by default: no NDIS completion
    run.client().closeCall();
    run.settle();
    run.finishClean();

    assertThat(run.handlerCount("ProtocolClMakeCallComplete")).isZero();
    assertThat(client.seen).containsExactly("make SUCCESS", "close SUCCESS");
  }

  @Test
  void aSubclassOfTheReferenceCallManagerIsACallManager() {
    CountingCallManager cm = new CountingCallManager();
    ReferenceRun run = ReferenceRun.startWith(CallManagerKind.STANDALONE, d -> d.callManager = cm, "makeCall.pend", 1);

    run.client().makeCall(0);
    run.client().closeCall();
    run.settle();
    run.finishClean();

    assertThat(cm.makeCalls).isEqualTo(1);
  }
}
