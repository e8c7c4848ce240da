package dev.condis.reference.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.system.CallManagerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every combination of the data choices a scenario touches, run deterministically (one
 * interleaving: deferred calls run in FIFO order once the scenario settles): pended and
 * inline handlers, completions from inside the handler (GEN-8), success and failure statuses,
 * accepted, pended and rejected offers, refused close data. Each run must end clean: no
 * violation, every request completed exactly once (GEN-1, GEN-2, GEN-6, GEN-7), nothing
 * outstanding, no context or VC left (VC-16). The interleavings themselves are the model
 * checker's job (model/).
 */
class ChoiceSweepTest {

  private record Scenario(String name, Map<String, Integer> arities, Consumer<ReferenceRun> body) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, Integer> arities(Object... labelsAndArities) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < labelsAndArities.length; i += 2) {
      map.put((String) labelsAndArities[i], (Integer) labelsAndArities[i + 1]);
    }
    return map;
  }

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario(
              "make-close (MAKE, CLOSE, MAKE-14, CLOSE-7, CLOSE-18)",
              arities("makeCall.pend", 2, "makeCall.status", 2, "closeCall.pend", 3,
                  "closeData.supported", 2, "miniport.activateVc.pend", 2, "miniport.deactivateVc.pend", 2),
              run -> {
                run.client().makeCall(0);
                run.client().closeCall(); // while the make-call may still pend (MAKE-13)
              }),
          new Scenario(
              "multipoint (ADD, DROP, CLOSE-1, DROP-10)",
              arities("makeCall.pend", 2, "addParty.pend", 2, "addParty.status", 2, "dropParty.pend", 2,
                  "closeCall.pend", 3, "closeData.supported", 2),
              run -> {
                run.client().makeCall(3);
                run.client().dropParty();
                run.client().closeCall(); // may wait for adds (ADD-9) and drops (DROP-10)
              }),
          new Scenario(
              "incoming call (INCALL, CLOSE-10, CLOSE-11)",
              arities("client.incomingCall.answer", 3, "client.incomingCall.pendedAnswer", 2, "closeCall.pend", 3,
                  "closeData.supported", 2, "miniport.activateVc.pend", 2, "miniport.deactivateVc.pend", 2),
              run -> {
                run.callManager().offerIncomingCall();
                run.client().closeCall(); // OQ-24: waits for the connection
              }),
          new Scenario(
              "incoming close on a multipoint call (ICLOSE-3..7)",
              arities("makeCall.pend", 2, "addParty.pend", 2, "dropParty.pend", 2, "closeCall.pend", 3,
                  "miniport.deactivateVc.pend", 2),
              run -> {
                run.client().makeCall(2);
                run.settle();
                run.callManager().remoteClose();
              }),
          new Scenario(
              "incoming drop then close (IDROP-1..5, OQ-14)",
              arities("makeCall.pend", 2, "addParty.pend", 2, "dropParty.pend", 2, "closeCall.pend", 3),
              run -> {
                run.client().makeCall(3);
                run.settle();
                run.callManager().remoteDropParty();
                run.client().closeCall();
              }),
          new Scenario(
              "incoming call hung up by the network (ICLOSE-5, INCALL-5, INCALL-9)",
              arities("client.incomingCall.answer", 3, "client.incomingCall.pendedAnswer", 2, "closeCall.pend", 3,
                  "miniport.deactivateVc.pend", 2),
              run -> {
                run.callManager().offerIncomingCall();
                run.callManager().remoteClose(); // suppressed while unanswered (OQ-12)
                run.settle();
                run.callManager().remoteClose();
              }));

  static Stream<Arguments> sweeps() {
    return SCENARIOS.stream()
        .flatMap(s -> Stream.of(CallManagerKind.values()).map(k -> Arguments.of(s, k)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("sweeps")
  void everyChoiceCombinationEndsClean(Scenario scenario, CallManagerKind kind) {
    Map<String, Integer> arities = new LinkedHashMap<>(scenario.arities());
    if (kind == CallManagerKind.MCM) {
      arities.keySet().removeIf(label -> label.startsWith("miniport.")); // OQ-10: no miniport
    }
    List<String> labels = List.copyOf(arities.keySet());
    int combinations = arities.values().stream().reduce(1, (a, b) -> a * b);
    List<String> failures = new ArrayList<>();
    for (int n = 0; n < combinations; n++) {
      Object[] script = new Object[labels.size() * 2];
      int rest = n;
      for (int i = 0; i < labels.size(); i++) {
        int arity = arities.get(labels.get(i));
        script[2 * i] = labels.get(i);
        script[2 * i + 1] = rest % arity;
        rest /= arity;
      }
      ReferenceRun run = ReferenceRun.start(kind, script);
      try {
        scenario.body().accept(run);
        run.settle();
        NdisSnapshot end = run.finish();
        if (!run.violations().isEmpty() || !end.isClean()) {
          failures.add(ReferenceRun.choices(kind, script) + ": " + run.violations() + " " + end);
        }
      } catch (RuntimeException e) {
        failures.add(ReferenceRun.choices(kind, script) + ": " + e);
      }
    }
    assertThat(failures).as("%d combinations", combinations).isEmpty();
  }
}
