package dev.condis.model.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user code a shard names: the same drivers give the same digest wherever they are checked
 * out, and any change to them (a byte, a file's name, a file more) gives another, so merge and
 * the next night's claims tell two versions of a user's drivers apart.
 */
class PluginCodeTest {
  @TempDir Path dir;

  private Path classes(String name, String... files) throws IOException {
    Path root = dir.resolve(name);
    for (int i = 0; i < files.length; i += 2) {
      Path f = root.resolve(files[i]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, files[i + 1]);
    }
    return root;
  }

  @Test
  void theReferenceDriversAloneAreNone() {
    assertThat(PluginCode.digest(List.of())).isEqualTo(PluginCode.NONE);
  }

  @Test
  void theSameContentsInAnotherCheckoutAreTheSameCode() throws IOException {
    Path here = classes("here", "com/example/MyClient.class", "v1", "com/example/MyCm.class", "cm");
    Path there = classes("there", "com/example/MyCm.class", "cm", "com/example/MyClient.class", "v1");
    assertThat(PluginCode.digest(List.of(here))).isEqualTo(PluginCode.digest(List.of(there))).hasSize(64);
  }

  @Test
  void anyChangeToTheDriversIsOtherCode() throws IOException {
    String v1 = PluginCode.digest(List.of(classes("v1", "com/example/MyClient.class", "v1")));
    assertThat(PluginCode.digest(List.of(classes("byte", "com/example/MyClient.class", "v2")))).isNotEqualTo(v1);
    assertThat(PluginCode.digest(List.of(classes("renamed", "com/example/YourClient.class", "v1")))).isNotEqualTo(v1);
    assertThat(PluginCode.digest(List.of(classes("more", "com/example/MyClient.class", "v1", "com/example/X.class", ""))))
        .isNotEqualTo(v1);
    Path jar = Files.writeString(dir.resolve("drivers.jar"), "v1");
    assertThat(PluginCode.digest(List.of(jar))).isNotEqualTo(v1)
        .isNotEqualTo(PluginCode.digest(List.of(Files.writeString(dir.resolve("drivers2.jar"), "v2"))))
        .isEqualTo(PluginCode.digest(List.of(Files.writeString(dir.resolve("copy.jar"), "v1"))));
  }

  @Test
  void aClasspathThatCannotBeReadIsOneLineOfBadInput() throws IOException {
    Path locked = classes("locked", "com/example/MyClient.class", "v1");
    Path file = locked.resolve("com/example/MyClient.class");
    if (!file.toFile().setReadable(false) || Files.isReadable(file)) {
      return; // running as root: nothing is unreadable
    }
    assertThatThrownBy(() -> PluginCode.digest(List.of(locked)))
        .isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessageContaining("cannot read the classpath");
  }
}
