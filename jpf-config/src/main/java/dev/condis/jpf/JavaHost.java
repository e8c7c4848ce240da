package dev.condis.jpf;

import dev.condis.model.engine.EngineUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK 17 JPF runs on (its {@code java-17} branch models the JDK 17 class library and
 * needs a JDK 17 host). Looked for in order: {@code $JAVA_HOME} if it is a 17, the JVM running
 * this code if it is a 17, then {@code /usr/lib/jvm/*17*}. None found is {@link
 * EngineUnavailableException} saying what was found instead.
 */
public final class JavaHost {
  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9]+)(?:[.\"]|$)");

  private final Path javaHome;
  private final String source;

  private JavaHost(Path javaHome, String source) {
    this.javaHome = javaHome;
    this.source = source;
  }

  public Path javaHome() {
    return javaHome;
  }

  /** The java launcher. */
  public Path java() {
    return javaHome.resolve("bin").resolve("java");
  }

  public String source() {
    return source;
  }

  /** For this process: its environment, its own java.home and version, and /usr/lib/jvm. */
  public static JavaHost find() {
    return find(
        System.getenv(),
        Path.of(System.getProperty("java.home")),
        Runtime.version().feature(),
        Path.of("/usr/lib/jvm"));
  }

  static JavaHost find(Map<String, String> env, Path runningHome, int runningFeature, Path jvmRoot) {
    List<String> seen = new ArrayList<>();
    String javaHomeEnv = env.get("JAVA_HOME");
    if (javaHomeEnv != null && !javaHomeEnv.trim().isEmpty()) {
      Path home = Path.of(javaHomeEnv.trim());
      Optional<Integer> v = feature(home);
      if (v.isPresent() && v.get() == 17 && Files.isRegularFile(home.resolve("bin/java"))) {
        return new JavaHost(home, "JAVA_HOME");
      }
      seen.add("JAVA_HOME=" + home + " (" + v.map(f -> "Java " + f).orElse("not a JDK") + ")");
    }
    if (runningFeature == 17 && Files.isRegularFile(runningHome.resolve("bin/java"))) {
      return new JavaHost(runningHome, "the running JVM");
    }
    seen.add("the running JVM " + runningHome + " (Java " + runningFeature + ")");
    if (Files.isDirectory(jvmRoot)) {
      List<Path> candidates = new ArrayList<>();
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jvmRoot, "*17*")) {
        for (Path d : dirs) {
          candidates.add(d);
        }
      } catch (IOException e) {
        seen.add(jvmRoot + " (unreadable: " + e.getMessage() + ")");
      }
      candidates.sort(null);
      for (Path d : candidates) {
        Optional<Integer> v = feature(d);
        if (v.isPresent() && v.get() == 17 && Files.isRegularFile(d.resolve("bin/java"))) {
          return new JavaHost(d, jvmRoot + "/*17*");
        }
      }
      seen.add(candidates.isEmpty() ? "nothing matching " + jvmRoot + "/*17*" : "no JDK 17 among " + candidates);
    } else {
      seen.add("no " + jvmRoot);
    }
    throw new EngineUnavailableException(
        "Java PathFinder (jpf-core java-17 branch) needs a JDK 17 host, and none was found: "
            + String.join("; ", seen) + ". Set JAVA_HOME to a JDK 17.");
  }

  /** The feature version of the JDK at {@code home}, from its {@code release} file. */
  static Optional<Integer> feature(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    try {
      Matcher m = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
      if (!m.find()) {
        return Optional.empty();
      }
      int major = Integer.parseInt(m.group(1));
      return Optional.of(major == 1 ? 8 : major); // "1.8.0_x"
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
