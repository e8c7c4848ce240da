package dev.condis.explorer;

/** What went wrong in a failing execution. */
public enum FailureKind {
  /** {@link Runtime#fail} was called. */
  ASSERTION,
  /** A controlled thread's body threw. */
  UNCAUGHT_EXCEPTION,
  /** Every live thread is blocked, or a thread re-acquired its own lock or joined itself. */
  DEADLOCK,
  /** The execution made more runtime calls than {@link SearchOptions#maxStepsPerExecution()}. */
  STEP_BOUND,
  /** The execution ran longer than {@link SearchOptions#perExecutionTimeout()}. */
  TIMEOUT,
  /** Replay took another path than the schedule, or the program is not deterministic. */
  REPLAY_DIVERGENCE
}
