package dev.condis.model.report;

import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.Verdict;

/**
 * {@code --format markdown}: the summary as a GitHub-flavoured Markdown table, then per
 * violation the property, rule, message, replay command and the counterexample's Mermaid
 * sequence diagram (GitHub renders it). Meant to be appended to {@code $GITHUB_STEP_SUMMARY}.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(SuiteReport suite) {
    StringBuilder md = new StringBuilder();
    md.append("## condis-verify: ").append(suite.verdict()).append(" (exit ").append(suite.exitCode()).append(")\n\n");
    md.append(suite.scenarios().size()).append(" scenarios: ")
        .append(suite.count(Verdict.VERIFIED)).append(" verified, ")
        .append(suite.count(Verdict.VIOLATION)).append(" violation, ")
        .append(suite.count(Verdict.INCONCLUSIVE)).append(" inconclusive, ")
        .append(suite.count(Verdict.ERROR)).append(" error; ")
        .append(Formats.duration(suite.wallTime()))
        .append(suite.tool().gitCommit().map(c -> "; condis-verify " + suite.tool().version() + " at " + c).orElse(""))
        .append("\n\n");
    md.append("| scenario | verdict | executions | states | depth | time | violated |\n");
    md.append("|---|---|--:|--:|--:|--:|---|\n");
    for (ScenarioReport s : suite.scenarios()) {
      Figures f = s.result().figures();
      md.append("| `").append(cell(s.label())).append("` | ").append(s.verdict())
          .append(" | ").append(Formats.count(f.executions()))
          .append(" | ").append(Formats.count(f.states()))
          .append(" | ").append(Formats.count(f.maxDepth()))
          .append(" | ").append(Formats.duration(f.wallTime()))
          .append(" | ").append(s.result().counterexample()
              .map(c -> c.violation().property() + " [" + c.violation().ruleId() + "]")
              .orElse(s.verdict() == Verdict.VERIFIED ? "" : cell(s.result().detail().orElse(""))))
          .append(" |\n");
    }
    for (ScenarioReport s : suite.scenarios()) {
      s.result().counterexample().ifPresent(cex -> counterexample(md, s.label(), cex));
    }
    return md.toString();
  }

  private static void counterexample(StringBuilder md, String label, Counterexample cex) {
    md.append("\n### VIOLATION in `").append(label).append("`\n\n");
    md.append("**").append(cex.violation().property()).append(" [").append(cex.violation().ruleId()).append("]**: ")
        .append(cex.violation().message()).append("\n\n");
    md.append("Replay:\n\n```sh\n").append(cex.replayCommand()).append("\n```\n\n");
    md.append("```mermaid\n").append(MermaidDiagram.render(cex.trace())).append("```\n");
  }

  /** A table cell: no pipe or line break may end it early. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
