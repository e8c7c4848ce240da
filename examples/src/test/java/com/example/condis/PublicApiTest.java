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
    assertThat(marked).contains("dev.condis.reference.ddi.ClientDriver", "dev.condis.model.property.PropertyListener");
  }

  /**
   * A user who compiles against the API only must not need an internal type to use it: every
   * public constructor, method, field and record component of a marked type, and its supertypes,
   * name only marked types (or types nested in one), the JDK's and Guava's.
   */
  @Test
  void theApiExposesNoInternalType() throws Exception {
    Set<String> api = new TreeSet<>();
    api.addAll(markedIn(PublicApi.class));
    api.addAll(markedIn(PropertyListener.class));
    Set<String> leaks = new TreeSet<>();
    for (String name : api) {
      Class<?> type = Class.forName(name);
      for (Class<?> nested : withNested(type)) {
        for (java.lang.reflect.Type t : exposed(nested)) {
          for (Class<?> used : classesIn(t)) {
            if (!allowed(used, api)) {
              leaks.add(nested.getName() + " exposes " + used.getName());
            }
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static java.util.List<Class<?>> withNested(Class<?> type) {
    java.util.List<Class<?>> out = new java.util.ArrayList<>(java.util.List.of(type));
    for (Class<?> n : type.getDeclaredClasses()) {
      if (java.lang.reflect.Modifier.isPublic(n.getModifiers())) {
        out.addAll(withNested(n));
      }
    }
    return out;
  }

  /** The types a user of {@code type} can see: supertypes and public or protected members. */
  private static java.util.List<java.lang.reflect.Type> exposed(Class<?> type) {
    java.util.List<java.lang.reflect.Type> out = new java.util.ArrayList<>();
    if (type.getGenericSuperclass() != null) {
      out.add(type.getGenericSuperclass());
    }
    out.addAll(java.util.List.of(type.getGenericInterfaces()));
    for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic()) {
        out.add(m.getGenericReturnType());
        out.addAll(java.util.List.of(m.getGenericParameterTypes()));
      }
    }
    for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers())) {
        out.addAll(java.util.List.of(c.getGenericParameterTypes()));
      }
    }
    for (java.lang.reflect.Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        out.add(f.getGenericType());
      }
    }
    return out;
  }

  private static boolean visible(int modifiers) {
    return java.lang.reflect.Modifier.isPublic(modifiers) || java.lang.reflect.Modifier.isProtected(modifiers);
  }

  private static Set<Class<?>> classesIn(java.lang.reflect.Type t) {
    Set<Class<?>> out = new java.util.HashSet<>();
    if (t instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (t instanceof java.lang.reflect.ParameterizedType p) {
      out.addAll(classesIn(p.getRawType()));
      for (java.lang.reflect.Type a : p.getActualTypeArguments()) {
        out.addAll(classesIn(a));
      }
    } else if (t instanceof java.lang.reflect.WildcardType w) {
      for (java.lang.reflect.Type b : w.getUpperBounds()) {
        out.addAll(classesIn(b));
      }
      for (java.lang.reflect.Type b : w.getLowerBounds()) {
        out.addAll(classesIn(b));
      }
    } else if (t instanceof java.lang.reflect.TypeVariable<?> v) {
      for (java.lang.reflect.Type b : v.getBounds()) {
        out.addAll(classesIn(b));
      }
    } else if (t instanceof java.lang.reflect.GenericArrayType a) {
      out.addAll(classesIn(a.getGenericComponentType()));
    }
    return out;
  }

  private static boolean allowed(Class<?> used, Set<String> api) {
    if (used.isPrimitive() || used.getName().startsWith("java.") || used.getName().startsWith("com.google.common.")) {
      return true;
    }
    Class<?> top = used;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return api.contains(top.getName());
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
