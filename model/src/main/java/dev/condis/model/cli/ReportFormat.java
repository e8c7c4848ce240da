package dev.condis.model.cli;

/** {@code --format}: the text report, JSON, JUnit XML, SARIF 2.1.0, or Markdown. */
public enum ReportFormat {
  text,
  json,
  junit,
  sarif,
  markdown
}
