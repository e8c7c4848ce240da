package dev.condis.model.engine;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import java.util.stream.Stream;
import dev.condis.model.scenario.Checkpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of the default suite (every scenario, both call-manager kinds, both VC owners
 * where the scenario takes both) is VERIFIED on the correct reference, exhaustively: the
 * explorer's search completed, no bound was reached. The suite runs with the state cache in
 * audit mode: every revisit of a fingerprint is compared with the full state it stood for, so a
 * fingerprint that merged two different states would fail here instead of pruning silently.
 */
@Execution(ExecutionMode.CONCURRENT) // independent searches: one per core
class DefaultSuiteTest {

  @BeforeAll
  static void auditTheStateCache() {
    System.setProperty(Checkpoints.AUDIT_PROPERTY, "true");
  }

  @AfterAll
  static void stopAuditing() {
    System.clearProperty(Checkpoints.AUDIT_PROPERTY);
  }

  static Stream<ScenarioConfig> suite() {
    return ScenarioCatalog.defaultSuite().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suite")
  void verifiedExhaustivelyOnTheReference(ScenarioConfig config) {
    VerificationResult r = Runs.verify(config);
    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VERIFIED);
    assertThat(r.detail()).hasValueSatisfying(d -> assertThat(d).startsWith("state cache: "));
    assertThat(r.figures().states()).as("distinct states the cache recorded").isPositive();
    assertThat(r.figures().executions()).isPositive();
    assertThat(r.properties())
        .contains("exactly-once-completion", "no-use-after-close", "no-leak", "status-discipline",
            "call-ordering", "deadlock", "no-uncaught-exception", "livelock", "hang", "controlled-threads");
  }
}
