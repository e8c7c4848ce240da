package dev.condis.model.cli;

/** {@code --format}: the text report, JSON, or JUnit XML. */
public enum ReportFormat {
  text,
  json,
  junit
}
