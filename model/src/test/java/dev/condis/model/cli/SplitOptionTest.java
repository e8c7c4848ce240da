package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.engine.Verdict;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.scenario.ScenarioCatalog;
import org.junit.jupiter.api.Test;

/**
 * Who splits a search: {@code --split} says so; otherwise the workers an instance would leave
 * idle split it (one instance, two workers), and a suite with more instances than workers is
 * not split. Bad values are bad input.
 */
class SplitOptionTest {

  @Test
  void oneInstanceOnTwoWorkersIsSplitInTwoAndASuiteIsNot() {
    FakeEngines one = FakeEngines.answering(Verdict.VERIFIED);
    assertThat(one.run("verify", "--scenario", "make-close", "--cm", "mcm", "--vc", "client", "--workers", "2").exit()).isZero();
    assertThat(one.requests.get(0).engineOptions())
        .containsEntry(ExplorerEngine.SPLIT, "2")
        .containsEntry(ExplorerEngine.SPLIT_DEPTH, Integer.toString(ExplorerEngine.DEFAULT_SPLIT_DEPTH));

    FakeEngines alone = FakeEngines.answering(Verdict.VERIFIED);
    assertThat(alone.run("verify", "--scenario", "make-close", "--cm", "mcm", "--vc", "client", "--workers", "1").exit()).isZero();
    assertThat(alone.requests.get(0).engineOptions()).doesNotContainKey(ExplorerEngine.SPLIT);

    FakeEngines suite = FakeEngines.answering(Verdict.VERIFIED);
    assertThat(suite.run("verify", "--workers", "2").exit()).isZero();
    assertThat(suite.requests).hasSize(ScenarioCatalog.defaultSuite().size())
        .allSatisfy(r -> assertThat(r.engineOptions()).doesNotContainKey(ExplorerEngine.SPLIT));
  }

  @Test
  void anExplicitSplitWinsAndCarriesItsDepth() {
    FakeEngines run = FakeEngines.answering(Verdict.VERIFIED);
    assertThat(run.run("verify", "--split", "3", "--split-depth", "9", "--workers", "1").exit()).isZero();
    assertThat(run.requests).allSatisfy(r -> assertThat(r.engineOptions())
        .containsEntry(ExplorerEngine.SPLIT, "3").containsEntry(ExplorerEngine.SPLIT_DEPTH, "9"));
  }

  @Test
  void badSplitsAreBadInput() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    FakeEngines.Run zero = engines.run("verify", "--split", "0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.errLines()).containsExactly("condis-verify: --split must be at least 1, not 0");
    FakeEngines.Run depthAlone = engines.run("verify", "--split-depth", "4", "--workers", "1");
    assertThat(depthAlone.exit()).isEqualTo(2);
    assertThat(depthAlone.errLines()).containsExactly("condis-verify: --split-depth needs --split (or more --workers than instances)");
    FakeEngines jpf = FakeEngines.answering(Verdict.VERIFIED).with("jpf", r -> FakeEngines.result(r, Verdict.VERIFIED));
    FakeEngines.Run onJpf = jpf.run("verify", "--engine", "jpf", "--split", "2");
    assertThat(onJpf.exit()).isEqualTo(2);
    assertThat(onJpf.errLines()).containsExactly("condis-verify: --split is for the explorer engine, not jpf");
    assertThat(engines.requests).isEmpty();
  }
}
