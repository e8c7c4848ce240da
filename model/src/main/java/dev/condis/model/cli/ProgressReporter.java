package dev.condis.model.cli;

import dev.condis.model.engine.ProgressListener;
import dev.condis.model.report.Formats;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One scenario's search progress on stderr, in the form {@code --progress} asks for: a bar
 * (a terminal), shown once the search has run for {@link #DELAY}; lines (a CI log, TLC-style),
 * one every {@link #LINE_INTERVAL} with the scenario, executions, states, rate and elapsed
 * time; or nothing. Short searches print nothing either way.
 */
final class ProgressReporter implements ProgressListener, AutoCloseable {
  static final Duration DELAY = Duration.ofSeconds(2);
  static final Duration LINE_INTERVAL = Duration.ofSeconds(10);

  /** What {@code --progress} resolved to for this run. */
  enum Mode {
    BAR,
    LINES,
    OFF
  }

  private final String task;
  private final Mode mode;
  private final PrintStream err;
  private ProgressBar bar;
  private Duration nextLine = LINE_INTERVAL;
  private int lines;
  private boolean closed;

  ProgressReporter(String task, Mode mode, PrintStream err) {
    this.task = task;
    this.mode = mode;
    this.err = err;
  }

  /** A bar if {@code enabled}, else nothing (the old two-way switch). */
  ProgressReporter(String task, boolean enabled, PrintStream err) {
    this(task, enabled ? Mode.BAR : Mode.OFF, err);
  }

  @Override
  public void progress(long executions, Duration elapsed) {
    progress(executions, -1, elapsed);
  }

  @Override
  public synchronized void progress(long executions, long states, Duration elapsed) {
    if (closed) {
      return;
    }
    switch (mode) {
      case BAR -> bar(executions, elapsed);
      case LINES -> line(executions, states, elapsed);
      case OFF -> { }
    }
  }

  private void line(long executions, long states, Duration elapsed) {
    if (elapsed.compareTo(nextLine) < 0) {
      return;
    }
    while (nextLine.compareTo(elapsed) <= 0) {
      nextLine = nextLine.plus(LINE_INTERVAL);
    }
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    err.printf("progress %s: %s executions, %s, %s executions/s, %s elapsed%n",
        task,
        Formats.count(executions),
        states < 0 ? "states not counted" : Formats.count(states) + " states",
        Formats.count(Math.round(executions / seconds)),
        Formats.duration(elapsed));
    err.flush();
    lines++;
  }

  private void bar(long executions, Duration elapsed) {
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

  /** Whether anything was ever shown, a bar or a line (for tests). */
  synchronized boolean shown() {
    return bar != null || lines > 0;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (bar != null) {
      bar.close();
    }
  }
}
