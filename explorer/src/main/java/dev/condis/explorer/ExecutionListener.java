package dev.condis.explorer;

/**
 * Told at the end of every execution, in order, before the next one starts. Runs on a carrier
 * thread with the search paused: keep it quick.
 */
@FunctionalInterface
public interface ExecutionListener {
  void onExecutionEnd(ExecutionSummary summary);
}
