package dev.condis.model.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.engine.Bounds;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.reference.system.CallManagerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A certificate names the reductions its claim rests on: the split only when the search was split. */
class AssumptionsTest {
  private static final ScenarioConfig CONFIG = ScenarioCatalog.get("make-close").defaultConfig(CallManagerKind.MCM);

  @Test
  void aSplitSearchAddsTheSplitAssumptionNextToTheStateCache() {
    List<String> split = Assumptions.of(CONFIG, Bounds.DEFAULT, "explorer", List.of(),
        "search split over 2 workers below depth 6: 28 units, figures summed over the workers");
    assertThat(split).anyMatch(a -> a.startsWith("split search: "));
    assertThat(split).anyMatch(a -> a.startsWith("state cache: ") && a.contains("search split over 2 workers"));

    List<String> whole = Assumptions.of(CONFIG, Bounds.DEFAULT, "explorer", List.of(),
        "state cache: 52 distinct states at quiescent points");
    assertThat(whole).noneMatch(a -> a.startsWith("split search: "));
    assertThat(whole).anyMatch(a -> a.startsWith("partial-order reduction: "));
  }
}
