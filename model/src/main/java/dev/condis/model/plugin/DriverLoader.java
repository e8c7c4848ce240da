package dev.condis.model.plugin;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a user's driver or property class by name, from the classpath a {@link DriverSelection}
 * names (plus the model's own classpath, so the reference drivers and the model's interfaces
 * resolve). Every way a class name can be wrong — not found, not the required interface,
 * abstract, no public no-arg constructor, a constructor that throws — becomes a
 * {@link BadDriverException}: one clear line, which the CLI turns into exit 2.
 *
 * <p>Class loaders are cached per classpath, so loading the same class for every one of many
 * executions costs one lookup.
 */
public final class DriverLoader {

  /** A class named on the command line cannot be used; the message says why, in one line. */
  public static final class BadDriverException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadDriverException(String message) {
      super(message);
    }

    public BadDriverException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final Map<ImmutableList<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

  private DriverLoader() {}

  /** The class loader for {@code classpath}: the model's own loader when it is empty. */
  public static ClassLoader classLoader(List<Path> classpath) {
    ImmutableList<Path> key = ImmutableList.copyOf(classpath);
    if (key.isEmpty()) {
      return DriverLoader.class.getClassLoader();
    }
    return LOADERS.computeIfAbsent(key, DriverLoader::newLoader);
  }

  private static ClassLoader newLoader(ImmutableList<Path> classpath) {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      Path p = classpath.get(i);
      if (!Files.exists(p)) {
        throw new BadDriverException("classpath entry does not exist: " + p);
      }
      try {
        urls[i] = p.toAbsolutePath().normalize().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new BadDriverException("bad classpath entry: " + p, e);
      }
    }
    return new URLClassLoader("condis-user", urls, DriverLoader.class.getClassLoader());
  }

  /**
   * Checks that {@code className} names a concrete public class implementing {@code type}
   * with a public no-arg constructor, and returns it. {@code role} names it in messages
   * ("client", "call manager", "miniport", "property").
   */
  public static <T> Class<? extends T> loadClass(
      String className, Class<T> type, List<Path> classpath, String role) {
    // trim, not strip/isBlank: this runs under JPF too, whose String lacks them.
    if (className == null || className.trim().isEmpty()) {
      throw new BadDriverException("no " + role + " class name given");
    }
    ClassLoader loader = classLoader(classpath);
    Class<?> raw;
    try {
      raw = Class.forName(className.trim(), false, loader);
    } catch (ClassNotFoundException e) {
      throw notFound(className, classpath, role, e);
    } catch (LinkageError e) {
      throw unlinkable(className, classpath, role, e);
    }
    try {
      return checked(raw, className, type, role);
    } catch (LinkageError e) { // a type in the constructor's signature, resolved by getConstructor
      throw unlinkable(className, classpath, role, e);
    }
  }

  private static <T> Class<? extends T> checked(Class<?> raw, String className, Class<T> type, String role) {
    if (!type.isAssignableFrom(raw)) {
      throw new BadDriverException(
          role + " class " + className + " does not implement " + type.getName());
    }
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      throw new BadDriverException(role + " class " + className + " is abstract or an interface");
    }
    if (!Modifier.isPublic(raw.getModifiers())) {
      throw new BadDriverException(role + " class " + className + " is not public");
    }
    try {
      Constructor<?> ctor = raw.getConstructor();
      if (!Modifier.isPublic(ctor.getModifiers())) {
        throw new NoSuchMethodException();
      }
    } catch (NoSuchMethodException e) {
      throw new BadDriverException(
          role + " class " + className + " has no public no-argument constructor", e);
    }
    return raw.asSubclass(type);
  }

  private static BadDriverException notFound(String className, List<Path> classpath, String role, Throwable e) {
    return new BadDriverException(
        role + " class not found: " + className
            + (classpath.isEmpty() ? " (no --classpath given)" : " on classpath " + classpath),
        e);
  }

  /**
   * The class is there but a class it names is not (NoClassDefFoundError), or it cannot be
   * linked for another reason. A driver compiled against the API before the DDI became one
   * package names {@code driver}, {@code context} or {@code event.RuleCategory}: say where
   * those went.
   */
  private static BadDriverException unlinkable(String className, List<Path> classpath, String role, LinkageError e) {
    if (!(e instanceof NoClassDefFoundError) || e.getMessage() == null) {
      return new BadDriverException(role + " class " + className + " cannot be loaded: " + e, e);
    }
    String missing = e.getMessage().replace('/', '.');
    if (missing.equals(className.trim())) {
      return notFound(className, classpath, role, e);
    }
    return new BadDriverException(
        role + " class " + className + " needs " + missing + ", which is not on the classpath" + movedTo(missing), e);
  }

  private static String movedTo(String missing) {
    if (missing.startsWith("dev.condis.reference.driver.") || missing.startsWith("dev.condis.reference.context.")) {
      return "; the DDI types are in dev.condis.reference.ddi now: recompile against it"
          + " (PLUGINS.md, \"The API\", has a sed line for your imports)";
    }
    if (missing.equals("dev.condis.reference.event.RuleCategory")) {
      return "; RuleCategory is in dev.condis.reference.rules now: recompile against it";
    }
    return "";
  }

  /** Loads and instantiates; see {@link #loadClass}. */
  public static <T> T instantiate(
      String className, Class<T> type, List<Path> classpath, String role) {
    return newInstance(loadClass(className, type, classpath, role), role);
  }

  /** A new instance through the public no-arg constructor; a throwing constructor is bad input. */
  public static <T> T newInstance(Class<? extends T> cls, String role) {
    try {
      return cls.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new BadDriverException(
          role + " class " + cls.getName() + ": constructor threw " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new BadDriverException(
          role + " class " + cls.getName() + " cannot be instantiated: " + e, e);
    }
  }

  /** Closes the cached class loaders (tests that compile classes into temp dirs). */
  public static void clearCache() {
    for (ClassLoader l : LOADERS.values()) {
      if (l instanceof URLClassLoader u) {
        try {
          u.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    LOADERS.clear();
  }
}
