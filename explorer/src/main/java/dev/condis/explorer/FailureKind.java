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
  /** A thread made no runtime call for {@link SearchOptions#stallTimeout()}. */
  TIMEOUT,
  /**
   * The program started a thread of its own (not through {@link Runtime#spawn}), or such a
   * thread called the runtime: the explorer does not control it, so the interleavings it takes
   * part in are not explored.
   */
  UNCONTROLLED_THREAD,
  /** Replay took another path than the schedule, or the program is not deterministic. */
  REPLAY_DIVERGENCE
}
