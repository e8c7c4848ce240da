package dev.condis.model.cli;

/** {@code --format}: the text report, JSON, JUnit XML, or SARIF 2.1.0. */
public enum ReportFormat {
  text,
  json,
  junit,
  sarif
}
