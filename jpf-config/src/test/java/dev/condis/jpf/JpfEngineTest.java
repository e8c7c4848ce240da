package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.cli.CliEnvironment;
import dev.condis.model.cli.CondisVerify;
import dev.condis.model.cli.Engines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jpf engine is found by ServiceLoader, and a jpf.home that is no jpf-core is bad input (exit 2). */
class JpfEngineTest {
  @TempDir Path tmp;

  @Test
  void registeredAsJpf() {
    assertThat(Engines.names()).containsExactly("explorer", "jpf");
    assertThat(Engines.find("jpf")).isInstanceOf(JpfEngine.class);
  }

  @Test
  void aJpfHomeThatIsNotAJpfCoreExitsTwoWithOneLine() throws Exception {
    Path notJpf = Files.createDirectories(tmp.resolve("not-jpf"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CondisVerify.run(
            new String[] {"verify", "--engine", "jpf", "--jpf-home", notJpf.toString(), "--scenario", "make-close"},
            CliEnvironment.system(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString().trim())
        .startsWith("condis-verify: jpf.home " + notJpf.toAbsolutePath() + " (from --jpf-home (engine option jpf.home)) is not a built jpf-core")
        .doesNotContain("\tat ");
    assertThat(out.toString()).as("no report header before the error").isEmpty();
  }

  @Test
  void theRerunCommandRunsTheSameCheck() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("jpf"));
    for (String f : JpfHome.REQUIRED) {
      Files.createDirectories(home.resolve(f).getParent());
      Files.writeString(home.resolve(f), "");
    }
    JpfHome jpf = JpfHome.resolve(java.util.Map.of("jpf.home", home.toString()), null, java.util.Map.of());
    dev.condis.model.scenario.ScenarioConfig config =
        dev.condis.model.scenario.ScenarioCatalog.get("make-close")
            .defaultConfig(dev.condis.reference.system.CallManagerKind.MCM);
    assertThat(JpfEngine.rerunCommand(config, java.util.List.of(), jpf, false))
        .startsWith("JAVA_OPTS=-Djpf.races=false ./condis-verify verify --engine jpf --jpf-home ")
        .contains("--scenario make-close --parties 0 --cm mcm --vc client");
    assertThat(JpfEngine.rerunCommand(config, java.util.List.of(), jpf, true)).startsWith("./condis-verify verify --engine jpf");
    // A user's driver and its class path come along, as in the explorer's replay command.
    dev.condis.model.scenario.ScenarioConfig own =
        dev.condis.model.scenario.ScenarioCatalog.get("make-close")
            .config(0, dev.condis.reference.system.CallManagerKind.MCM, dev.condis.model.scenario.VcOwner.CLIENT,
                dev.condis.reference.fault.FaultSet.none(),
                new dev.condis.model.scenario.DriverSelection(
                    java.util.Optional.of("com.example.MyClient"), java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.List.of(tmp.resolve("drivers"))));
    assertThat(JpfEngine.rerunCommand(own, java.util.List.of(), jpf, true))
        .contains(" --client com.example.MyClient --classpath " + tmp.resolve("drivers"));
  }

  @Test
  void theRaceCheckIsOnUnlessTurnedOff() {
    assertThat(JpfEngine.races(null, null)).isTrue();
    assertThat(JpfEngine.races("false", null)).isFalse();
    assertThat(JpfEngine.races(null, "FALSE")).isFalse();
    assertThat(JpfEngine.races("true", "false")).isTrue();
  }

  @Test
  void theEndMarkerIsCounted() {
    assertThat(JpfEngine.countEndMarkers("x\n" + JpfMain.END_MARKER + "\n" + JpfMain.END_MARKER + "\n")).isEqualTo(2);
    assertThat(JpfEngine.countEndMarkers("")).isZero();
  }
}
