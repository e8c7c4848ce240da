package dev.condis.explorer;

/** A search bound that was reached; any of them makes a search inconclusive. */
public enum Bound {
  /** {@link SearchOptions#maxExecutions()} executions ran and work remained. */
  MAX_EXECUTIONS,
  /** Some execution needed more than {@link SearchOptions#maxDepth()} decisions and was cut. */
  MAX_DEPTH,
  /** {@link SearchOptions#timeBudget()} elapsed and work remained. */
  TIME_BUDGET
}
