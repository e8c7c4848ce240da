package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.cli.ChildJvm.Child;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's JVM settings ({@code JAVA_OPTS=-Dcondis.explorer.carriers=...},
 * {@code -Dcondis.explorer.pinning=...}) are input like any option: a bad value is one line and
 * exit 2 before any search, not an error per scenario. Child JVMs: the settings are the JVM's.
 */
class ExplorerSettingsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-Dcondis.explorer.pinning=sometimes | -Dcondis.explorer.pinning must be 'auto' or 'off', not 'sometimes'",
      "-Dcondis.explorer.carriers=green    | -Dcondis.explorer.carriers must be 'platform' or 'virtual', not 'green'"})
  void aBadValueIsBadInput(String setting, String message, @TempDir Path dir) throws Exception {
    Child child = ChildJvm.run(dir, List.of(setting), "verify", "--scenario", "make-close");

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(child.lines()).containsExactly("condis-verify: " + message);
    assertThat(ChildJvm.out(dir)).as("no scenario was started").doesNotContain("make-close[");
  }

  @Test
  void pinningOffChecksAsUsual(@TempDir Path dir) throws Exception {
    Child child = ChildJvm.run(dir, List.of("-Dcondis.explorer.pinning=off"),
        "verify", "--scenario", "make-close", "--cm", "mcm");

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.VERIFIED);
    assertThat(ChildJvm.out(dir)).contains("VERIFIED (exit 0): 2 scenarios, 2 verified");
  }
}
