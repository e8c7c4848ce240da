package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.model.cli.Engines;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.reference.system.CallManagerKind;
import org.junit.jupiter.api.Test;

class EnginesTest {

  @Test
  void explorerIsRegisteredAndDefault() {
    assertThat(Engines.names()).first().isEqualTo("explorer");
    assertThat(Engines.defaultEngine()).isInstanceOf(ExplorerEngine.class);
    assertThat(Engines.find("explorer").name()).isEqualTo("explorer");
  }

  @Test
  void unknownEngineIsAClearError() {
    assertThatThrownBy(() -> Engines.find("spin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown engine 'spin'")
        .hasMessageContaining("explorer");
  }

  @Test
  void malformedScheduleIsBadInput() {
    assertThatThrownBy(
            () -> new ExplorerEngine()
                .replay(ScenarioCatalog.get("make-close").defaultConfig(CallManagerKind.MCM), "1.x.2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed schedule");
  }

  @Test
  void scheduleOfAnotherScenarioDiverges() {
    ReplayResult r =
        new ExplorerEngine()
            .replay(ScenarioCatalog.get("make-close").defaultConfig(CallManagerKind.MCM), "c1of7.9.9.9");
    assertThat(r.diverged()).isTrue();
    assertThat(r.violation()).isEmpty();
  }

  @Test
  void boundReachedIsInconclusiveNeverVerified() {
    VerificationRequest req =
        new VerificationRequest(
            ScenarioCatalog.get("multipoint").defaultConfig(CallManagerKind.STANDALONE),
            dev.condis.model.property.PropertyCatalog.defaultPropertyClasses(),
            Bounds.DEFAULT.withMaxExecutions(3),
            ProgressListener.NONE,
            com.google.common.collect.ImmutableMap.of());
    VerificationResult r = new ExplorerEngine().verify(req);
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.detail()).get().asString().contains("execution bound (3 executions)");
    assertThat(r.figures().executions()).isEqualTo(3);
  }

  @Test
  void replayCommandNamesEveryOption() {
    String cmd =
        CheckOptions.replayCommand(
            ScenarioCatalog.get("incoming-close-race").defaultConfig(CallManagerKind.MCM),
            dev.condis.model.property.PropertyCatalog.defaultPropertyClasses(),
            "0.1.c1of2");
    assertThat(cmd)
        .isEqualTo("./condis-verify replay --scenario incoming-close-race --parties 0 --cm mcm --vc client 0.1.c1of2");
  }
}
