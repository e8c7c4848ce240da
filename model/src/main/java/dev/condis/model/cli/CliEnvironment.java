package dev.condis.model.cli;

import dev.condis.model.report.ToolInfo;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the commands need from outside: the engines, whether stderr is a terminal (for the
 * progress bar), the tool's identity, the process environment (JPF_HOME), and how many
 * scenario instances {@code verify} checks at once unless {@code --workers} says.
 */
public record CliEnvironment(
    EngineDirectory engines,
    boolean terminal,
    Supplier<ToolInfo> tool,
    Map<String, String> environment,
    int defaultWorkers) {

  /** One worker: instances one after another. */
  public CliEnvironment(
      EngineDirectory engines, boolean terminal, Supplier<ToolInfo> tool, Map<String, String> environment) {
    this(engines, terminal, tool, environment, 1);
  }

  /**
   * This process's: {@code verify} checks on all processors but one, which is left to the JIT
   * compiler and the collector. A search keeps its CPU busy (the explorer pins its threads to
   * one), so a worker on the last CPU would only take their time: on 2 cores the default suite
   * took 15.6–16.0 s on one worker and 17.4–18.0 s on two (README.md, "--workers").
   */
  public static CliEnvironment system() {
    return new CliEnvironment(
        new ServiceEngineDirectory(),
        System.console() != null,
        com.google.common.base.Suppliers.memoize(ToolInfo::current),
        System.getenv(),
        Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }
}
