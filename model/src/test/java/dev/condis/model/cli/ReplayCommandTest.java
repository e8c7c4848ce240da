package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.engine.ReplayResult;
import dev.condis.model.engine.Verdict;
import dev.condis.model.property.Violation;
import dev.condis.model.report.Fixtures;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  private static final Violation GEN_2 = new Violation("exactly-once-completion", "GEN-2", "second completion");

  private static FakeEngines replaying(ReplayResult result) {
    return FakeEngines.answering(Verdict.VERIFIED).replaying((request, schedule) -> result);
  }

  @Test
  void replaysTheScheduleWithTheScenarioOptionsAndShowsItStepByStep() {
    FakeEngines engines = replaying(FakeEngines.replayResult("0.0.c1of2.1", Optional.of(GEN_2), Optional.empty()));
    FakeEngines.Run run =
        engines.run(
            "replay", "--scenario", "make-close", "--parties", "0", "--cm", "mcm", "--vc", "client",
            "--inject", "mcm-double-close-complete", "0.0.c1of2.1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(engines.replays).containsExactly("0.0.c1of2.1");
    assertThat(engines.replayRequests.get(0).config().callManagerKind()).isEqualTo(CallManagerKind.MCM);
    assertThat(engines.replayRequests.get(0).config().faults().asSet()).containsExactly(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE);
    assertThat(run.out())
        .startsWith("replay of make-close[parties=0,cm=mcm,vc=client,inject=")
        .contains("  schedule   0.0.c1of2.1")
        .contains("call NdisClCloseCall(vc#1)")
        .contains("```mermaid\nsequenceDiagram")
        .contains("  result     VIOLATION exactly-once-completion [GEN-2]: second completion")
        .contains("  schedule   followed exactly");
    assertThat(run.out().indexOf("call NdisClCloseCall")).isLessThan(run.out().indexOf("!! VIOLATION GEN-2"));
  }

  @Test
  void theReplayCommandACounterexamplePrintsIsAcceptedAsIs() {
    // CheckOptions.replayCommand puts the options first and the schedule last
    FakeEngines engines = replaying(FakeEngines.replayResult("c0of2.1.1", Optional.of(GEN_2), Optional.empty()));
    String line = "replay --scenario make-close --parties 0 --cm mcm --vc client --inject mcm-double-close-complete c0of2.1.1";
    assertThat(engines.run(line.split(" ")).exit()).isEqualTo(1);
    assertThat(engines.replays).containsExactly("c0of2.1.1");
  }

  @Test
  void saysWhenTheProgramDivergedFromTheSchedule() {
    FakeEngines engines =
        replaying(FakeEngines.replayResult("0.1", Optional.empty(), Optional.of("decision 2: thread 1 is not enabled")));
    FakeEngines.Run run = engines.run("replay", "--scenario", "make-close", "0.1");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out())
        .contains("  result     no violation in this execution")
        .contains("  schedule   DIVERGED: the program left the schedule: decision 2: thread 1 is not enabled");
  }

  @Test
  void aCleanRunExitsZero(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("replay.txt");
    FakeEngines engines = replaying(FakeEngines.replayResult("0.1", Optional.empty(), Optional.empty()));
    FakeEngines.Run run = engines.run("replay", "--scenario", "make-close", "--output", file.toString(), "0.1");
    assertThat(run.exit()).isZero();
    assertThat(Files.readString(file)).isEqualTo(run.out());
  }

  @Test
  void anEngineErrorDuringReplayIsAnInternalError() {
    FakeEngines engines =
        replaying(new ReplayResult("0.1", "0", Fixtures.trace(), Optional.empty(), Optional.empty(), Optional.of("carrier thread died")));
    FakeEngines.Run run = engines.run("replay", "--scenario", "make-close", "0.1");
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.errLines()).containsExactly("condis-verify: internal error during replay: carrier thread died");
    assertThat(run.out()).contains("  followed   0");
  }
}
