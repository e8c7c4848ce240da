package dev.condis.explorer;

/** Where an execution's decisions come from: the search tree, or a schedule being replayed. */
interface Decider {

  /**
   * The thread to run among {@code enabled} (at least two), or -1 after ending the execution
   * (redundant, too deep, diverged).
   */
  int pickThread(Execution ex, long enabled, int preferred);

  /** The value of a {@code choose} with {@code arity >= 2}, or -1 after ending the execution. */
  int chooseValue(Execution ex, ControlledThread t, String label, int arity);

  /** Called when the execution ended without failure: a replay checks it used every decision. */
  default void executionEnded(Execution ex) {}
}
