package dev.condis.model.property;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.plugin.DriverLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The properties a run can check: the built-ins by id, a user's classes by name (from the
 * {@code --classpath}), and every class registered through {@link ServiceLoader} in {@code
 * META-INF/services/dev.condis.model.property.PropertyListener}.
 *
 * <p>A {@code VerificationRequest} carries property <em>class
 * names</em>: call {@link #resolve} on what the user typed (an id or a class name) to get
 * them, and {@link #prepare} to get a factory of fresh instances per execution.
 *
 * <p>Two more properties are always checked by the engines themselves, with no listener:
 * {@value #NO_UNCAUGHT_EXCEPTION} (an exception escaped driver code: a driver bug) and
 * {@value #LIVELOCK} (an execution ran past the per-execution step bound), and {@value #HANG}
 * (a thread made no synchronisation step for the execution timeout: it blocks or spins outside
 * the Platform), and {@value #CONTROLLED_THREADS} (driver code started a thread of its own).
 */
public final class PropertyCatalog {

  /** Engine-reported: an exception escaped a driver thread. */
  public static final String NO_UNCAUGHT_EXCEPTION = "no-uncaught-exception";
  /** Engine-reported: driver code started a thread of its own, or used the Platform from one. */
  public static final String CONTROLLED_THREADS = "controlled-threads";
  /** Engine-reported: a thread made no synchronisation step for the execution timeout. */
  public static final String HANG = "hang";
  /** Engine-reported: one execution exceeded the step (depth) bound. */
  public static final String LIVELOCK = "livelock";

  /** What {@code list} shows for one property. */
  public record PropertyInfo(String id, String description, String className, String origin) {}

  private static final ImmutableMap<String, Class<? extends PropertyListener>> BUILT_INS =
      ImmutableMap.of(
          ExactlyOnceCompletionProperty.ID, ExactlyOnceCompletionProperty.class,
          NoUseAfterCloseProperty.ID, NoUseAfterCloseProperty.class,
          NoLeakProperty.ID, NoLeakProperty.class,
          StatusDisciplineProperty.ID, StatusDisciplineProperty.class,
          CallOrderingProperty.ID, CallOrderingProperty.class,
          DeadlockProperty.ID, DeadlockProperty.class);

  private PropertyCatalog() {}

  /** Whether {@code c} is one of the built-in properties. */
  public static boolean isBuiltIn(Class<?> c) {
    return BUILT_INS.containsValue(c);
  }

  /** The built-in property ids, in report order. */
  public static ImmutableList<String> builtInIds() {
    return BUILT_INS.keySet().asList();
  }

  /** The class names of the default property set: every built-in. */
  public static ImmutableList<String> defaultPropertyClasses() {
    return BUILT_INS.values().stream().map(Class::getName).collect(ImmutableList.toImmutableList());
  }

  /**
   * What a run checks when no {@code --property} is given: every built-in, then every property
   * registered through ServiceLoader on {@code classpath} (or the model's own classpath).
   */
  public static ImmutableList<String> defaultPropertyClasses(List<Path> classpath) {
    Set<String> out = new LinkedHashSet<>(defaultPropertyClasses());
    for (PropertyInfo p : available(classpath)) {
      out.add(p.className());
    }
    return ImmutableList.copyOf(out);
  }

  /** The ids the engines check on their own, always. */
  public static ImmutableList<String> engineProperties() {
    return ImmutableList.of(NO_UNCAUGHT_EXCEPTION, LIVELOCK, HANG, CONTROLLED_THREADS);
  }

  /** Built-ins, then ServiceLoader ones found with {@code classpath}. */
  public static ImmutableList<PropertyInfo> available(List<Path> classpath) {
    ImmutableList.Builder<PropertyInfo> out = ImmutableList.builder();
    for (Class<? extends PropertyListener> c : BUILT_INS.values()) {
      PropertyListener p = DriverLoader.newInstance(c, "property");
      out.add(new PropertyInfo(p.id(), p.description(), c.getName(), "built-in"));
    }
    for (PropertyListener p : serviceLoaded(classpath)) {
      if (!BUILT_INS.containsValue(p.getClass())) {
        out.add(new PropertyInfo(p.id(), p.description(), p.getClass().getName(), "service"));
      }
    }
    return out.build();
  }

  /** Instances of the classes registered through ServiceLoader, in the loader's order. */
  public static ImmutableList<PropertyListener> serviceLoaded(List<Path> classpath) {
    List<PropertyListener> out = new ArrayList<>();
    try {
      for (PropertyListener p :
          ServiceLoader.load(PropertyListener.class, DriverLoader.classLoader(classpath))) {
        out.add(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new DriverLoader.BadDriverException("bad ServiceLoader property entry: " + e.getMessage(), e);
    }
    return ImmutableList.copyOf(out);
  }

  /** The built-in class for {@code id}, if it is one. */
  public static Optional<Class<? extends PropertyListener>> builtIn(String id) {
    return Optional.ofNullable(BUILT_INS.get(id));
  }

  /**
   * What the user typed ({@code --property X}) as a class name: a built-in id, the id of a
   * ServiceLoader-registered property, or a class name (checked: found on {@code classpath},
   * implements PropertyListener, public no-arg constructor). Bad input throws
   * {@link DriverLoader.BadDriverException} with one clear line.
   */
  public static String resolve(String idOrClassName, List<Path> classpath) {
    String s = idOrClassName.strip();
    Class<? extends PropertyListener> builtIn = BUILT_INS.get(s);
    if (builtIn != null) {
      return builtIn.getName();
    }
    if (engineProperties().contains(s)) {
      throw new DriverLoader.BadDriverException(
          "property '" + s + "' is checked by the engine on every run; it need not be selected");
    }
    if (!s.contains(".")) {
      for (PropertyListener p : serviceLoaded(classpath)) {
        if (p.id().equals(s)) {
          return p.getClass().getName();
        }
      }
      throw new DriverLoader.BadDriverException(
          "unknown property '" + s + "'; built-in: " + String.join(", ", builtInIds())
              + " (or give a class name implementing " + PropertyListener.class.getName() + ")");
    }
    DriverLoader.loadClass(s, PropertyListener.class, classpath, "property");
    return s;
  }

  /** Resolves each of {@code idsOrClassNames}; empty means the default set. Duplicates dropped. */
  public static ImmutableList<String> resolveAll(List<String> idsOrClassNames, List<Path> classpath) {
    if (idsOrClassNames.isEmpty()) {
      return defaultPropertyClasses();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String s : idsOrClassNames) {
      out.add(resolve(s, classpath));
    }
    return ImmutableList.copyOf(out);
  }

  /** Loads the classes once; {@link Factory#newInstances()} then makes fresh listeners per run. */
  public static Factory prepare(List<String> propertyClasses, List<Path> classpath) {
    Map<String, Class<? extends PropertyListener>> classes = new LinkedHashMap<>();
    for (String name : propertyClasses) {
      Class<? extends PropertyListener> builtIn = null;
      for (Class<? extends PropertyListener> c : BUILT_INS.values()) {
        if (c.getName().equals(name)) {
          builtIn = c;
        }
      }
      classes.put(
          name,
          builtIn != null
              ? builtIn
              : DriverLoader.loadClass(name, PropertyListener.class, classpath, "property"));
    }
    Factory f = new Factory(ImmutableList.copyOf(classes.values()));
    checkIds(f.newInstances()); // a constructor that throws, or a bad id, is bad input found up front
    return f;
  }

  /**
   * Each property's id names its violations in every report: one that is missing, reserved for
   * an engine check, or already another property's would show one property's findings as
   * another's.
   */
  private static void checkIds(List<PropertyListener> listeners) {
    Map<String, PropertyListener> byId = new LinkedHashMap<>();
    for (PropertyListener p : listeners) {
      String name = p.getClass().getName();
      String id;
      try {
        id = p.id();
      } catch (RuntimeException e) {
        throw new DriverLoader.BadDriverException("property " + name + ": id() threw " + e, e);
      }
      if (id == null || id.trim().isEmpty()) { // not isBlank: missing from JPF's String
        throw new DriverLoader.BadDriverException(
            "property " + name + " has no id: id() returned " + (id == null ? "null" : "'" + id + "'"));
      }
      if (engineProperties().contains(id)) {
        throw new DriverLoader.BadDriverException(
            "property " + name + " has id '" + id + "', which names the engine's own check; choose another id");
      }
      PropertyListener other = byId.putIfAbsent(id, p);
      if (other != null) {
        throw new DriverLoader.BadDriverException("property " + name + " has id '" + id + "', already the id of "
            + (BUILT_INS.containsValue(other.getClass()) ? "the built-in property " : "property ")
            + other.getClass().getName() + "; ids must be unique");
      }
    }
  }

  /** Makes a fresh instance of every selected property for each execution. */
  public static final class Factory {
    private final ImmutableList<Class<? extends PropertyListener>> classes;
    private ImmutableList<String> ids;

    Factory(ImmutableList<Class<? extends PropertyListener>> classes) {
      this.classes = classes;
    }

    public ImmutableList<PropertyListener> newInstances() {
      ImmutableList.Builder<PropertyListener> out = ImmutableList.builder();
      for (Class<? extends PropertyListener> c : classes) {
        out.add(DriverLoader.newInstance(c, "property"));
      }
      return out.build();
    }

    /**
     * Whether the explorer must explore every order of the event stream: some selected property
     * is neither built-in (each one's trace invariance is argued in proofs/README.md) nor says
     * {@link PropertyListener#traceInvariant()} itself.
     */
    public boolean needsEventOrder() {
      for (PropertyListener p : newInstances()) {
        if (!BUILT_INS.containsValue(p.getClass()) && !p.traceInvariant()) {
          return true;
        }
      }
      return false;
    }

    /** The ids of the selected properties, in order (checked by {@link #prepare}). */
    public ImmutableList<String> ids() {
      if (ids == null) {
        ids = newInstances().stream().map(PropertyListener::id).collect(ImmutableList.toImmutableList());
      }
      return ids;
    }
  }
}
