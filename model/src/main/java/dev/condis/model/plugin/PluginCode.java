package dev.condis.model.plugin;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Funnels;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.io.ByteStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which user code a run checked: a digest of the contents of its {@code --classpath} entries
 * (the user's drivers and properties), "none" without any. The commit names the checker and
 * the reference; this names what the user plugged in, which changes from night to night while
 * the checker's commit stays. Shards that checked other code are not one run, and states a
 * run claimed belong to the code it ran. Contents only (a folder's files by their relative
 * paths, a jar by its bytes), so checkouts in other places agree.
 */
public final class PluginCode {
  /** The digest of a run with no user classpath: the reference drivers only. */
  public static final String NONE = "none";

  /** As DriverLoader keeps one class loader per classpath, the code of a classpath is read once. */
  private static final Map<ImmutableList<Path>, String> SEEN = new ConcurrentHashMap<>();

  private PluginCode() {}

  /**
   * {@link #digest}, read once per classpath in this JVM, as its classes are loaded once: what
   * the run checked, even if the folder is rebuilt while it runs.
   */
  public static String of(List<Path> classpath) {
    ImmutableList<Path> key = ImmutableList.copyOf(classpath);
    String known = SEEN.get(key);
    if (known != null) {
      return known;
    }
    String digest = digest(key);
    SEEN.putIfAbsent(key, digest);
    return SEEN.get(key);
  }

  /** SHA-256 over the entries in order; an entry that is missing counts as missing, by its name. */
  public static String digest(List<Path> classpath) {
    if (classpath.isEmpty()) {
      return NONE;
    }
    Hasher h = Hashing.sha256().newHasher();
    try {
      for (Path entry : classpath) {
        h.putString("entry", StandardCharsets.UTF_8).putInt(0);
        if (Files.isDirectory(entry)) {
          List<String> names;
          try (Stream<Path> files = Files.walk(entry)) {
            names = files.filter(Files::isRegularFile)
                .map(f -> entry.relativize(f).toString().replace('\\', '/'))
                .sorted()
                .collect(Collectors.toList()); // not toList(): this package is scanned for JPF
          }
          for (String name : names) {
            Path f = entry.resolve(name);
            h.putString(name, StandardCharsets.UTF_8);
            h.putLong(Files.size(f));
            file(h, f);
          }
        } else if (Files.isRegularFile(entry)) {
          h.putLong(Files.size(entry));
          file(h, entry);
        } else {
          h.putString("missing " + entry.getFileName(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DriverLoader.BadDriverException("cannot read the classpath " + classpath + " to tell its code: " + e, e);
    }
    return h.hash().toString();
  }

  private static void file(Hasher h, Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      ByteStreams.copy(in, Funnels.asOutputStream(h));
    }
  }
}
