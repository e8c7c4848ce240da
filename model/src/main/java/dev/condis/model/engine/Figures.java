package dev.condis.model.engine;

import java.time.Duration;

/**
 * What a search covered. Explorer: executions, executions pruned by the partial-order
 * reduction, maximum depth, decision points. JPF: {@code states} (new states) and
 * {@code executions} as JPF's end states; fields an engine does not know are -1.
 */
public record Figures(
    long executions,
    long pruned,
    long maxDepth,
    long decisionPoints,
    long states,
    Duration wallTime) {

  public double executionsPerSecond() {
    double seconds = wallTime.toNanos() / 1e9;
    return seconds <= 0 || executions < 0 ? 0 : executions / seconds;
  }
}
