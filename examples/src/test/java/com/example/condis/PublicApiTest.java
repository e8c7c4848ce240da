package com.example.condis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.property.PropertyListener;
import dev.condis.reference.PublicApi;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API PLUGINS.md promises is exactly the set of types marked {@link PublicApi}: a type
 * added to the table must be marked, and a marked type must be in the table.
 */
class PublicApiTest {

  @Test
  void theTableInPluginsMdIsTheMarkedTypes() throws Exception {
    Set<String> marked = new TreeSet<>();
    marked.addAll(markedIn(PublicApi.class));
    marked.addAll(markedIn(PropertyListener.class));

    assertThat(documented()).containsExactlyInAnyOrderElementsOf(marked);
    assertThat(marked).contains("dev.condis.reference.driver.ClientDriver", "dev.condis.model.property.PropertyListener");
  }

  /** "package | `A`, `B`" rows of the table under "## The API", as qualified names. */
  private static Set<String> documented() throws IOException {
    String text = Files.readString(Path.of("..", "PLUGINS.md"));
    String section = text.substring(text.indexOf("## The API"), text.indexOf("## The rules your driver lives by"));
    Set<String> out = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z.]+)` \\| (.+) \\|$").matcher(section);
    while (row.find()) {
      Matcher type = Pattern.compile("`([A-Za-z]+)`").matcher(row.group(2));
      while (type.find()) {
        out.add(row.group(1) + "." + type.group(1));
      }
    }
    return out;
  }

  /** The top-level types marked @PublicApi in the jar or class folder {@code anchor} comes from. */
  private static Set<String> markedIn(Class<?> anchor) throws IOException, URISyntaxException {
    Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> names = new TreeSet<>();
    if (Files.isDirectory(where)) {
      try (Stream<Path> files = Files.walk(where)) {
        files.map(p -> where.relativize(p).toString()).forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(where.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          names.add(e.nextElement().getName());
        }
      }
    }
    Set<String> marked = new TreeSet<>();
    for (String name : names) {
      if (!name.endsWith(".class") || name.contains("$")) {
        continue;
      }
      String className = name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.');
      try {
        if (Class.forName(className, false, anchor.getClassLoader()).isAnnotationPresent(PublicApi.class)) {
          marked.add(className);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // not loadable here (e.g. JPF-only peers): not API
      }
    }
    return marked;
  }
}
