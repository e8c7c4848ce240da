package dev.condis.model.cli;

import dev.condis.model.engine.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for one scenario's search, shown only once the search has run
 * for {@link #DELAY} (short searches print nothing), and never when disabled (stderr not a
 * terminal, or {@code --quiet}). The count is executions; the total is unknown, so the bar
 * shows the count, the rate and the elapsed time.
 */
final class ProgressReporter implements ProgressListener, AutoCloseable {
  static final Duration DELAY = Duration.ofSeconds(2);

  private final String task;
  private final boolean enabled;
  private final PrintStream err;
  private ProgressBar bar;
  private boolean closed;

  ProgressReporter(String task, boolean enabled, PrintStream err) {
    this.task = task;
    this.enabled = enabled;
    this.err = err;
  }

  @Override
  public synchronized void progress(long executions, Duration elapsed) {
    if (!enabled || closed) {
      return;
    }
    if (bar == null) {
      if (elapsed.compareTo(DELAY) < 0) {
        return;
      }
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(-1)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .setUnit(" executions", 1)
              .showSpeed()
              .setUpdateIntervalMillis(250)
              .clearDisplayOnFinish()
              .startsFrom(executions, elapsed)
              .build();
    }
    bar.stepTo(executions);
  }

  /** Whether a bar was ever shown (for tests). */
  synchronized boolean shown() {
    return bar != null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (bar != null) {
      bar.close();
    }
  }
}
