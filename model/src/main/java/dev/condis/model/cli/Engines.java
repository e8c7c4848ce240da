package dev.condis.model.cli;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.Engine;
import dev.condis.model.explorer.ExplorerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The engines on the classpath, found through {@link ServiceLoader}
 * ({@code META-INF/services/dev.condis.model.engine.Engine}): the explorer (in this module,
 * the default) and JPF (in jpf-config) register the same way.
 */
public final class Engines {
  public static final String DEFAULT = ExplorerEngine.NAME;

  private Engines() {}

  /** Every registered engine, the default first, then by name. */
  public static ImmutableList<Engine> all() {
    List<Engine> out = new ArrayList<>();
    try {
      for (Engine e : ServiceLoader.load(Engine.class, Engines.class.getClassLoader())) {
        out.add(e);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("a registered engine cannot be loaded: " + e.getMessage(), e);
    }
    if (out.stream().noneMatch(e -> e.name().equals(DEFAULT))) {
      out.add(new ExplorerEngine());
    }
    out.sort(
        (a, b) ->
            a.name().equals(DEFAULT) ? -1 : b.name().equals(DEFAULT) ? 1 : a.name().compareTo(b.name()));
    return ImmutableList.copyOf(out);
  }

  /** The names of the registered engines. */
  public static ImmutableList<String> names() {
    return all().stream().map(Engine::name).collect(ImmutableList.toImmutableList());
  }

  /**
   * The engine called {@code name}. An unknown name throws {@link IllegalArgumentException}
   * with the known names (the CLI's bad input, exit 2).
   */
  public static Engine find(String name) {
    for (Engine e : all()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown engine '" + name + "'; available: " + String.join(", ", names()));
  }

  /** The default engine: the embedded explorer. */
  public static Engine defaultEngine() {
    return find(DEFAULT);
  }
}
