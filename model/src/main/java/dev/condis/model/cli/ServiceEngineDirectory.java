package dev.condis.model.cli;

import dev.condis.model.engine.Engine;
import dev.condis.model.explorer.ExplorerEngine;
import java.util.List;
import java.util.Optional;

/**
 * The engines registered through {@link java.util.ServiceLoader} ({@link Engines}): the
 * explorer from this module, JPF from jpf-config when its jar is on the class path. The
 * explorer replays schedules; so does any engine that implements {@link Replayer}.
 */
public final class ServiceEngineDirectory implements EngineDirectory {
  public static final String DEFAULT_ENGINE = Engines.DEFAULT;

  private List<Engine> engines;

  private synchronized List<Engine> engines() {
    if (engines == null) {
      engines = Engines.all();
    }
    return engines;
  }

  @Override
  public List<String> names() {
    return engines().stream().map(Engine::name).toList();
  }

  @Override
  public Optional<Engine> find(String name) {
    return engines().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  @Override
  public Optional<Replayer> replayer(String name) {
    return find(name)
        .flatMap(
            e -> {
              if (e instanceof ExplorerEngine explorer) {
                return Optional.of((Replayer) explorer::replay);
              } else if (e instanceof Replayer r) {
                return Optional.of(r);
              }
              return Optional.empty();
            });
  }
}
