package dev.condis.model.engine;

import java.time.Duration;

/**
 * The bounds a search runs under. Reaching one ends the search as INCONCLUSIVE, never as
 * VERIFIED. A proof certificate states them.
 *
 * <p>{@code executionTimeout} is not a bound but the watchdog: how long one execution may go
 * without a synchronisation step before its stuck thread is reported as a {@code hang}
 * violation; null for no watchdog (a replay under a debugger).
 */
public record Bounds(long maxExecutions, int maxDepth, Duration timeBudget, Duration executionTimeout) {
  /** Generous: an execution takes about a millisecond, so no slow machine goes this long without a step. */
  public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofSeconds(30);

  public static final Bounds DEFAULT = new Bounds(2_000_000, 2_000, Duration.ofMinutes(10));

  public Bounds {
    if (maxExecutions <= 0 || maxDepth <= 0 || timeBudget.isNegative() || timeBudget.isZero()
        || executionTimeout != null && (executionTimeout.isNegative() || executionTimeout.isZero())) {
      throw new IllegalArgumentException("bounds must be positive: " + maxExecutions + ", " + maxDepth + ", "
          + timeBudget + ", " + executionTimeout);
    }
  }

  /** Bounds with the default watchdog. */
  public Bounds(long maxExecutions, int maxDepth, Duration timeBudget) {
    this(maxExecutions, maxDepth, timeBudget, DEFAULT_EXECUTION_TIMEOUT);
  }

  public Bounds withMaxExecutions(long n) {
    return new Bounds(n, maxDepth, timeBudget, executionTimeout);
  }

  public Bounds withTimeBudget(Duration d) {
    return new Bounds(maxExecutions, maxDepth, d, executionTimeout);
  }

  /** The same bounds with another watchdog limit; null for none. */
  public Bounds withExecutionTimeout(Duration d) {
    return new Bounds(maxExecutions, maxDepth, timeBudget, d);
  }
}
