package dev.condis.jpf;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.CheckOptions;
import dev.condis.model.engine.Engine;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code jpf} engine: checks a scenario with Java PathFinder, installed by the user
 * (jpf-core, {@code java-17} branch) and found through {@link JpfHome} ({@code --jpf-home},
 * {@code -Djpf.home}, {@code $JPF_HOME}), run as a subprocess on a JDK 17 ({@link JavaHost}).
 * JPF runs {@link JpfMain}: the same harness, reference drivers and property listeners as the
 * explorer, on the plain-Java platform, with JPF's deadlock, uncaught-exception and data-race
 * checks on top. The verdict, figures (JPF's new states, its end states as executions, wall
 * time) and counterexample (violated property and rule, JPF's trace summarised) are those of
 * {@link JpfVerdicts}.
 *
 * <p>The data-race check ({@value #RACES}, default on) makes JPF interleave threads at every
 * field access to shared objects, which costs an order of magnitude more states than
 * interleaving at synchronisation points only; {@code jpf.races=false} (engine option or
 * system property) leaves it out and checks the properties, deadlocks and uncaught exceptions
 * over the synchronisation orders, the explorer's premise.
 *
 * <p>JPF not configured, not built, or no JDK 17: {@link
 * dev.condis.model.engine.EngineUnavailableException} (the CLI's bad input, exit 2). Bad
 * scenario parameters or classes are found on the host before JPF starts, as with the explorer.
 */
public final class JpfEngine implements Engine {
  public static final String NAME = "jpf";
  /** Engine option and system property: {@code false} turns the data-race check off. */
  public static final String RACES = "jpf.races";

  @Override
  public String name() {
    return NAME;
  }

  /** A missing or wrong jpf.home, or no JDK 17 to host JPF, is found before any search. */
  @Override
  public void checkAvailable(ImmutableMap<String, String> engineOptions) {
    JpfHome.resolve(engineOptions);
    JavaHost.find();
  }

  @Override
  public VerificationResult verify(VerificationRequest request) {
    JpfHome home = JpfHome.resolve(request.engineOptions());
    JavaHost java = JavaHost.find();
    ScenarioConfig config = request.config();
    // Bad input (unknown scenario, unusable class) throws IllegalArgumentException here, on the host.
    ScenarioHarness harness = new ScenarioHarness(config, request.propertyClasses());
    boolean races = races(request.engineOptions().get(RACES), System.getProperty(RACES));
    ImmutableList.Builder<String> checked =
        ImmutableList.<String>builder().addAll(harness.propertyIds()).add(PropertyCatalog.NO_UNCAUGHT_EXCEPTION);
    if (races) {
      checked.add(JpfVerdicts.DATA_RACE);
    }
    ImmutableList<String> properties = checked.build();
    JpfArguments arguments = new JpfArguments(config, request.propertyClasses(), true, races);
    arguments.toWords(); // a class name JPF's target.args cannot carry is bad input, found now
    JpfRunner.Run run;
    try {
      run =
          new JpfRunner(home, java)
              .run(config.scenario(), arguments, config.drivers().classpath(),
                  request.bounds().timeBudget(), races);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run JPF: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while JPF ran", e);
    }
    JpfReport report = JpfReport.read(run.xmlReport, run.console);
    JpfVerdicts.RunFacts facts =
        new JpfVerdicts.RunFacts(
            config, run.wallTime, run.killed(), run.exitCode, run.stderr, countEndMarkers(run.console), run.workDir);
    VerificationResult result = JpfVerdicts.result(facts, report, properties, rerunCommand(config, request.propertyClasses(), home, races));
    request.progress().progress(Math.max(0, report.endStates()), run.wallTime);
    if (result.verdict() != dev.condis.model.engine.Verdict.ERROR) {
      deleteQuietly(run.workDir); // kept for an ERROR: its detail names it
    }
    return result;
  }

  /** Whether to check for data races: the engine option, else the system property, else yes. */
  static boolean races(String option, String systemProperty) {
    String v = option != null ? option : systemProperty;
    return v == null || !v.trim().equalsIgnoreCase("false");
  }

  static long countEndMarkers(String console) {
    long n = 0;
    int at = console.indexOf(JpfMain.END_MARKER);
    while (at >= 0) {
      n++;
      at = console.indexOf(JpfMain.END_MARKER, at + 1);
    }
    return n;
  }

  /** The command that runs this JPF check again, race check included or not (JPF's search is deterministic). */
  static String rerunCommand(ScenarioConfig config, List<String> propertyClasses, JpfHome home, boolean races) {
    return (races ? "" : "JAVA_OPTS=-D" + RACES + "=false ")
        + "./condis-verify verify --engine jpf --jpf-home " + home.dir()
        + CheckOptions.of(config, propertyClasses);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp dir is harmless
    }
  }
}
