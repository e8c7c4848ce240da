package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  @Test
  void readsUnitsCombinationsAndIso() {
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationConverter.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationConverter.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationConverter.parse(" 10S ")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationConverter.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void rejectsWhatIsNotAPositiveDuration() {
    for (String bad : new String[] {"", "30", "s", "5 m", "-5s", "0s", "1d", "PTX", "99999999999999999999s"}) {
      assertThatThrownBy(() -> DurationConverter.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class);
    }
  }
}
