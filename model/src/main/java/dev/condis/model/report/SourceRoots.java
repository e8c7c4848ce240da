package dev.condis.model.report;

import dev.condis.model.engine.SourceFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a driver's source file in the project checked out at the working directory, so that
 * a SARIF physical location can name it relative to the checkout (what GitHub code scanning
 * resolves). Looks in the Maven source roots of the directory and of its direct
 * subdirectories (the modules of a multi-module build); a file not found there is named by
 * its package path under the {@link #BASE_ID} base instead.
 */
final class SourceRoots {
  /** The SARIF uriBaseId of a path given relative to a Java source root. */
  static final String BASE_ID = "JAVA_SOURCE_ROOT";

  private static final List<String> ROOTS = List.of("src/main/java", "src/test/java");

  private final Path checkout;
  private final List<Path> roots;

  SourceRoots(Path checkout) {
    this.checkout = checkout;
    this.roots = roots(checkout);
  }

  /** The working directory's source roots. */
  static SourceRoots ofWorkingDirectory() {
    return new SourceRoots(Path.of("").toAbsolutePath());
  }

  /** The file's path relative to the checkout, '/'-separated, when the checkout holds it. */
  Optional<String> find(SourceFrame frame) {
    String relative = frame.packagePath();
    for (Path root : roots) {
      Path candidate = root.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(checkout.relativize(candidate).toString().replace('\\', '/'));
      }
    }
    return Optional.empty();
  }

  private static List<Path> roots(Path checkout) {
    List<Path> roots = new ArrayList<>();
    addRoots(checkout, roots);
    try (Stream<Path> modules = Files.list(checkout)) {
      modules.filter(Files::isDirectory).sorted().forEach(m -> addRoots(m, roots));
    } catch (IOException | SecurityException e) {
      // An unreadable working directory: paths fall back to the package path.
    }
    return roots;
  }

  private static void addRoots(Path dir, List<Path> roots) {
    for (String root : ROOTS) {
      Path p = dir.resolve(root);
      if (Files.isDirectory(p)) {
        roots.add(p);
      }
    }
  }
}
