package dev.condis.jpf;

import dev.condis.model.engine.EngineUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where Java PathFinder (jpf-core, {@code java-17} branch, built) is installed: the first of
 * the engine option {@code jpf.home} (the CLI's {@code --jpf-home}), the system property
 * {@code jpf.home}, and the environment variable {@code JPF_HOME}. A home is usable when it
 * holds {@code jpf.properties} and the built {@code build/RunJPF.jar}, {@code build/jpf.jar}
 * and {@code build/jpf-classes.jar}.
 */
public final class JpfHome {
  /** The engine option, the system property: {@code jpf.home}. */
  public static final String KEY = "jpf.home";
  /** The environment variable. */
  public static final String ENV = "JPF_HOME";

  /** The files a built jpf-core has, relative to its home. */
  static final List<String> REQUIRED =
      List.of("jpf.properties", "build/RunJPF.jar", "build/jpf.jar", "build/jpf-classes.jar");

  private final Path dir;
  private final String source;

  private JpfHome(Path dir, String source) {
    this.dir = dir;
    this.source = source;
  }

  public Path dir() {
    return dir;
  }

  /** Where the home came from, e.g. "--jpf-home / engine option jpf.home". */
  public String source() {
    return source;
  }

  public Path runJpfJar() {
    return dir.resolve("build/RunJPF.jar");
  }

  /** The home for this process: engine options, then {@code -Djpf.home}, then {@code $JPF_HOME}. */
  public static JpfHome resolve(Map<String, String> engineOptions) {
    return resolve(engineOptions, System.getProperty(KEY), System.getenv());
  }

  /**
   * Resolves and checks the home; throws {@link EngineUnavailableException} naming what was
   * looked for when none is set or the one set is not a built jpf-core.
   */
  public static JpfHome resolve(Map<String, String> engineOptions, String systemProperty, Map<String, String> env) {
    String source;
    String value;
    if (engineOptions.get(KEY) != null && !engineOptions.get(KEY).trim().isEmpty()) {
      source = "--jpf-home (engine option " + KEY + ")";
      value = engineOptions.get(KEY).trim();
    } else if (systemProperty != null && !systemProperty.trim().isEmpty()) {
      source = "system property " + KEY;
      value = systemProperty.trim();
    } else if (env.get(ENV) != null && !env.get(ENV).trim().isEmpty()) {
      source = "environment variable " + ENV;
      value = env.get(ENV).trim();
    } else {
      throw new EngineUnavailableException(
          "Java PathFinder is not configured: looked for --jpf-home DIR, system property "
              + KEY + " and environment variable " + ENV + ", and none is set; point one of them at a "
              + "built jpf-core (java-17 branch), see jpf-config/README.md");
    }
    Path dir = Path.of(value).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new EngineUnavailableException(
          "jpf.home " + dir + " (from " + source + ") is not a directory; it must be a built jpf-core "
              + "(java-17 branch) holding " + String.join(", ", REQUIRED));
    }
    List<String> missing = new ArrayList<>();
    for (String f : REQUIRED) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      throw new EngineUnavailableException(
          "jpf.home " + dir + " (from " + source + ") is not a built jpf-core: looked for "
              + String.join(", ", REQUIRED) + "; missing " + String.join(", ", missing)
              + (missing.contains("jpf.properties") ? "" : " (build jpf-core's java-17 branch there first)"));
    }
    return new JpfHome(dir, source);
  }
}
