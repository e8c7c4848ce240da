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
}
