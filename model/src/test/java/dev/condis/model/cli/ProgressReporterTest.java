package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void showsNothingForShortSearches() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ProgressReporter p = new ProgressReporter("make-close", true, new PrintStream(err))) {
      p.progress(10, Duration.ofMillis(500));
      p.progress(100, Duration.ofMillis(1999));
      assertThat(p.shown()).isFalse();
    }
    assertThat(err.size()).isZero();
  }

  @Test
  void showsABarOnStderrOnceASearchRunsLongerThanTwoSeconds() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ProgressReporter p = new ProgressReporter("make-close", true, new PrintStream(err, true, StandardCharsets.UTF_8))) {
      p.progress(5000, Duration.ofMillis(2100));
      p.progress(9000, Duration.ofMillis(2600));
      assertThat(p.shown()).isTrue();
      Thread.sleep(400); // the bar renders on its own thread
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("make-close");
  }

  @Test
  void isOffWhenDisabled() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ProgressReporter p = new ProgressReporter("make-close", false, new PrintStream(err))) {
      p.progress(5000, Duration.ofSeconds(30));
      assertThat(p.shown()).isFalse();
    }
    assertThat(err.size()).isZero();
  }

  @Test
  void linesModePrintsOneLineEveryTenSecondsWithTheFiguresACiLogNeeds() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ProgressReporter p = new ProgressReporter("make-close[parties=0,cm=mcm,vc=client]",
        ProgressReporter.Mode.LINES, new PrintStream(err, true, StandardCharsets.UTF_8))) {
      p.progress(5_000, 40, Duration.ofSeconds(5));
      assertThat(p.shown()).as("nothing before the first 10 s").isFalse();
      p.progress(12_000, 52, Duration.ofSeconds(10));
      p.progress(13_000, 52, Duration.ofSeconds(12));
      p.progress(30_000, 60, Duration.ofSeconds(25));
      p.progress(31_000, -1, Duration.ofSeconds(31));
    }
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "progress make-close[parties=0,cm=mcm,vc=client]: 12,000 executions, 52 states, 1,200 executions/s, 10.0 s elapsed",
        "progress make-close[parties=0,cm=mcm,vc=client]: 30,000 executions, 60 states, 1,200 executions/s, 25.0 s elapsed",
        "progress make-close[parties=0,cm=mcm,vc=client]: 31,000 executions, states not counted, 1,000 executions/s, 31.0 s elapsed");
  }
}
