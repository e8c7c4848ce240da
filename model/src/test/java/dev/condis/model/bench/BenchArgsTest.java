package dev.condis.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A benchmark given a bad number says which argument and what it got, in one line. */
class BenchArgsTest {
  @Test
  void aMissingArgumentTakesItsDefaultAndAGoodOneIsRead() {
    assertThat(BenchArgs.positive(new String[0], 0, "ROUNDS", 3)).isEqualTo(3);
    assertThat(BenchArgs.positive(new String[] {"420", "2"}, 1, "MAX-PARTIES", 6)).isEqualTo(2);
  }

  @Test
  void aBadOneNamesTheArgumentAndTheValue() {
    assertThatThrownBy(() -> BenchArgs.positive(new String[] {"7m"}, 0, "BUDGET-SECONDS", 60))
        .hasMessage("BUDGET-SECONDS must be a whole number of at least 1, not '7m'");
    assertThatThrownBy(() -> BenchArgs.positive(new String[] {"0"}, 0, "SPLIT-DEPTH", 6))
        .hasMessage("SPLIT-DEPTH must be a whole number of at least 1, not '0'");
  }
}
