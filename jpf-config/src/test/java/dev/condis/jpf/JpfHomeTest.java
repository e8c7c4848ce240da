package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.model.engine.EngineUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding jpf.home, and the messages when it is missing or not a built jpf-core. */
class JpfHomeTest {
  @TempDir Path tmp;

  private Path fakeJpf(String name) throws IOException {
    Path home = Files.createDirectories(tmp.resolve(name));
    for (String f : JpfHome.REQUIRED) {
      Files.createDirectories(home.resolve(f).getParent());
      Files.writeString(home.resolve(f), "");
    }
    return home;
  }

  @Test
  void noneSetNamesAllThreePlaces() {
    assertThatThrownBy(() -> JpfHome.resolve(Map.of(), null, Map.of()))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("--jpf-home DIR")
        .hasMessageContaining("system property jpf.home")
        .hasMessageContaining("environment variable JPF_HOME");
  }

  @Test
  void theEngineOptionWinsThenTheSystemPropertyThenTheEnvironment() throws IOException {
    Path a = fakeJpf("a");
    Path b = fakeJpf("b");
    Path c = fakeJpf("c");
    assertThat(JpfHome.resolve(Map.of("jpf.home", a.toString()), b.toString(), Map.of("JPF_HOME", c.toString())).dir())
        .isEqualTo(a);
    assertThat(JpfHome.resolve(Map.of(), b.toString(), Map.of("JPF_HOME", c.toString())).dir()).isEqualTo(b);
    JpfHome fromEnv = JpfHome.resolve(Map.of(), " ", Map.of("JPF_HOME", c.toString()));
    assertThat(fromEnv.dir()).isEqualTo(c);
    assertThat(fromEnv.source()).isEqualTo("environment variable JPF_HOME");
    assertThat(fromEnv.runJpfJar()).isEqualTo(c.resolve("build/RunJPF.jar"));
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path nowhere = tmp.resolve("nowhere");
    assertThatThrownBy(() -> JpfHome.resolve(Map.of("jpf.home", nowhere.toString()), null, Map.of()))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining(nowhere + " (from --jpf-home")
        .hasMessageContaining("is not a directory");
  }

  @Test
  void anUnbuiltCheckoutSaysWhatIsMissing() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("unbuilt"));
    Files.writeString(home.resolve("jpf.properties"), "");
    assertThatThrownBy(() -> JpfHome.resolve(Map.of(), home.toString(), Map.of()))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("is not a built jpf-core: looked for jpf.properties, build/RunJPF.jar")
        .hasMessageContaining("missing build/RunJPF.jar, build/jpf.jar, build/jpf-classes.jar")
        .hasMessageContaining("build jpf-core's java-17 branch there first");
  }
}
