package dev.condis.jpf;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.Classified;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.PropertyFailure;
import dev.condis.model.property.Violation;
import dev.condis.model.scenario.ViolationSink;
import dev.condis.reference.event.NdisEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what JPF reported into the same {@link VerificationResult} the explorer gives.
 *
 * <ul>
 *   <li>NoUncaughtExceptionsProperty with a {@code "PROPERTY <id> RULE <rule>: ..."} error:
 *       VIOLATION of that property with that rule.
 *   <li>NotDeadlockedProperty: VIOLATION of {@code deadlock} (rule IRQL-4), as the explorer
 *       reports a deadlock; so is the plain-Java platform's "re-acquired ... not reentrant"
 *       error, which the explorer also counts as a deadlock.
 *   <li>PreciseRaceDetector: VIOLATION of {@value #DATA_RACE} (a field two threads access
 *       without a common lock, at least one writing).
 *   <li>Another uncaught exception: a gap in JPF's model classes ({@code NoSuchMethodError} and
 *       kin) is ERROR, not a violation; one thrown by condis-verify's own code is ERROR; one
 *       thrown by driver or NDIS code is VIOLATION of {@code no-uncaught-exception}.
 *   <li>No error, but a search constraint hit (time budget, depth limit): INCONCLUSIVE.
 *   <li>No error and no execution ran to the end (JpfMain's end marker never printed, or no end
 *       state): ERROR, since a JPF limitation stops a thread silently.
 *   <li>No result at all (JPF crashed, or could not load the program): ERROR with what JPF
 *       said; the process killed after the time budget: INCONCLUSIVE.
 * </ul>
 */
final class JpfVerdicts {
  /** The property a data race JPF finds is reported under. */
  static final String DATA_RACE = "data-race";
  /** JPF's own properties are not CoNDIS rules; like the explorer's no-uncaught-exception. */
  static final String NO_RULE = Classified.NO_RULE;

  static final String UNCAUGHT = "gov.nasa.jpf.vm.NoUncaughtExceptionsProperty";
  static final String DEADLOCK = "gov.nasa.jpf.vm.NotDeadlockedProperty";
  static final String RACE = "gov.nasa.jpf.listener.PreciseRaceDetector";

  /** Exceptions that mean JPF cannot run the program (its model classes or peers lack something). */
  private static final Set<String> TOOL_LIMITATIONS =
      Set.of(
          "java.lang.NoSuchMethodError",
          "java.lang.NoSuchMethodException",
          "java.lang.NoSuchFieldError",
          "java.lang.NoSuchFieldException",
          "java.lang.UnsatisfiedLinkError",
          "java.lang.AbstractMethodError",
          "java.lang.IncompatibleClassChangeError",
          "java.lang.NoClassDefFoundError",
          "java.lang.ClassNotFoundException",
          "java.lang.ExceptionInInitializerError");

  private static final Pattern TRANSITION = Pattern.compile("(?m)^-+ transition #(\\d+) thread: (\\d+)$");
  private static final Pattern CHOICE_VALUE = Pattern.compile("(?m)^gov\\.nasa\\.jpf\\.vm\\.choice\\.(\\w+).*?cur=(-?\\d+)");

  private JpfVerdicts() {}

  /**
   * Why a search ran out of budget, when the race check was on: it is what makes JPF interleave
   * at every shared field access (jpf-config/README.md, "Data races, and what they cost").
   */
  static String raceHint(ImmutableList<String> properties) {
    return properties.contains(DATA_RACE)
        ? "; the data-race check multiplies JPF's states, -Djpf.races=false checks the properties"
            + " over the synchronisation orders only"
        : "";
  }

