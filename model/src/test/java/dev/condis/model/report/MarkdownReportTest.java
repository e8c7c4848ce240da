package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --format markdown}: what a GitHub job summary shows. */
class MarkdownReportTest {

  @Test
  void aSummaryTableAndForEachViolationItsRuleReplayAndMermaidDiagram() {
    String md = MarkdownReport.render(Fixtures.mixedSuite());

    assertThat(md).startsWith("## condis-verify: " + Fixtures.mixedSuite().verdict());
    assertThat(md).contains("| scenario | verdict | executions | states | depth | time | violated |");
    long rows = md.lines().filter(l -> l.startsWith("| `")).count();
    assertThat(rows).isEqualTo(Fixtures.mixedSuite().scenarios().size());
    assertThat(md).contains("exactly-once-completion [GEN-2]")
        .contains("### VIOLATION in `")
        .contains("```sh\n" + Fixtures.REPLAY + "\n```")
        .contains("```mermaid\nsequenceDiagram");
  }
}
