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

/** Finding a JDK 17 host for JPF: JAVA_HOME, the running JVM, /usr/lib/jvm/*17*, or a clear error. */
class JavaHostTest {
  @TempDir Path tmp;

  private Path jdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(tmp.resolve(name));
    Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("bin/java"), "");
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  @Test
  void javaHomeWhenItIsA17() throws IOException {
    Path j17 = jdk("j17", "17.0.15");
    JavaHost h = JavaHost.find(Map.of("JAVA_HOME", j17.toString()), tmp.resolve("running"), 25, tmp.resolve("none"));
    assertThat(h.javaHome()).isEqualTo(j17);
    assertThat(h.java()).isEqualTo(j17.resolve("bin/java"));
    assertThat(h.source()).isEqualTo("JAVA_HOME");
  }

  @Test
  void theRunningJvmWhenJavaHomeIsNot17() throws IOException {
    Path j21 = jdk("j21", "21.0.2");
    Path running = jdk("running", "17.0.1");
    JavaHost h = JavaHost.find(Map.of("JAVA_HOME", j21.toString()), running, 17, tmp.resolve("none"));
    assertThat(h.javaHome()).isEqualTo(running);
  }

  @Test
  void thenUsrLibJvm() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("jvm"));
    Path running = jdk("running", "25.0.3");
    Path j17 = jdk("jvm/java-17-openjdk-amd64", "17.0.15");
    JavaHost h = JavaHost.find(Map.of(), running, 25, root);
    assertThat(h.javaHome()).isEqualTo(j17);
  }

  @Test
  void noJdk17IsAClearError() throws IOException {
    Path j21 = jdk("j21", "21.0.2");
    Path running = jdk("running", "25.0.3");
    assertThatThrownBy(() -> JavaHost.find(Map.of("JAVA_HOME", j21.toString()), running, 25, tmp.resolve("nojvm")))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("needs a JDK 17 host")
        .hasMessageContaining("JAVA_HOME=" + j21 + " (Java 21)")
        .hasMessageContaining("(Java 25)")
        .hasMessageContaining("Set JAVA_HOME to a JDK 17");
  }

  @Test
  void versionsFromTheReleaseFile() throws IOException {
    assertThat(JavaHost.feature(jdk("a", "17.0.15"))).contains(17);
    assertThat(JavaHost.feature(jdk("b", "1.8.0_402"))).contains(8);
    assertThat(JavaHost.feature(tmp.resolve("missing"))).isEmpty();
  }
}
