package dev.condis.model.engine;

import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.reference.fault.SeededFault;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a check is spelled on the command line, for every engine's rerun and replay commands and
 * for shard reports: the one place that turns a scenario instance back into {@code verify}
 * options (the scenario's own spellings are {@link ScenarioDefinition#cliName}).
 */
public final class CheckOptions {
  private CheckOptions() {}

  /**
   * The command that replays a counterexample exactly: {@code ./condis-verify replay
   * --scenario NAME --parties N --cm standalone|mcm --vc client|cm [--inject F]... [--client C]
   * [--call-manager C] [--miniport C] [--classpath P] [--property X]... SCHEDULE}. Properties
   * are listed only when they differ from the default set.
   */
  public static String replayCommand(ScenarioConfig config, List<String> propertyClasses, String schedule) {
    return "./condis-verify replay" + of(config, propertyClasses) + " " + schedule;
  }

  /**
   * The command-line options that ask for this check again, each after a space: the scenario
   * instance, its faults, the user's drivers and class path, and the properties when they
   * differ from the default set. Shared by every engine's rerun and replay commands.
   */
  public static String of(ScenarioConfig config, List<String> propertyClasses) {
    StringBuilder sb = new StringBuilder();
    sb.append(" --scenario ").append(config.scenario());
    sb.append(" --parties ").append(config.parties());
    sb.append(" --cm ").append(ScenarioDefinition.cliName(config.callManagerKind()));
    sb.append(" --vc ").append(ScenarioDefinition.cliName(config.vcOwner()));
    for (SeededFault f : config.faults().asSet()) {
      sb.append(" --inject ").append(f.cliName());
    }
    config.drivers().clientClass().ifPresent(c -> sb.append(" --client ").append(c));
    config.drivers().callManagerClass().ifPresent(c -> sb.append(" --call-manager ").append(c));
    config.drivers().miniportClass().ifPresent(c -> sb.append(" --miniport ").append(c));
    if (!config.drivers().classpath().isEmpty()) {
      sb.append(" --classpath ")
          .append(
              shellQuote(
                  config.drivers().classpath().stream()
                      .map(Path::toString)
                      .collect(Collectors.joining(java.io.File.pathSeparator))));
    }
    if (propertyClasses != null
        && !propertyClasses.isEmpty()
        && !propertyClasses.equals(PropertyCatalog.defaultPropertyClasses())
        && !propertyClasses.equals(PropertyCatalog.defaultPropertyClasses(config.drivers().classpath()))) {
      for (String p : propertyClasses) {
        sb.append(" --property ").append(shortProperty(p));
      }
    }
    return sb.toString();
  }

  /** A built-in's id rather than its class name, for a shorter command line. */
  private static String shortProperty(String className) {
    for (String id : PropertyCatalog.builtInIds()) {
      if (PropertyCatalog.builtIn(id).map(Class::getName).orElse("").equals(className)) {
        return id;
      }
    }
    return className;
  }

  private static String shellQuote(String s) {
    return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
