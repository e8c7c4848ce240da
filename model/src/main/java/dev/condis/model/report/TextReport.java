package dev.condis.model.report;

import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.engine.Verdict;
import java.util.List;

/**
 * The console report: per scenario a block with the verdict, the properties checked, the
 * figures and, for a violation, the counterexample (violated property and rule, schedule,
 * text sequence chart, Mermaid diagram, replay command); then a summary table.
 */
public final class TextReport {
  private TextReport() {}

  /** The whole report: every scenario block, then the summary. */
  public static String render(SuiteReport suite) {
    StringBuilder out = new StringBuilder();
    int i = 1;
    for (ScenarioReport s : suite.scenarios()) {
      out.append(scenario(s, i++, suite.scenarios().size())).append('\n');
    }
    out.append(summary(suite));
    return out.toString();
  }

  /** One scenario's block, headed "[i/n] label". */
  public static String scenario(ScenarioReport report, int index, int total) {
    VerificationResult r = report.result();
    StringBuilder out = new StringBuilder();
    out.append('[').append(index).append('/').append(total).append("] ").append(report.label());
    out.append("  (engine ").append(r.engine()).append(")\n");
    field(out, "verdict", verdictLine(r));
    field(out, "properties", r.properties().isEmpty() ? "(none)" : String.join(", ", r.properties()));
    field(out, "figures", Formats.figures(r.figures()));
    field(
        out,
        "bounds",
        Formats.count(report.bounds().maxExecutions())
            + " executions, depth "
            + Formats.count(report.bounds().maxDepth())
            + ", "
            + Formats.duration(report.bounds().timeBudget()));
    r.counterexample().ifPresent(cex -> counterexample(out, cex));
    return out.toString();
  }

  static String verdictLine(VerificationResult r) {
    String detail = r.detail().filter(d -> !d.isBlank()).orElse(null);
    return switch (r.verdict()) {
      case VERIFIED -> "VERIFIED: every execution explored, no property failed" + (detail == null ? "" : "; " + detail);
      case VIOLATION -> "VIOLATION" + (detail == null ? "" : ": " + detail);
      case INCONCLUSIVE ->
          "INCONCLUSIVE: "
              + (detail == null ? "a bound ended the search" : detail)
              + (detail != null && detail.contains("nothing is claimed") ? "" : "; nothing is claimed");
      case ERROR -> "ERROR: " + (detail == null ? "the engine failed" : detail);
    };
  }

  private static void counterexample(StringBuilder out, Counterexample cex) {
    field(
        out,
        "violated",
        cex.violation().property() + " [" + cex.violation().ruleId() + "]: " + cex.violation().message());
    if (cex.schedule() != null && !cex.schedule().isBlank()) {
      field(out, "schedule", cex.schedule());
    }
    List<TraceStep> steps = TraceStep.of(cex.trace());
    out.append("  sequence chart (").append(steps.size()).append(" steps):\n");
    out.append(SequenceChart.renderSteps(steps, 4));
    out.append("  mermaid:\n");
    out.append("```mermaid\n").append(MermaidDiagram.renderSteps(steps)).append("```\n");
    if (cex.replayCommand() != null && !cex.replayCommand().isBlank()) {
      field(out, "replay", cex.replayCommand());
    }
  }

  /** The summary table and the overall verdict with its exit code. */
  public static String summary(SuiteReport suite) {
    Tables table =
        Tables.withHeader(
            List.of("scenario", "verdict", "executions", "pruned", "depth", "time", "violated"),
            60, 12, 12, 10, 6, 12, 40);
    for (ScenarioReport s : suite.scenarios()) {
      Figures f = s.result().figures();
      table.row(
          s.label(),
          s.verdict().name(),
          Formats.count(f.executions()),
          Formats.count(f.pruned()),
          Formats.count(f.maxDepth()),
          Formats.duration(f.wallTime()),
          s.result()
              .counterexample()
              .map(c -> c.violation().property() + " [" + c.violation().ruleId() + "]")
              .orElse(""));
    }
    StringBuilder out = new StringBuilder("Summary\n");
    out.append(table.render(2));
    out.append(String.format(
        "%s (exit %d): %d scenario%s, %d verified, %d violation, %d inconclusive, %d error, %s\n",
        suite.verdict(),
        suite.exitCode(),
        suite.scenarios().size(),
        suite.scenarios().size() == 1 ? "" : "s",
        suite.count(Verdict.VERIFIED),
        suite.count(Verdict.VIOLATION),
        suite.count(Verdict.INCONCLUSIVE),
        suite.count(Verdict.ERROR),
        Formats.duration(suite.wallTime())));
    return out.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(String.format("%-11s", name)).append(value).append('\n');
  }
}
