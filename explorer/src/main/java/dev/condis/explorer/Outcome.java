package dev.condis.explorer;

/** How a search ended. */
public enum Outcome {
  /** Every execution was explored (up to equivalence) and none failed; no bound was reached. */
  COMPLETE,
  /** At least one execution failed. */
  FAILURE_FOUND,
  /** A bound ended the search or cut executions; never a proof. */
  BOUND_REACHED
}
