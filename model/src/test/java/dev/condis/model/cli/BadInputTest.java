package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.engine.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input: exit 2, one clear line on stderr, no stack trace, no search started. */
class BadInputTest {
  @TempDir static Path tmp;

  static Stream<Arguments> badInputs() throws IOException {
    Path aFile = Files.writeString(tmp.resolve("a-file"), "x");
    return Stream.of(
        Arguments.of("unknown scenario", new String[] {"verify", "--scenario", "nope"}, "unknown scenario 'nope'; known: make-close"),
        Arguments.of("unknown fault", new String[] {"verify", "--inject", "nope"}, "unknown fault 'nope'; known: mcm-double-close-complete"),
        Arguments.of("unknown property id", new String[] {"verify", "--property", "nope"}, "unknown property 'nope'"),
        Arguments.of("unknown property class", new String[] {"verify", "--property", "com.example.Nope"}, "property class not found: com.example.Nope"),
        Arguments.of("unknown engine", new String[] {"verify", "--engine", "nope"}, "unknown engine 'nope'; available: explorer"),
        Arguments.of("jpf not on the class path", new String[] {"verify", "--engine", "jpf"}, "unknown engine 'jpf'"),
        Arguments.of("unknown client class", new String[] {"verify", "--client", "com.example.Nope"}, "client class not found: com.example.Nope"),
        Arguments.of("client of the wrong type", new String[] {"verify", "--client", "java.lang.String"}, "does not implement dev.condis.reference.ddi.ClientDriver"),
        Arguments.of("call manager under an MCM", new String[] {"verify", "--cm", "mcm", "--call-manager", "dev.condis.reference.cm.ReferenceCallManager"}, "--call-manager needs --cm standalone"),
        Arguments.of("missing classpath entry", new String[] {"verify", "--client", "a.B", "--classpath", tmp.resolve("missing.jar").toString()}, "classpath entry does not exist"),
        Arguments.of("not a number", new String[] {"verify", "--scenario", "multipoint", "--parties", "two"}, "Invalid value for option '--parties': 'two' is not an int"),
        Arguments.of("parties out of range", new String[] {"verify", "--scenario", "multipoint", "--parties", "99"}, "scenario multipoint takes --parties 2..6, not 99"),
        Arguments.of("parties without scenario", new String[] {"verify", "--parties", "1"}, "--parties needs --scenario"),
        Arguments.of("vc the scenario does not take", new String[] {"verify", "--scenario", "multipoint", "--vc", "cm"}, "scenario multipoint runs with --vc client, not cm"),
        Arguments.of("bad cm", new String[] {"verify", "--cm", "ndis"}, "--cm must be standalone or mcm, not 'ndis'"),
        Arguments.of("bad vc", new String[] {"verify", "--vc", "nobody"}, "--vc must be client or cm, not 'nobody'"),
        Arguments.of("zero executions", new String[] {"verify", "--max-executions", "0"}, "--max-executions must be positive, not 0"),
        Arguments.of("negative depth", new String[] {"verify", "--max-depth", "-3"}, "--max-depth must be positive, not -3"),
        Arguments.of("huge number", new String[] {"verify", "--max-depth", "99999999999"}, "Invalid value for option '--max-depth'"),
        Arguments.of("bad duration", new String[] {"verify", "--time-budget", "soon"}, "'soon' is not a duration"),
        Arguments.of("zero duration", new String[] {"verify", "--time-budget", "0s"}, "'0s' is not a positive duration"),
        Arguments.of("bad format", new String[] {"verify", "--format", "xml"}, "Invalid value for option '--format'"),
        Arguments.of("unwritable output", new String[] {"verify", "--output", aFile.resolve("report.json").toString()}, "cannot write --output"),
        Arguments.of("output is a directory", new String[] {"verify", "--output", tmp.toString()}, "is a directory, not a file"),
        Arguments.of("unwritable certificates", new String[] {"verify", "--certificates", aFile.toString()}, "cannot write --certificates"),
        Arguments.of("missing jpf home", new String[] {"verify", "--jpf-home", tmp.resolve("no-jpf").toString()}, "is not a directory"),
        Arguments.of("unknown option", new String[] {"verify", "--colour"}, "Unknown option: '--colour'"),
        Arguments.of("unknown command", new String[] {"prove"}, "Unmatched argument at index 0: 'prove'"),
        Arguments.of("malformed schedule", new String[] {"replay", "--scenario", "make-close", "x.y"}, "malformed schedule 'x.y'"),
        Arguments.of("replay without scenario", new String[] {"replay", "0.1"}, "replay needs --scenario NAME"),
        Arguments.of("replay without schedule", new String[] {"replay", "--scenario", "make-close"}, "no schedule: give the SCHEDULE a counterexample printed, or --from REPORT.json"),
        Arguments.of("replay with a schedule and --from", new String[] {"replay", "--from", "r.json", "0.1"}, "not both"),
        Arguments.of("replay --label without --from", new String[] {"replay", "--label", "x", "--scenario", "make-close", "0.1"}, "--label picks a counterexample of the report given with --from"),
        Arguments.of("list in an unknown format", new String[] {"list", "--format", "yaml"}, "yaml"),
        Arguments.of("unknown progress", new String[] {"verify", "--progress", "loud"}, "loud"),
        Arguments.of("replay on an engine that cannot", new String[] {"replay", "--scenario", "make-close", "--engine", "slow", "0.1"}, "engine 'slow' cannot replay schedules"),
        Arguments.of("list of something unknown", new String[] {"list", "widgets"}, "cannot list 'widgets'; choose from scenarios, properties, faults, engines"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void exitsTwoWithOneClearLine(String what, String[] args, String expected) {
    FakeEngines engines =
        FakeEngines.answering(Verdict.VERIFIED)
            .with("slow", r -> FakeEngines.result(r, Verdict.VERIFIED))
            .replaying((request, schedule) -> {
              if (!schedule.matches("[0-9c.of]+")) {
                throw new IllegalArgumentException("malformed schedule '" + schedule + "': token 1 is neither a thread nor a choice");
              }
              return FakeEngines.replayResult(schedule, Optional.empty(), Optional.empty());
            });
    FakeEngines.Run run = engines.run(args);
    assertThat(run.exit()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
    assertThat(run.errLines()).as("stderr").hasSize(1);
    assertThat(run.err()).startsWith("condis-verify: ").contains(expected).doesNotContain("\tat ").doesNotContain("Exception:");
    assertThat(engines.requests).as("no search started").isEmpty();
  }

  @Test
  void verboseAddsTheStackTraceToBadInput() {
    FakeEngines.Run run = FakeEngines.answering(Verdict.VERIFIED).run("verify", "--scenario", "nope", "--verbose");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines().get(0)).startsWith("condis-verify: unknown scenario 'nope'");
    assertThat(run.err()).contains("\tat ");
  }
}