  static VerificationResult result(
      RunFacts run, JpfReport report, ImmutableList<String> properties, String rerunCommand) {
    Figures figures =
        new Figures(
            report.endStates(),
            -1,
            report.maxDepth().orElse(-1),
            report.choiceGenerators().orElse(-1),
            report.newStates(),
            run.wallTime,
            report.statistic("max-memory"));
    if (run.killed && !report.hasResult()) {
      return result(run, properties, Verdict.INCONCLUSIVE, figures, Optional.empty(),
          "JPF did not finish within the time budget plus " + JpfRunner.GRACE.toMinutes()
              + " min and was stopped: nothing is claimed" + raceHint(properties));
    }
    if (!report.hasResult()) {
      return result(run, properties, Verdict.ERROR, figures, Optional.empty(),
          "JPF ended without a result (it crashed or could not start the program): " + failureText(run, report));
    }
    if (!report.errors().isEmpty()) {
      JpfReport.JpfError first = report.errors().get(0);
      Classified c = classify(first);
      if (c.verdict() != Verdict.VIOLATION) {
        return result(run, properties, c.verdict(), figures, Optional.empty(), c.detail());
      }
      Counterexample cex =
          new Counterexample(c.violation(), summarizeTrace(report.trace()), events(report.output()), rerunCommand);
      return result(run, properties, Verdict.VIOLATION, figures, Optional.of(cex), null);
    }
    if (report.constraint().isPresent()) {
      return result(run, properties, Verdict.INCONCLUSIVE, figures, Optional.empty(),
          "JPF hit a search constraint (" + oneLine(report.constraint().get())
              + "): nothing is claimed beyond the states explored" + raceHint(properties));
    }
    if (run.endMarkers == 0 || report.endStates() == 0) {
      return result(run, properties, Verdict.ERROR, figures, Optional.empty(),
          "JPF reported no errors, but no execution ran to the end (" + run.endMarkers + " end markers, "
              + report.endStates() + " end states): a JPF limitation stopped the program silently "
              + "(jpf-config/README.md, Known JPF limitations); nothing is claimed");
    }
    return result(run, properties, Verdict.VERIFIED, figures, Optional.empty(), null);
  }

  private static VerificationResult result(
      RunFacts run, ImmutableList<String> properties, Verdict verdict, Figures figures,
      Optional<Counterexample> cex, String detail) {
    return new VerificationResult(
        run.config, JpfEngine.NAME, verdict, properties, figures, cex, Optional.ofNullable(detail));
  }

  /** What one JPF error means. */
  static Classified classify(JpfReport.JpfError error) {
    String details = error.details();
    switch (error.property()) {
      case DEADLOCK:
        return Classified.deadlock("JPF: " + oneLine(blockedThreads(details)));
      case RACE:
        return Classified.violation(new Violation(DATA_RACE, NO_RULE, "JPF: " + oneLine(details)));
      case UNCAUGHT:
        break;
      default:
        return Classified.error("JPF reported an unexpected property " + error.property() + ": " + oneLine(details));
    }
    String message = exceptionMessage(details);
    Violation v = ViolationSink.PropertyViolationError.parse(message);
    if (v != null) {
      return Classified.violation(v);
    }
    String exception = exceptionClass(message);
    String top = firstFrame(details);
    if (message.contains(PropertyFailure.PREFIX)) {
      return Classified.error(oneLine(PropertyFailure.describe(message)));
    }
    if (message.contains("platform locks are not reentrant")) {
      // The explorer reports a thread re-acquiring its own platform lock as a deadlock.
      return Classified.deadlock(oneLine(message) + at(top));
    }
    if (TOOL_LIMITATIONS.contains(exception)) {
      return Classified.error(
          "JPF cannot run this program (a gap in JPF's model classes, not a property violation): "
              + oneLine(message) + at(top) + "; see jpf-config/README.md, Known JPF limitations");
    }
    return Classified.uncaught(" under JPF", oneLine(message), top, at(top), "");
  }

