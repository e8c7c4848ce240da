package dev.condis.junit;

import com.google.common.collect.ImmutableList;
import dev.condis.model.cli.BadInputException;
import dev.condis.model.cli.ScenarioOptions;
import dev.condis.model.cli.SearchOptions;
import dev.condis.model.cli.ServiceEngineDirectory;
import dev.condis.model.engine.Engine;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.scenario.ScenarioConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The engine of {@link CondisTest}: reads the annotation as the command line would read its
 * options (same checks, same defaults), and provides one invocation per scenario instance.
 * A bad attribute (an unknown scenario, a class that is no driver) fails the test method with
 * the command line's one-line message.
 */
public final class CondisExtension implements TestTemplateInvocationContextProvider {

  /** The command line's scenario and search options, parsed from the annotation's attributes. */
  @Command(name = "condis-test")
  static final class Options {
    @Mixin ScenarioOptions scenarios = new ScenarioOptions();
    @Mixin SearchOptions search = new SearchOptions();
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, CondisTest.class)).isPresent();
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    CondisTest test = context.getRequiredTestMethod().getAnnotation(CondisTest.class);
    List<Path> classpath = classpath(test);
    // The command line takes one --scenario: read the attributes once per scenario named.
    List<String> scenarios = test.scenarios().length == 0 ? java.util.Collections.singletonList(null)
        : List.of(test.scenarios());
    List<VerificationRequest> requests = new ArrayList<>();
    Engine engine = null;
    for (String scenario : scenarios) {
      List<String> args = arguments(test, scenario, classpath);
      Options options = new Options();
      try {
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args.toArray(String[]::new));
        engine = options.search.engine(new ServiceEngineDirectory());
        ImmutableList<String> properties = options.search.propertyClasses(options.scenarios.classpathEntries());
        var bounds = options.search.bounds();
        var engineOptions = options.search.engineOptions(System.getenv());
        for (ScenarioConfig config : options.scenarios.configs()) {
          requests.add(new VerificationRequest(config, properties, bounds, ProgressListener.NONE, engineOptions));
        }
      } catch (BadInputException | CommandLine.ParameterException | IllegalArgumentException e) {
        throw new ExtensionConfigurationException("@CondisTest " + String.join(" ", args) + ": " + e.getMessage(), e);
      }
    }
    Engine chosen = engine;
    return requests.stream().map(request -> new CondisInvocation(chosen, request));
  }

  /** The annotation as command-line arguments. */
  static List<String> arguments(CondisTest test, String scenario, List<Path> classpath) {
    List<String> args = new ArrayList<>();
    option(args, "--scenario", scenario);
    if (test.parties() >= 0) {
      args.add("--parties");
      args.add(Integer.toString(test.parties()));
    }
    option(args, "--cm", test.cm());
    option(args, "--vc", test.vc());
    option(args, "--client", name(test.client()));
    option(args, "--call-manager", name(test.callManager()));
    option(args, "--miniport", name(test.miniport()));
    for (String f : test.inject()) {
      option(args, "--inject", f);
    }
    for (String p : test.properties()) {
      option(args, "--property", p);
    }
    option(args, "--engine", test.engine());
    if (test.maxExecutions() > 0) {
      option(args, "--max-executions", Long.toString(test.maxExecutions()));
    }
    option(args, "--time-budget", test.timeBudget());
    option(args, "--random-walk", test.randomWalk());
    if (!classpath.isEmpty()) {
      option(args, "--classpath", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    }
    return args;
  }

  private static void option(List<String> args, String name, String value) {
    if (value != null && !value.isEmpty()) {
      args.add(name);
      args.add(value);
    }
  }

  private static String name(Class<?> c) {
    return c == Void.class ? "" : c.getName();
  }

  /**
   * Where the user's driver classes are: the code source of each class named, so the loader
   * finds them as the command line's {@code --classpath} would (a test's own classes are not on
   * the tool's class path in every build).
   */
  private static List<Path> classpath(CondisTest test) {
    List<Path> out = new ArrayList<>();
    for (Class<?> c : List.of(test.client(), test.callManager(), test.miniport())) {
      if (c == Void.class || c.getProtectionDomain().getCodeSource() == null) {
        continue;
      }
      try {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!out.contains(p)) {
          out.add(p);
        }
      } catch (java.net.URISyntaxException e) {
        throw new ExtensionConfigurationException("cannot locate " + c.getName(), e);
      }
    }
    return out;
  }
}
