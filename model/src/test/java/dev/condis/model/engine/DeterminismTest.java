package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.scenario.FaultScenarios;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import org.junit.jupiter.api.Test;

/** The same scenario gives the same figures and the same first counterexample on every run. */
class DeterminismTest {

  private static void assertSameFigures(Figures a, Figures b) {
    assertThat(b.executions()).isEqualTo(a.executions());
    assertThat(b.pruned()).isEqualTo(a.pruned());
    assertThat(b.maxDepth()).isEqualTo(a.maxDepth());
    assertThat(b.decisionPoints()).isEqualTo(a.decisionPoints());
  }

  @Test
  void sameFiguresTwice() {
    ScenarioConfig config =
        ScenarioCatalog.get(ScenarioCatalog.MULTIPOINT).defaultConfig(CallManagerKind.MCM);
    VerificationResult first = Runs.verify(config);
    VerificationResult second = Runs.verify(config);
    assertThat(first.verdict()).isEqualTo(Verdict.VERIFIED);
    assertThat(second.verdict()).isEqualTo(first.verdict());
    assertSameFigures(first.figures(), second.figures());
  }

  @Test
  void sameFirstCounterexampleTwice() {
    ScenarioConfig config = FaultScenarios.forFault(SeededFault.CM_READS_PARTY_AFTER_FREE);
    VerificationResult first = Runs.verify(config);
    VerificationResult second = Runs.verify(config);
    assertThat(first.verdict()).isEqualTo(Verdict.VIOLATION);
    assertSameFigures(first.figures(), second.figures());
    Counterexample a = first.counterexample().orElseThrow();
    Counterexample b = second.counterexample().orElseThrow();
    assertThat(b.schedule()).isEqualTo(a.schedule());
    assertThat(b.violation()).isEqualTo(a.violation());
    assertThat(b.trace()).isEqualTo(a.trace());
    assertThat(b.replayCommand()).isEqualTo(a.replayCommand());
  }
}
