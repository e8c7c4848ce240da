package dev.condis.model.engine;

import java.time.Duration;

/**
 * What a search covered. Explorer: executions, executions pruned by the partial-order
 * reduction, maximum depth, decision points. JPF: {@code states} (new states) and
 * {@code executions} as JPF's end states, and {@code peakHeapMiB}, the peak heap of JPF's own JVM
 * (its "max memory"; the explorer searches in the caller's JVM, which measures it there); fields
 * an engine does not know are -1.
 */
public record Figures(
    long executions,
    long pruned,
    long maxDepth,
    long decisionPoints,
    long states,
    Duration wallTime,
    long peakHeapMiB) {

  /** Figures without a heap figure. */
  public Figures(long executions, long pruned, long maxDepth, long decisionPoints, long states, Duration wallTime) {
    this(executions, pruned, maxDepth, decisionPoints, states, wallTime, -1);
  }

  public double executionsPerSecond() {
    double seconds = wallTime.toNanos() / 1e9;
    return seconds <= 0 || executions < 0 ? 0 : executions / seconds;
  }
}
