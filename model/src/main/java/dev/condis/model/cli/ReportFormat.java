package dev.condis.model.cli;

import dev.condis.model.report.JsonReport;
import dev.condis.model.report.JunitXmlReport;
import dev.condis.model.report.MarkdownReport;
import dev.condis.model.report.SarifReport;
import dev.condis.model.report.SuiteReport;
import dev.condis.model.report.TextReport;

/** {@code --format}: the text report, JSON, JUnit XML, SARIF 2.1.0, or Markdown. */
public enum ReportFormat {
  text,
  json,
  junit,
  sarif,
  markdown;

  /** {@code suite} in this format (verify and merge write the same reports). */
  String render(SuiteReport suite) {
    return switch (this) {
      case text -> TextReport.render(suite);
      case json -> JsonReport.render(suite);
      case junit -> JunitXmlReport.render(suite);
      case sarif -> SarifReport.render(suite);
      case markdown -> MarkdownReport.render(suite);
    };
  }
}
