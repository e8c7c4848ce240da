package dev.condis.model.cli;

import dev.condis.model.report.ToolInfo;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the commands need from outside: the engines, whether stderr is a terminal (for the
 * progress bar), the tool's identity, and the process environment (JPF_HOME).
 */
public record CliEnvironment(
    EngineDirectory engines,
    boolean terminal,
    Supplier<ToolInfo> tool,
    Map<String, String> environment) {

  public static CliEnvironment system() {
    return new CliEnvironment(
        new ServiceEngineDirectory(),
        System.console() != null,
        com.google.common.base.Suppliers.memoize(ToolInfo::current),
        System.getenv());
  }
}
