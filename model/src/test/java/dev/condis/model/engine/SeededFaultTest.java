package dev.condis.model.engine;

import dev.condis.model.explorer.ExplorerEngine;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.scenario.FaultScenarios;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.reference.fault.SeededFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every seeded fault is caught, in the scenario where it shows, by the property its catalog
 * entry names and with the catalog's rule ID; and its counterexample replays to the same
 * violation, with a trace and a replay command.
 */
@Execution(ExecutionMode.CONCURRENT) // independent searches: one per core
class SeededFaultTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(SeededFault.class)
  void caughtByItsPropertyWithItsRuleAndReplays(SeededFault fault) {
    ScenarioConfig config = FaultScenarios.forFault(fault);
    VerificationResult r = Runs.verify(config);

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VIOLATION);
    Counterexample cex = r.counterexample().orElseThrow();
    assertThat(cex.violation().property()).as(Runs.describe(r)).isEqualTo(fault.property());
    assertThat(cex.violation().ruleId()).as(Runs.describe(r)).isEqualTo(fault.ruleId());
    assertThat(r.detail()).as("replayed to the same violation").isEmpty();
    assertThat(cex.trace()).isNotEmpty();
    assertThat(cex.replayCommand())
        .startsWith("./condis-verify replay --scenario " + config.scenario())
        .contains("--inject " + fault.cliName())
        .endsWith(" " + cex.schedule());

    ReplayResult replay = new ExplorerEngine().replay(config, cex.schedule());
    assertThat(replay.diverged()).isFalse();
    assertThat(replay.violation()).contains(cex.violation());
    assertThat(replay.trace()).isEqualTo(cex.trace());
  }
}
