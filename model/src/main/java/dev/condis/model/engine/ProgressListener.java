package dev.condis.model.engine;

import java.time.Duration;

/** Called now and then during a search, e.g. to drive a progress bar or print progress lines. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (executions, elapsed) -> {};

  void progress(long executions, Duration elapsed);

  /**
   * With the distinct states the state cache has recorded so far ({@code -1}: not known, e.g.
   * the cache is off). The explorer engine calls this one; it defaults to the other.
   */
  default void progress(long executions, long states, Duration elapsed) {
    progress(executions, elapsed);
  }
}
