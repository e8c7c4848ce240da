package dev.condis.explorer;

import java.time.Duration;

/**
 * Told now and then how far a search got (e.g. for a progress bar). Called on the thread that
 * called {@link Explorer#explore}, never on a controlled thread, so it may be slow.
 */
@FunctionalInterface
public interface ProgressListener {
  void onProgress(long executions, Duration elapsed);
}
