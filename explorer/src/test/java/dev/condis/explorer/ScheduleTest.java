package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

  @Test
  void printsAndParsesTheTextForm() {
    Schedule s = Schedule.of(List.of(new Schedule.Pick(1), new Schedule.Pick(0),
        new Schedule.Choice(2, 3), new Schedule.Pick(12)));
    assertThat(s).hasToString("1.0.c2of3.12");
    assertThat(Schedule.parse("1.0.c2of3.12")).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(Schedule.parse(" 1.0.c2of3.12 ")).isEqualTo(s);
    assertThat(s.decisions()).hasSize(4);
  }

  @Test
  void emptyScheduleIsWrittenNone() {
    assertThat(Schedule.EMPTY).hasToString("none");
    assertThat(Schedule.parse("none")).isEqualTo(Schedule.EMPTY);
    assertThat(Schedule.of(List.of())).isSameAs(Schedule.EMPTY);
  }

  @Test
  void textIsShellSafe() {
    String text = Schedule.of(List.of(new Schedule.Choice(0, 2), new Schedule.Pick(3))).toString();
    assertThat(text).matches("[A-Za-z0-9.]+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1..2", "1.", ".1", "x", "1.-2", "c1", "c1of", "cof2", "c2of2",
      "c0of1", "01", "1.0.c1of02x", "99999999999", "1 2", "t1"})
  void malformedTextIsRejectedWithAReadableMessage(String text) {
    assertThatThrownBy(() -> Schedule.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed schedule '" + text + "'")
        .hasMessageContaining("grammar");
  }

  @Test
  void messageNamesTheBadToken() {
    assertThatThrownBy(() -> Schedule.parse("1.0.zz.2"))
        .hasMessageContaining("token 3 'zz'");
  }

  @Test
  void decisionsValidateTheirValues() {
    assertThatThrownBy(() -> new Schedule.Pick(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule.Choice(3, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule.Choice(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
