package dev.condis.model.report;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A run of one or more scenarios: what every report format is written from. */
public record SuiteReport(
    ToolInfo tool, Instant startedAt, Duration wallTime, ImmutableList<ScenarioReport> scenarios) {

  public SuiteReport(
      ToolInfo tool, Instant startedAt, Duration wallTime, List<ScenarioReport> scenarios) {
    this(tool, startedAt, wallTime, ImmutableList.copyOf(scenarios));
  }

  /** The worst verdict of the scenarios (VERIFIED for none). */
  public Verdict verdict() {
    return Verdict.worst(scenarios.stream().map(ScenarioReport::verdict).toList());
  }

  public int exitCode() {
    return verdict().exitCode();
  }

  public long count(Verdict verdict) {
    return scenarios.stream().filter(s -> s.verdict() == verdict).count();
  }
}
