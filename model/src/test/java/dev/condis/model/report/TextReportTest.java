package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void aVerifiedScenarioShowsVerdictPropertiesAndFigures() {
    String text = TextReport.scenario(Fixtures.report(Fixtures.verified("make-close")), 1, 3);
    assertThat(text)
        .startsWith("[1/3] make-close[parties=0,cm=standalone,vc=client]  (engine explorer)")
        .contains("verdict    VERIFIED: every execution explored, no property failed")
        .contains("properties exactly-once-completion, no-use-after-close, no-leak")
        .contains("figures    1,500 executions, 500 pruned, max depth 42, 17 decision points, 1.23 s (1,216 executions/s)")
        .contains("bounds     100 executions, depth 500, 30.0 s")
        .doesNotContain("states");
  }

  @Test
  void aViolationShowsPropertyRuleChartMermaidAndReplayCommand() {
    String text = TextReport.scenario(Fixtures.report(Fixtures.violation("make-close")), 2, 3);
    assertThat(text)
        .contains("verdict    VIOLATION")
        .contains("violated   exactly-once-completion [GEN-2]: second completion of CLOSE_CALL#2[vc#1]")
        .contains("schedule   " + Fixtures.SCHEDULE)
        .contains("sequence chart (15 steps):")
        .contains("```mermaid\nsequenceDiagram\n")
        .contains("replay     " + Fixtures.REPLAY);
    assertThat(text.indexOf("sequence chart")).isLessThan(text.indexOf("```mermaid"));
    assertThat(text.indexOf("```mermaid")).isLessThan(text.indexOf("replay     "));
  }

  @Test
  void inconclusiveAndErrorSayWhy() {
    assertThat(TextReport.scenario(Fixtures.report(Fixtures.inconclusive("multipoint")), 1, 1))
        .contains("verdict    INCONCLUSIVE: execution bound reached (100 executions); nothing is claimed");
    assertThat(TextReport.scenario(Fixtures.report(Fixtures.error("combined")), 1, 1))
        .contains("verdict    ERROR: internal error: java.lang.IllegalStateException: boom")
        .contains("figures    0.00 s");
  }

  @Test
  void theSummaryHasOneRowPerScenarioAndTheOverallVerdict() {
    String summary = TextReport.summary(Fixtures.mixedSuite());
    List<String> lines = summary.lines().toList();
    assertThat(lines.get(0)).isEqualTo("Summary");
    assertThat(lines.get(1).trim().split("\\s+"))
        .containsExactly("scenario", "verdict", "executions", "pruned", "depth", "time", "violated");
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).contains("VIOLATION").contains("exactly-once-completion [GEN-2]"))
        .anySatisfy(l -> assertThat(l).contains("combined[parties=0,cm=standalone,vc=client]").contains("ERROR"));
    assertThat(summary)
        .endsWith("ERROR (exit 4): 5 scenarios, 2 verified, 1 violation, 1 inconclusive, 1 error, 4.32 s\n");
  }
}
