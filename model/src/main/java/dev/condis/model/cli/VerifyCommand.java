package dev.condis.model.cli;

import com.google.common.base.Stopwatch;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.explorer.Explorer;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Engine;
import dev.condis.model.engine.EngineUnavailableException;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.plugin.DriverLoader;
import dev.condis.model.plugin.PluginCode;
import dev.condis.model.proof.CertificateWriter;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.property.PropertyListener;
import dev.condis.model.report.RuleCoverage;
import dev.condis.model.report.ScenarioReport;
import dev.condis.model.report.SuiteReport;
import dev.condis.model.report.TextReport;
import dev.condis.model.report.ToolInfo;
import dev.condis.model.scenario.ScenarioConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code condis-verify verify}: checks the default suite or the scenarios selected. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = CondisVerify.Version.class,
    sortOptions = false,
    description = {
      "Checks scenarios of the CoNDIS reference (or your drivers) against the properties,"
          + " exploring every interleaving and every choice within the bounds.",
      "Without options: the default suite on the embedded explorer.",
      "Exit codes: 0 verified, 1 violation, 2 bad input, 3 inconclusive, 4 internal error;"
          + " a suite exits with its worst verdict."
    })
final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ScenarioOptions scenarios = new ScenarioOptions();

  @Mixin SearchOptions search = new SearchOptions();

  @Option(
      names = "--format",
      paramLabel = "text|json|junit|sarif|markdown",
      defaultValue = "text",
      description = "Report format. json, junit, sarif (SARIF 2.1.0, for code scanning) and markdown (for $GITHUB_STEP_SUMMARY) go to --output, or to stdout instead of the text report.")
  ReportFormat format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report (in --format) to FILE; the text report still goes to stdout unless --quiet.")
  Path output;

  @Option(names = "--quiet", description = "No text report and no progress; only errors and the exit code (and a machine report asked for with --format).")
  boolean quiet;

  /** {@code --progress}: how a search's progress shows on stderr. */
  enum Progress {
    auto,
    bar,
    lines,
    off
  }

  @Option(
      names = "--progress",
      paramLabel = "auto|bar|lines|off",
      defaultValue = "auto",
      description = "Search progress on stderr: a bar, or a line every 10 s with the scenario, executions, states, rate and elapsed time (for CI logs); auto is a bar on a terminal and lines elsewhere. --quiet means off.")
  Progress progress;

  @Option(
      names = "--certificates",
      paramLabel = "DIR",
      description = "Write one proof certificate (JSON) per scenario checked into DIR, e.g. proofs/certificates.")
  Path certificates;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Threads (default: the available processors but one, which the JIT compiler and the collector need). Instances are checked at once, each on its own thread, and with fewer instances than workers each instance's search is split over the idle ones (see --split). Verdicts are the same for any N; so are counterexamples and figures of unsplit searches, and counterexamples of split ones.")
  Integer workers;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description = "Explore only shard K of N of every instance (the split's work units numbered K modulo N) and write a shard report for 'merge'. Default: CI_NODE_INDEX/CI_NODE_TOTAL (GitLab parallel:), or JOB_COMPLETION_INDEX with --shards N (Kubernetes Indexed Job).")
  String shard;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "With JOB_COMPLETION_INDEX (a Kubernetes Indexed Job): the number of shards, the Job's completions.")
  Integer shards;

  @Option(
      names = "--shard-report",
      paramLabel = "FILE",
      description = "Where a shard writes its report for 'merge' (default: condis-shard-K-of-N.json).")
  Path shardReport;

  @Option(
      names = "--coverage",
      description = "After the summary, list per rule in how many scenario instances a check of it ran: a rule never checked was not tested, whatever the verdict (explorer engine).")
  boolean coverage;

  private final CliEnvironment env;
  private final boolean verbose;

  VerifyCommand(CliEnvironment env, boolean verbose) {
    this.env = env;
    this.verbose = verbose;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    // Every input is checked before the first search starts.
    Path outputFile = output == null ? null : OutputFiles.checkWritableFile(output, "--output");
    Path certificateDir =
        certificates == null ? null : OutputFiles.checkWritableDirectory(certificates, "--certificates");
    Engine engine = search.engine(env.engines());
    int workerCount = workers();
    Explorer.plan(workerCount);
    Bounds bounds = search.bounds();
    ImmutableList<ScenarioConfig> configs = scenarios.configs();
    if (search.split != null && !engine.name().equals(ExplorerEngine.NAME)) {
      throw new BadInputException("--split is for the explorer engine, not " + engine.name());
    }
    java.util.Optional<ShardSpec> shardSpec = ShardSpec.resolve(shard, shards, env.environment());
    Path shardFile = null;
    if (shardSpec.isPresent()) {
      ShardSpec k = shardSpec.get();
      if (!engine.name().equals(ExplorerEngine.NAME)) {
        throw new BadInputException("a shard (" + k.source() + ") needs the explorer engine, not " + engine.name());
      }
      shardFile = OutputFiles.checkWritableFile(shardReport != null ? shardReport
          : Path.of("condis-shard-" + k.index() + "-of-" + k.count() + ".json"), "--shard-report");
    } else if (shardReport != null) {
      throw new BadInputException("--shard-report needs a shard (--shard K/N)");
    }
    // More workers than instances: the idle ones split the instances' searches (not a shard's).
    int idleWorkers = engine.name().equals(ExplorerEngine.NAME) && shardSpec.isEmpty()
        ? workerCount / Math.max(1, configs.size()) : 1;
    ToolInfo tool = env.tool().get();
    List<Path> classpath = scenarios.classpathEntries();
    // A shard names the user code it checked; merge and the next night's claims compare it.
    String userCode = shardSpec.isPresent() ? PluginCode.of(classpath) : null;
    ImmutableMap<String, String> engineOptions =
        claimsOfThisCode(search.engineOptions(env.environment(), idleWorkers, shardSpec), tool, userCode);
    engine.checkAvailable(engineOptions);
    ImmutableList<String> propertyClasses = search.propertyClasses(classpath);
    Map<String, String> descriptions = describe(propertyClasses, classpath);
    Map<String, String> allDescriptions = new LinkedHashMap<>(descriptions);
    allDescriptions.putAll(EngineChecks.descriptions());

    boolean textToConsole = !quiet && (outputFile != null || format == ReportFormat.text);
    CertificateWriter certificateWriter =
        certificateDir == null
            ? null
            : new CertificateWriter(certificateDir, tool, allDescriptions, descriptions.keySet());

    if (textToConsole) {
      out.printf(
          "condis-verify %s: %d scenario%s on engine %s, properties %s%n%n",
          tool.version(),
          configs.size(),
          configs.size() == 1 ? "" : "s",
          engine.name(),
          String.join(", ", descriptions.keySet()));
      out.flush();
    }

    Instant started = Instant.now();
    Stopwatch wall = Stopwatch.createStarted();
    List<ScenarioReport> reports = new CopyOnWriteArrayList<>(); // the exit guard reads it too
    List<String> lateWriteFailures = new ArrayList<>();
    // The instances being checked (one with one worker), for a plug-in's System.exit.
    java.util.Set<String> inFlight = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    try (ExitGuard guard = ExitGuard.install(where -> {
      // Plug-in code called System.exit, or a signal stops the JVM: say so, and keep what finished.
      String cause = where.isEmpty()
          ? "the run was stopped from outside (a signal such as Ctrl-C or SIGTERM)"
          : "plug-in code called System.exit" + where;
      List<ScenarioReport> finished = List.copyOf(reports);
      err.println(ErrorHandling.PREFIX + cause + " while checking "
          + inFlightText(inFlight, workerCount) + "; the run was cut short with "
          + finished.size() + " scenario(s) finished"
          + (outputFile == null ? "" : ", reported in " + output)
          + (certificateDir == null ? "" : ", certified in " + certificates)
          + " (exit " + ExitCodes.INTERNAL_ERROR + ")");
      err.flush();
      if (outputFile != null) {
        OutputFiles.write(outputFile, render(new SuiteReport(tool, started, wall.elapsed(),
            cutShort(finished, configs, engine.name(), List.copyOf(descriptions.keySet()), bounds, cause))),
            "--output");
      }
    })) {
      ParallelChecks checks = new ParallelChecks(Math.min(workerCount, configs.size()));
      // Bars of several searches at once would overwrite each other: lines instead.
      ProgressReporter.Mode progressMode = workerCount > 1 && progressMode() == ProgressReporter.Mode.BAR
          ? ProgressReporter.Mode.LINES : progressMode();
      for (ScenarioConfig config : configs) {
        checks.submit(() -> {
          inFlight.add(config.label());
          try {
            return check(engine, config, propertyClasses, bounds, engineOptions, descriptions, err, progressMode);
          } finally {
            inFlight.remove(config.label());
          }
        });
      }
      int index = 1;
      for (ScenarioConfig config : configs) {
        VerificationResult result = checks.next();
        ScenarioReport report = new ScenarioReport(result, bounds);
        reports.add(report);
        if (textToConsole) {
          out.println(TextReport.scenario(report, index, configs.size()));
          out.flush();
        }
        if (certificateWriter != null) {
          try {
            certificateWriter.write(report);
          } catch (IOException | RuntimeException e) {
            // Checked writable before the search; failing now must not replace the verdict.
            lateWriteFailures.add("cannot write the certificate of " + config.label() + " into --certificates "
                + certificates + ": " + OutputFiles.describe(e));
          }
        }
        index++;
      }

      checks.close();
      SuiteReport suite = new SuiteReport(tool, started, wall.elapsed(), reports);
      if (textToConsole) {
        String summary = TextReport.summary(suite);
        // A shard's verdict line is ShardRun's: the suite's would claim what merge decides.
        out.print(shardSpec.isPresent() ? summary.substring(0, summary.stripTrailing().lastIndexOf('\n') + 1) : summary);
        if (certificateDir != null) {
          out.println("certificates: " + reports.size() + " written to " + certificates);
        }
        if (coverage) {
          out.print(RuleCoverage.of(reports.stream().map(ScenarioReport::result).toList()).render());
        }
        out.flush();
      }
      String rendered = render(suite);
      if (outputFile != null) {
        try {
          OutputFiles.write(outputFile, rendered, "--output");
          if (textToConsole) {
            out.println(format + " report: " + output);
            out.flush();
          }
        } catch (BadInputException e) {
          lateWriteFailures.add(e.getMessage());
        }
      } else if (format != ReportFormat.text) {
        out.print(rendered);
        out.flush();
      }
      int exit = suite.exitCode();
      if (shardSpec.isPresent()) {
        exit = ShardRun.finish(shardSpec.get(), suite, shardFile, engine.name(), bounds, engineOptions, propertyClasses,
            configs, userCode, lateWriteFailures, textToConsole ? out : null);
      }
      // The search's verdict stands: a report that could not be written is said on one line each.
      for (String failure : lateWriteFailures) {
        err.println(ErrorHandling.PREFIX + ErrorHandling.oneLine(failure) + " (the verdict's exit code stands)");
      }
      err.flush();
      return exit;
    }
  }

  private static String inFlightText(java.util.Set<String> inFlight, int workerCount) {
    synchronized (inFlight) {
      if (inFlight.isEmpty()) {
        return "the first scenario";
      }
      return String.join(" or ", inFlight) + (workerCount > 1 ? " (checked in parallel)" : "");
    }
  }

  private int workers() {
    if (workers == null) {
      return Math.max(1, env.defaultWorkers());
    }
    if (workers < 1) {
      throw new BadInputException("--workers must be at least 1, not " + workers);
    }
    return workers;
  }

  /**
   * One scenario instance's check, on whichever thread runs it. An engine failure is that
   * instance's ERROR (the suite goes on); bad input and an engine that is not there end the run.
   */
  private VerificationResult check(Engine engine, ScenarioConfig config, ImmutableList<String> propertyClasses,
      Bounds bounds, ImmutableMap<String, String> engineOptions, Map<String, String> descriptions, PrintWriter err,
      ProgressReporter.Mode progressMode) {
    try (ProgressReporter progress = new ProgressReporter(config.label(), progressMode, System.err)) {
      return engine.verify(new VerificationRequest(config, propertyClasses, bounds, progress, engineOptions));
    } catch (EngineUnavailableException | BadInputException | DriverLoader.BadDriverException e) {
      throw e;
    } catch (RuntimeException e) {
      synchronized (err) {
        err.println(ErrorHandling.PREFIX + "internal error in " + config.label() + ": " + ErrorHandling.oneLine(e.toString()));
        if (verbose) {
          e.printStackTrace(err);
        }
        err.flush();
      }
      return errorResult(config, engine.name(), List.copyOf(descriptions.keySet()), e);
    }
  }

  private ProgressReporter.Mode progressMode() {
    if (quiet) {
      return ProgressReporter.Mode.OFF;
    }
    return switch (progress) {
      case auto -> env.terminal() ? ProgressReporter.Mode.BAR : ProgressReporter.Mode.LINES;
      case bar -> ProgressReporter.Mode.BAR;
      case lines -> ProgressReporter.Mode.LINES;
      case off -> ProgressReporter.Mode.OFF;
    };
  }

  private String render(SuiteReport suite) {
    return format.render(suite);
  }

  /**
   * The options without {@code --claims} when the claims were made by other code, said in one
   * line on stderr: another (or an unknown) commit of the checker, or other user drivers and
   * properties ({@code userCode}, this shard's {@link PluginCode}). Other code numbers other
   * units and reaches other states, so a nightly job carries the file from run to run and it
   * serves when both repeat.
   */
  private ImmutableMap<String, String> claimsOfThisCode(ImmutableMap<String, String> options, ToolInfo tool,
      String userCode) {
    String text = options.get(ExplorerEngine.CLAIMS);
    if (text == null) {
      return options;
    }
    dev.condis.model.engine.StateClaims claims = dev.condis.model.engine.StateClaims.parse(text);
    String made = claims.commit();
    String mine = tool.gitCommit().orElse(null);
    String why;
    if (made == null || !made.equals(mine)) {
      why = "was made at " + (made == null ? "an unknown commit" : "commit " + made) + ", this is "
          + (mine == null ? "a build of unknown commit" : mine);
    } else if (claims.userCode() == null) {
      why = "does not say which user code it was made with";
    } else if (!claims.userCode().equals(userCode)) {
      boolean madeWith = !PluginCode.NONE.equals(claims.userCode());
      boolean mineWith = !PluginCode.NONE.equals(userCode);
      why = madeWith && mineWith ? "was made with other contents of --classpath (other drivers or properties)"
          : madeWith ? "was made with a --classpath, this run has none" : "was made without --classpath, this run has one";
    } else {
      return options;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(ErrorHandling.PREFIX + "--claims " + search.claims + " " + why
        + ": not used, the shards explore every state of their units as without it");
    err.flush();
    return ImmutableMap.copyOf(com.google.common.collect.Maps.filterKeys(options, k -> !k.equals(ExplorerEngine.CLAIMS)));
  }

  /** id to description of each selected property (instantiating each once: bad ones fail here). */
  static Map<String, String> describe(List<String> propertyClasses, List<Path> classpath) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (PropertyListener p : PropertyCatalog.prepare(propertyClasses, classpath).newInstances()) {
        out.put(p.id(), p.description());
      }
    } catch (DriverLoader.BadDriverException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    return out;
  }

  /**
   * The report of a run cut short: the scenarios that finished, then every other one as an
   * ERROR that says it was not checked to the end, so that the report's verdict and exit code
   * are the process's, never a VERIFIED for what was never run.
   */
  static List<ScenarioReport> cutShort(List<ScenarioReport> finished, List<ScenarioConfig> configs, String engine,
      List<String> properties, Bounds bounds, String cause) {
    List<ScenarioReport> all = new ArrayList<>(finished);
    java.util.Set<String> done = new java.util.HashSet<>();
    finished.forEach(r -> done.add(r.label()));
    for (ScenarioConfig config : configs) {
      if (!done.contains(config.label())) {
        all.add(new ScenarioReport(errorResult(config, engine, properties, "not checked to the end: " + cause),
            bounds));
      }
    }
    return all;
  }

  static VerificationResult errorResult(
      ScenarioConfig config, String engine, List<String> properties, Throwable e) {
    return errorResult(config, engine, properties, "internal error: " + ErrorHandling.oneLine(e.toString()));
  }

  /** An ERROR with nothing explored (figures unknown); {@code detail} says why. */
  private static VerificationResult errorResult(
      ScenarioConfig config, String engine, List<String> properties, String detail) {
    return new VerificationResult(
        config,
        engine,
        Verdict.ERROR,
        ImmutableList.copyOf(properties),
        new Figures(-1, -1, -1, -1, -1, Duration.ZERO),
        Optional.empty(),
        Optional.of(detail));
  }
}
