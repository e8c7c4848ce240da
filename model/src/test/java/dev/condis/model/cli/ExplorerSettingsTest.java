package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.cli.ChildJvm.Child;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's JVM settings ({@code JAVA_OPTS=-Dcondis.explorer.carriers=...},
 * {@code -Dcondis.explorer.pinning=...}) are input like any option: a bad value is one line and
 * exit 2 before any search, not an error per scenario. Child JVMs: the settings are the JVM's.
 */
class ExplorerSettingsTest {

  @Test
  void aBadPinningValueIsBadInput(@TempDir Path dir) throws Exception {
    Child child = ChildJvm.run(dir, List.of("-Dcondis.explorer.pinning=sometimes"),
        "verify", "--scenario", "make-close");

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(child.lines()).containsExactly(
        "condis-verify: -Dcondis.explorer.pinning must be 'auto' or 'off', not 'sometimes'");
    assertThat(ChildJvm.out(dir)).as("no scenario was started").doesNotContain("make-close[");
  }

  @Test
  void aBadCarrierKindIsBadInput(@TempDir Path dir) throws Exception {
    Child child = ChildJvm.run(dir, List.of("-Dcondis.explorer.carriers=green"),
        "verify", "--scenario", "make-close");

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(child.lines()).containsExactly(
        "condis-verify: -Dcondis.explorer.carriers must be 'platform' or 'virtual', not 'green'");
  }

  @Test
  void pinningOffChecksAsUsual(@TempDir Path dir) throws Exception {
    Child child = ChildJvm.run(dir, List.of("-Dcondis.explorer.pinning=off"),
        "verify", "--scenario", "make-close", "--cm", "mcm");

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.VERIFIED);
    assertThat(ChildJvm.out(dir)).contains("VERIFIED (exit 0): 2 scenarios, 2 verified");
  }
}