  /** The exception line(s) of an uncaught-exception report: everything before the first stack frame. */
  static String exceptionMessage(String details) {
    StringBuilder sb = new StringBuilder();
    for (String line : details.split("\\R")) {
      if (line.trim().startsWith("at ") && (line.startsWith("\t") || line.startsWith(" "))) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : "\n").append(line);
    }
    return sb.toString().trim();
  }

  private static String exceptionClass(String message) {
    int colon = message.indexOf(':');
    String head = colon < 0 ? message : message.substring(0, colon);
    return head.trim();
  }

  static String firstFrame(String details) {
    for (String line : details.split("\\R")) {
      String t = line.trim();
      if (t.startsWith("at ")) {
        return t.substring(3).trim();
      }
    }
    return "";
  }

  private static String at(String frame) {
    return frame.isEmpty() ? "" : " at " + frame;
  }

  /** "deadlock encountered:" plus one "thread X" line per thread: the blocked threads' names. */
  private static String blockedThreads(String details) {
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("name:([^,}]+)").matcher(details);
    while (m.find()) {
      names.add(m.group(1).trim());
    }
    return names.isEmpty() ? details : "deadlock: every live thread is blocked (" + String.join(", ", names) + ")";
  }

  /**
   * JPF's trace in one line: how many transitions, the order of threads that ran (repeats
   * collapsed), and the values of the data choices (the drivers' {@code choose}).
   */
  static String summarizeTrace(String trace) {
    if (trace == null || trace.trim().isEmpty()) {
      return "jpf (no trace)";
    }
    Matcher t = TRANSITION.matcher(trace);
    int transitions = 0;
    List<String> threads = new ArrayList<>();
    while (t.find()) {
      transitions++;
      String thread = t.group(2);
      if (threads.isEmpty() || !threads.get(threads.size() - 1).equals(thread)) {
        threads.add(thread);
      }
    }
    List<String> choices = new ArrayList<>();
    Matcher c = CHOICE_VALUE.matcher(trace);
    while (c.find()) {
      if (!c.group(1).startsWith("Thread")) {
        choices.add(c.group(2));
      }
    }
    return "jpf: " + transitions + " transitions; threads " + String.join(">", threads)
        + "; data choices [" + String.join(",", choices) + "]";
  }

  /** The NDIS events JpfMain printed along the error path (none if it printed none). */
  static List<NdisEvent> events(String output) {
    if (output == null || output.isEmpty()) {
      return List.of();
    }
    try {
      return EventCodec.decodeAll(List.of(output.split("\\R")));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static String failureText(RunFacts run, JpfReport report) {
    Set<String> lines = new LinkedHashSet<>(report.severe());
    for (String line : run.stderr.split("\\R")) {
      String t = line.trim();
      if (!t.isEmpty() && !t.startsWith("at ") && lines.size() < 4) {
        lines.add(t);
      }
    }
    if (run.exitCode != null && run.exitCode != 0) {
      lines.add("exit code " + run.exitCode);
    }
    return lines.isEmpty() ? "no message (see " + run.workDir + ")" : oneLine(String.join(" | ", lines))
        + " (JPF's files: " + run.workDir + ")";
  }

  static String oneLine(String s) {
    String t = s.trim().replaceAll("\\s*\\R\\s*", " ");
    return t.length() > 600 ? t.substring(0, 600) + "..." : t;
  }

  /** What the verdict needs to know about the run besides JPF's report. */
  static final class RunFacts {
    final dev.condis.model.scenario.ScenarioConfig config;
    final Duration wallTime;
    final boolean killed;
    final Integer exitCode;
    final String stderr;
    final long endMarkers;
    final java.nio.file.Path workDir;

    RunFacts(dev.condis.model.scenario.ScenarioConfig config, Duration wallTime, boolean killed, Integer exitCode,
        String stderr, long endMarkers, java.nio.file.Path workDir) {
      this.config = config;
      this.wallTime = wallTime;
      this.killed = killed;
      this.exitCode = exitCode;
      this.stderr = stderr;
      this.endMarkers = endMarkers;
      this.workDir = workDir;
    }
  }
}
