package dev.condis.explorer;

/**
 * Thrown by {@link Runtime} calls in an execution the explorer has ended (failure, deadlock,
 * bound, redundant interleaving, timeout). It unwinds the controlled thread; programs must not
 * swallow it (catching {@code Throwable} must rethrow errors).
 */
public final class ExecutionAborted extends Error {
  private static final long serialVersionUID = 1L;

  /** Shared, without stack trace: aborts are frequent and carry no information. */
  static final ExecutionAborted INSTANCE = new ExecutionAborted();

  private ExecutionAborted() {
    super("execution ended by the explorer; let this error propagate", null, false, false);
  }
}
