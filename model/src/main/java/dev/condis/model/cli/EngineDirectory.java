package dev.condis.model.cli;

import dev.condis.model.engine.Engine;
import java.util.List;
import java.util.Optional;

/**
 * Where the CLI finds engines by {@code --engine} name, and the replayer for {@code replay}.
 * The real one is {@link ServiceEngineDirectory}; tests pass a fake.
 */
public interface EngineDirectory {
  /** The names of the engines on the class path, the default first. */
  List<String> names();

  Optional<Engine> find(String name);

  /** The replayer of engine {@code name}, if it can replay schedules. */
  Optional<Replayer> replayer(String name);
}
