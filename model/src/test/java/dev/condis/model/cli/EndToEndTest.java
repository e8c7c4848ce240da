package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.condis.model.plugin.DriverLoader;
import dev.condis.model.report.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the real engines: what a user runs, end to end. */
class EndToEndTest {
  @TempDir static Path tmp;

  private static FakeEngines.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(new ServiceEngineDirectory(), false, () -> Fixtures.TOOL, Map.of());
    int exit = CondisVerify.run(args, env, new PrintWriter(out), new PrintWriter(err));
    return new FakeEngines.Run(exit, out.toString(), err.toString());
  }

  @AfterAll
  static void closeLoaders() {
    DriverLoader.clearCache();
  }

  @Test
  void aSeededFaultIsCaughtAndItsReplayCommandReplaysIt() throws Exception {
    FakeEngines.Run run =
        run("verify", "--scenario", "make-close", "--cm", "mcm", "--vc", "client",
            "--inject", "mcm-double-close-complete", "--format", "json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.REPORT, run.out()))
        .as("the report against its schema").isEmpty();
    JsonNode cex = new ObjectMapper().readTree(run.out()).get("scenarios").get(0).get("counterexample");
    assertThat(cex.get("property").asText()).isEqualTo("exactly-once-completion");
    assertThat(cex.get("ruleId").asText()).isEqualTo("GEN-2");
    assertThat(cex.get("trace").size()).isPositive();

    String replay = cex.get("replayCommand").asText();
    assertThat(replay).startsWith("./condis-verify replay ");
    String[] args = replay.substring("./condis-verify ".length()).split(" ");
    FakeEngines.Run replayed = run(args);
    assertThat(replayed.exit()).as(replayed.err()).isEqualTo(1);
    assertThat(replayed.out())
        .contains("result     VIOLATION exactly-once-completion [GEN-2]")
        .contains("schedule   followed exactly")
        .contains("sequenceDiagram");
  }

  @Test
  void theReferenceVerifiesAndATinyBoundIsInconclusive() {
    String[] scenario = {"verify", "--scenario", "make-close", "--cm", "standalone", "--vc", "client"};
    FakeEngines.Run verified = run(scenario);
    assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
    assertThat(verified.out()).contains("verdict    VERIFIED");

    FakeEngines.Run bounded = run(Stream.concat(Arrays.stream(scenario), Stream.of("--max-executions", "1")).toArray(String[]::new));
    assertThat(bounded.exit()).as(bounded.out()).isEqualTo(3);
    assertThat(bounded.out()).contains("verdict    INCONCLUSIVE");
  }

  @Test
  void aUsersBuggyClientFromItsOwnClasspathIsCaught() throws Exception {
    Path sources = Path.of(EndToEndTest.class.getResource("/userclient").toURI());
    Path classes = Files.createDirectories(tmp.resolve("user-classes"));
    List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17"));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> javac.add(p.toString()));
    }
    ByteArrayOutputStream javacErr = new ByteArrayOutputStream();
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, javacErr, javac.toArray(String[]::new)))
        .as(javacErr.toString(StandardCharsets.UTF_8)).isZero();

    FakeEngines.Run run =
        run("verify", "--scenario", "multipoint", "--cm", "standalone",
            "--client", "com.example.buggy.LoggingClient", "--classpath", classes.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("violated   no-use-after-close [CLOSE-13]");
    assertThat(run.out()).contains("--client com.example.buggy.LoggingClient");

    FakeEngines.Run notAClient =
        run("verify", "--scenario", "multipoint", "--client", "com.example.buggy.NotAClient", "--classpath", classes.toString());
    assertThat(notAClient.exit()).isEqualTo(2);
    assertThat(notAClient.errLines()).hasSize(1);
  }

  @Test
  void coverageListsTheRulesARunCheckedAndTheOnesItNeverDid() {
    FakeEngines.Run run = run("verify", "--scenario", "make-call-failure", "--cm", "mcm", "--coverage");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Rule coverage")
        .containsPattern("MAKE-14 +ORDERING +1 of 1 instances")
        .containsPattern("DROP-7 +USE_AFTER_CLOSE +NEVER CHECKED\\s")
        .containsPattern("rules checked: \\d+ of 106 in scope \\(10 out of scope\\); never checked: .*DROP-7");
  }

  @Test
  void aCounterexampleIsReplayedFromTheJsonReportWithNoOptionsRetyped() throws Exception {
    Path report = tmp.resolve("two-violations.json");
    FakeEngines.Run found =
        run("verify", "--scenario", "make-close", "--cm", "mcm", "--inject", "mcm-double-close-complete",
            "--format", "json", "--output", report.toString(), "--quiet");
    assertThat(found.exit()).as(found.err()).isEqualTo(1);

    FakeEngines.Run ambiguous = run("replay", "--from", report.toString());
    assertThat(ambiguous.exit()).isEqualTo(2);
    assertThat(ambiguous.errLines()).singleElement().asString()
        .contains("has 2 counterexamples; pick one with --label: make-close[parties=0,cm=mcm,vc=client,");

    String label = "make-close[parties=0,cm=mcm,vc=cm,inject=[mcm-double-close-complete]]";
    FakeEngines.Run replayed = run("replay", "--from", report.toString(), "--label", label);
    assertThat(replayed.exit()).as(replayed.err()).isEqualTo(1);
    assertThat(replayed.out()).startsWith("replay of " + label)
        .contains("  result     VIOLATION exactly-once-completion [GEN-2]")
        .contains("  schedule   followed exactly");

    FakeEngines.Run unknown = run("replay", "--from", report.toString(), "--label", "make-close[nope]");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.errLines()).singleElement().asString().contains("no counterexample for make-close[nope]");

    FakeEngines.Run missing = run("replay", "--from", tmp.resolve("absent.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.errLines()).hasSize(1);
  }
}
