package dev.condis.jpf;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of the program JPF checks (its {@code classpath} key): this module, the
 * model, the explorer, the reference, Guava <em>and the annotation jars Guava's classes name</em>
 * (JPF resolves annotation classes a normal JVM ignores when absent), then every other entry
 * of this JVM's own class path (so ServiceLoader-registered properties come along; a launcher
 * jar's manifest {@code Class-Path}, as Surefire uses, is expanded), then the user's driver
 * classpath. Entries inside {@code jpf.home} are left out: JPF brings its own.
 */
final class SutClasspath {
  /** Classes whose jar or directory must be on the path; optional ones are skipped if absent. */
  private static final List<String> ANCHORS =
      List.of(
          "dev.condis.jpf.JpfMain",
          "dev.condis.model.scenario.ScenarioHarness",
          "dev.condis.explorer.Explorer",
          "dev.condis.reference.platform.Platform",
          "com.google.common.collect.ImmutableList",
          "com.google.common.util.concurrent.internal.InternalFutureFailureAccess",
          "org.jspecify.annotations.Nullable",
          "com.google.errorprone.annotations.CanIgnoreReturnValue",
          "com.google.j2objc.annotations.RetainedWith",
          "org.checkerframework.checker.nullness.qual.Nullable");

  private SutClasspath() {}

  static List<Path> compute(List<Path> userClasspath, Path jpfHome) {
    Set<Path> out = new LinkedHashSet<>();
    for (String anchor : ANCHORS) {
      codeSource(anchor).ifPresent(out::add);
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        Path p = Path.of(entry).toAbsolutePath().normalize();
        out.add(p);
        out.addAll(manifestClassPath(p));
      }
    }
    for (Path p : userClasspath) {
      out.add(p.toAbsolutePath().normalize());
    }
    List<Path> result = new ArrayList<>();
    Path home = jpfHome.toAbsolutePath().normalize();
    for (Path p : out) {
      if (Files.exists(p) && !p.startsWith(home)) {
        result.add(p);
      }
    }
    return result;
  }

  private static java.util.Optional<Path> codeSource(String className) {
    try {
      Class<?> c = Class.forName(className, false, SutClasspath.class.getClassLoader());
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize());
    } catch (ClassNotFoundException | LinkageError | URISyntaxException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** The entries of a jar's manifest Class-Path (Surefire's launcher jar), resolved. */
  private static List<Path> manifestClassPath(Path jar) {
    List<Path> out = new ArrayList<>();
    if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
      return out;
    }
    try (JarFile j = new JarFile(jar.toFile())) {
      Manifest m = j.getManifest();
      String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (cp == null) {
        return out;
      }
      for (String entry : cp.trim().split("\\s+")) {
        try {
          java.net.URI uri = jar.getParent().toUri().resolve(entry);
          out.add(Path.of(uri).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
          // not a file entry: skipped
        }
      }
    } catch (IOException e) {
      // unreadable jar: nothing to expand
    }
    return out;
  }

  static String join(List<Path> paths) {
    StringBuilder sb = new StringBuilder();
    for (Path p : paths) {
      sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(p);
    }
    return sb.toString();
  }
}
