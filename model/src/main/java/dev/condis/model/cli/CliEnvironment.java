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

  public static CliEnvironment system() {
    return new CliEnvironment(
        new ServiceEngineDirectory(),
        System.console() != null,
        com.google.common.base.Suppliers.memoize(ToolInfo::current),
        System.getenv(),
        Runtime.getRuntime().availableProcessors());
  }
}
