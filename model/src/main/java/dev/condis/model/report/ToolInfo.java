package dev.condis.model.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The tool's name, version and the commit it was built from. The commit is written into the
 * jar at build time (git.properties, by git-commit-id-maven-plugin), so a tool embedded in a
 * user's project names its own commit, never the user's; {@code -Dcondis.git.commit=...}
 * overrides it.
 */
public record ToolInfo(String name, String version, Optional<String> gitCommit) {

  public static final String NAME = "condis-verify";

  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.condis/condis-model/pom.properties";
  static final String GIT_PROPERTIES = "/dev/condis/model/git.properties";

  /** The running tool: version from the jar's Maven descriptor ("dev" from a class folder). */
  public static ToolInfo current() {
    return new ToolInfo(NAME, readVersion(), buildCommit());
  }

  static String readVersion() {
    return load(POM_PROPERTIES).map(p -> p.getProperty("version", "dev")).orElse("dev");
  }

  /**
   * The commit of the build, "-dirty" appended when tracked files differed from it; empty
   * when the build had no git work tree.
   */
  static Optional<String> buildCommit() {
    String fromProperty = System.getProperty("condis.git.commit");
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(fromProperty.strip());
    }
    return load(GIT_PROPERTIES).flatMap(ToolInfo::commitOf);
  }

  static Optional<String> commitOf(Properties git) {
    String id = git.getProperty("git.commit.id", "").strip();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(id + ("true".equals(git.getProperty("git.dirty")) ? "-dirty" : ""));
  }

  private static Optional<Properties> load(String resource) {
    try (InputStream in = ToolInfo.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.of(p);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
