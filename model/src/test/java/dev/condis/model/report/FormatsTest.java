package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.engine.Figures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The figures line a user reads under each instance of the text report. */
class FormatsTest {
  @Test
  void jpfFiguresNameItsStatesAndItsOwnPeakHeap() {
    Figures jpf = new Figures(4, -1, 30, 46, 116_608, Duration.ofSeconds(364), 388);
    assertThat(Formats.figures(jpf))
        .isEqualTo("4 executions, 116,608 states, max depth 30, 46 decision points, 6 min 04 s (0 executions/s), peak heap 388 MiB");
  }

  @Test
  void theExplorersFiguresSayNothingOfAHeapTheyDidNotMeasure() {
    Figures explorer = new Figures(14_266, 120, 80, 9_000, -1, Duration.ofMillis(2_500));
    assertThat(Formats.figures(explorer)).doesNotContain("heap").contains("14,266 executions", "120 pruned");
  }
}
