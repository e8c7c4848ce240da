package dev.condis.model.cli;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.ReplayResult;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.report.MermaidDiagram;
import dev.condis.model.report.SequenceChart;
import dev.condis.model.report.TraceStep;
import dev.condis.model.scenario.ScenarioConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code condis-verify replay SCHEDULE --scenario NAME ...}: re-runs one execution along a
 * schedule (as a counterexample prints it) and shows it step by step. Exit 1 when the run
 * ends in a violation, 0 when it does not, 3 when the program diverged from the schedule
 * and no violation was seen (the schedule does not belong to these options or this code).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = CondisVerify.Version.class,
    sortOptions = false,
    description = {
      "Re-runs one counterexample from its schedule and prints it step by step: the sequence chart,"
          + " the Mermaid diagram, the violation, and whether the program diverged from the schedule.",
      "Give the same scenario options as the run that found it (the counterexample's replay line has them):"
          + " --scenario is required, --cm defaults to standalone and --vc to the scenario's default owner."
          + " No watchdog unless --execution-timeout is given, so a replay can wait at a breakpoint."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCHEDULE", description = "The schedule a counterexample printed.")
  String schedule;

  @Option(
      names = "--from",
      paramLabel = "REPORT.json",
      description = "Replay the counterexample of a JSON report (verify --format json): its scenario options and schedule come from the report, none retyped.")
  Path from;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description = "With --from: the scenario instance whose counterexample to replay (needed when the report has several).")
  String label;

  @Mixin ScenarioOptions scenarios = new ScenarioOptions();

  @Mixin SearchOptions search = new SearchOptions();

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the replay to FILE.")
  Path output;

  private final CliEnvironment env;

  ReplayCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    if (from != null) {
      if (schedule != null) {
        throw new BadInputException("give a SCHEDULE with its options, or --from REPORT.json, not both");
      }
      return replayFrom();
    }
    if (label != null) {
      throw new BadInputException("--label picks a counterexample of the report given with --from");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path outputFile = output == null ? null : OutputFiles.checkWritableFile(output, "--output");
    if (schedule == null || schedule.isBlank()) {
      throw new BadInputException("no schedule: give the SCHEDULE a counterexample printed, or --from REPORT.json");
    }
    search.engine(env.engines()); // unknown engine: bad input
    if (search.randomWalk != null) {
      throw new BadInputException("--random-walk is for verify: replay runs the one schedule it is given");
    }
    Replayer replayer =
        env.engines()
            .replayer(search.engine)
            .orElseThrow(
                () -> new BadInputException("engine '" + search.engine + "' cannot replay schedules; use --engine explorer"));
    ScenarioConfig config = scenarios.single();
    List<Path> classpath = scenarios.classpathEntries();
    ImmutableList<String> properties = search.propertyClasses(classpath);
    VerificationRequest request =
        new VerificationRequest(
            config, properties, search.bounds(null), dev.condis.model.engine.ProgressListener.NONE, search.engineOptions(env.environment()));
    ReplayResult outcome;
    try {
      outcome = replayer.replay(request, schedule.strip());
    } catch (IllegalArgumentException e) {
      if (ErrorHandling.isBadInput(e)) {
        throw e;
      }
      // the schedule is not well-formed, or it does not fit the scenario options
      throw new BadInputException(ErrorHandling.oneLine(e.getMessage()), e);
    }
    String text = render(config, schedule.strip(), outcome);
    out.print(text);
    out.flush();
    if (outputFile != null) {
      OutputFiles.write(outputFile, text, "--output");
    }
    if (outcome.error().isPresent()) {
      spec.commandLine().getErr().println(ErrorHandling.PREFIX + "internal error during replay: " + ErrorHandling.oneLine(outcome.error().get()));
      return ExitCodes.INTERNAL_ERROR;
    }
    if (outcome.violation().isPresent()) {
      return ExitCodes.VIOLATION;
    }
    return outcome.diverged() ? ExitCodes.INCONCLUSIVE : ExitCodes.VERIFIED;
  }

  /**
   * {@code --from}: the report's counterexample (the one of {@code --label}, or the only one)
   * is replayed with the options of its replay command, parsed as this command would parse them.
   */
  private Integer replayFrom() {
    String command = ReportCounterexamples.replayCommand(from, label);
    List<String> args = new java.util.ArrayList<>(ReportCounterexamples.words(command));
    if (args.size() < 3 || !args.get(1).equals("replay")) {
      throw new BadInputException("the counterexample in " + from + " has no replay command: " + command);
    }
    args = new java.util.ArrayList<>(args.subList(2, args.size()));
    if (output != null) {
      args.add("--output");
      args.add(output.toString());
    }
    CommandLine again = new CommandLine(new ReplayCommand(env));
    again.setCaseInsensitiveEnumValuesAllowed(true);
    again.setOut(spec.commandLine().getOut());
    again.setErr(spec.commandLine().getErr());
    again.parseArgs(args.toArray(String[]::new));
    return ((ReplayCommand) again.getCommand()).call();
  }

  static String render(ScenarioConfig config, String schedule, ReplayResult outcome) {
    StringWriter sink = new StringWriter();
    PrintWriter out = new PrintWriter(sink);
    List<TraceStep> steps = TraceStep.of(outcome.trace());
    out.println("replay of " + config.label());
    out.println("  schedule   " + schedule);
    if (!outcome.followed().equals(schedule)) {
      out.println("  followed   " + outcome.followed());
    }
    out.println("  steps      " + steps.size() + " (" + outcome.trace().size() + " events)");
    out.println();
    out.print(SequenceChart.renderSteps(steps, 2));
    out.println();
    out.println("```mermaid");
    out.print(MermaidDiagram.renderSteps(steps));
    out.println("```");
    out.println();
    out.println(
        "  result     "
            + outcome.violation().map(v -> "VIOLATION " + v).orElse("no violation in this execution"));
    out.println(
        "  schedule   "
            + outcome.divergence()
                .map(d -> "DIVERGED: the program left the schedule: " + d)
                .orElse("followed exactly"));
    outcome.error().ifPresent(e -> out.println("  error      " + e));
    out.flush();
    return sink.toString();
  }
}
