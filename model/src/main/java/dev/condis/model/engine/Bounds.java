package dev.condis.model.engine;

import java.time.Duration;

/**
 * The bounds a search runs under. Reaching one ends the search as INCONCLUSIVE, never as
 * VERIFIED. A proof certificate states them.
 */
public record Bounds(long maxExecutions, int maxDepth, Duration timeBudget) {
  public static final Bounds DEFAULT = new Bounds(2_000_000, 2_000, Duration.ofMinutes(10));

  public Bounds {
    if (maxExecutions <= 0 || maxDepth <= 0 || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("bounds must be positive: " + maxExecutions + ", " + maxDepth + ", " + timeBudget);
    }
  }

  public Bounds withMaxExecutions(long n) {
    return new Bounds(n, maxDepth, timeBudget);
  }

  public Bounds withTimeBudget(Duration d) {
    return new Bounds(maxExecutions, maxDepth, d);
  }
}
