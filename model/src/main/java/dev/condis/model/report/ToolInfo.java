package dev.condis.model.report;

import com.google.common.io.ByteStreams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The tool's name, version and (when run inside a git work tree) the commit it was built from. */
public record ToolInfo(String name, String version, Optional<String> gitCommit) {

  public static final String NAME = "condis-verify";

  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.condis/condis-model/pom.properties";

  /** The running tool: version from the jar's Maven descriptor ("dev" from a class folder). */
  public static ToolInfo current() {
    return new ToolInfo(NAME, readVersion(), gitCommit(Path.of("").toAbsolutePath()));
  }

  static String readVersion() {
    try (InputStream in = ToolInfo.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // fall through
    }
    return "dev";
  }

  /**
   * {@code git rev-parse HEAD} in {@code dir}, with "-dirty" appended when tracked files
   * differ from it; empty when git or a work tree is not there. The launcher may pass the
   * commit as system property {@code condis.git.commit} instead.
   */
  static Optional<String> gitCommit(Path dir) {
    String fromProperty = System.getProperty("condis.git.commit");
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(fromProperty.strip());
    }
    Optional<String> head = git(dir, "rev-parse", "HEAD");
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> dirty = git(dir, "status", "--porcelain", "--untracked-files=no");
    return Optional.of(head.get() + (dirty.map(s -> !s.isEmpty()).orElse(false) ? "-dirty" : ""));
  }

  private static Optional<String> git(Path dir, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "git";
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      byte[] out = ByteStreams.toByteArray(p.getInputStream());
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0
          ? Optional.of(new String(out, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
