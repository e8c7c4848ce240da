package dev.condis.model.engine;

import java.time.Duration;

/** Called now and then during a search, e.g. to drive a progress bar. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (executions, elapsed) -> {};

  void progress(long executions, Duration elapsed);
}
