package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.condis.model.engine.EngineUnavailableException;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.Verdict;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

class VerifyCommandTest {
  private static final String[] ONE = {
    "verify", "--scenario", ScenarioCatalog.MAKE_CLOSE, "--cm", "mcm", "--vc", "client"
  };

  private static String[] one(String... more) {
    return Stream.concat(Stream.of(ONE), Stream.of(more)).toArray(String[]::new);
  }

  @ParameterizedTest
  @EnumSource(Verdict.class)
  void exitsWithTheVerdictsCode(Verdict verdict) {
    FakeEngines.Run run = FakeEngines.answering(verdict).run(ONE);
    assertThat(run.exit()).isEqualTo(verdict.exitCode());
    assertThat(run.out()).contains("verdict    " + verdict.name());
    assertThat(run.out()).contains(verdict + " (exit " + verdict.exitCode() + "): 1 scenario, ");
  }

  @Test
  void theExitCodesAreTheDocumentedOnes() {
    assertThat(List.of(ExitCodes.VERIFIED, ExitCodes.VIOLATION, ExitCodes.BAD_INPUT, ExitCodes.INCONCLUSIVE, ExitCodes.INTERNAL_ERROR))
        .containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void noArgumentsVerifiesTheWholeDefaultSuite() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    FakeEngines.Run run = engines.run();
    assertThat(run.exit()).isZero();
    assertThat(engines.requests)
        .extracting(VerificationRequest::config)
        .containsExactlyElementsOf(ScenarioCatalog.defaultSuite());
    assertThat(run.out())
        .contains("Summary")
        .contains("VERIFIED (exit 0): " + ScenarioCatalog.defaultSuite().size() + " scenarios");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void optionsWithoutACommandMeanVerify() {
    FakeEngines engines = FakeEngines.answering(Verdict.VIOLATION);
    FakeEngines.Run run = engines.run("--scenario", ScenarioCatalog.MAKE_CLOSE, "--cm", "mcm", "--vc", "client");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(engines.requests).hasSize(1);
  }

  @Test
  void helpAndVersionExitZero() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    FakeEngines.Run help = engines.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("verify").contains("list").contains("replay")
        .contains("Exit codes: 0 verified, 1 violation, 2 bad input, 3 inconclusive, 4 internal error");
    FakeEngines.Run verifyHelp = engines.run("verify", "--help");
    assertThat(verifyHelp.exit()).isZero();
    assertThat(verifyHelp.out()).contains("--scenario=NAME").contains("--time-budget=DURATION").contains("--certificates=DIR");
    FakeEngines.Run version = engines.run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("condis-verify ");
    assertThat(engines.requests).isEmpty();
  }

  @Test
  void aSuiteExitsWithItsWorstVerdict() {
    FakeEngines engines =
        new FakeEngines()
            .with(
                "explorer",
                r -> FakeEngines.result(
                    r, r.config().scenario().equals(ScenarioCatalog.MULTIPOINT) ? Verdict.VIOLATION
                        : r.config().scenario().equals(ScenarioCatalog.COMBINED) ? Verdict.INCONCLUSIVE
                        : Verdict.VERIFIED));
    FakeEngines.Run run = engines.run("verify");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("violated   exactly-once-completion [GEN-2]").contains("```mermaid");
  }

  @Test
  void aScenarioWithoutCmOrVcRunsEveryKindAndOwnerItSupports() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    assertThat(engines.run("verify", "--scenario", ScenarioCatalog.MAKE_CLOSE).exit()).isZero();
    assertThat(engines.requests)
        .extracting(r -> r.config().callManagerKind() + "/" + r.config().vcOwner())
        .containsExactly("STANDALONE/CLIENT", "STANDALONE/CALL_MANAGER", "MCM/CLIENT", "MCM/CALL_MANAGER");
  }

  @Test
  void cmAndVcWithoutAScenarioNarrowTheSuite() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    assertThat(engines.run("verify", "--cm", "mcm", "--vc", "cm").exit()).isZero();
    assertThat(engines.requests).isNotEmpty();
    assertThat(engines.requests).allSatisfy(r -> {
      assertThat(r.config().callManagerKind()).isEqualTo(CallManagerKind.MCM);
      assertThat(r.config().vcOwner()).isEqualTo(VcOwner.CALL_MANAGER);
    });
  }

  @Test
  void theRequestCarriesEveryOption(@TempDir Path jpfHome) {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    FakeEngines.Run run =
        engines.run(
            "verify", "--scenario", ScenarioCatalog.MULTIPOINT, "--parties", "3", "--cm", "standalone",
            "--inject", "mcm-double-close-complete", "--property", "no-leak", "--property", "exactly-once-completion",
            "--max-executions", "1000", "--max-depth", "77", "--time-budget", "1m30s",
            "--jpf-home", jpfHome.toString(), "--client", "dev.condis.reference.client.ReferenceClient");
    assertThat(run.exit()).as(run.err()).isZero();
    VerificationRequest r = engines.requests.get(0);
    assertThat(r.config().scenario()).isEqualTo(ScenarioCatalog.MULTIPOINT);
    assertThat(r.config().parties()).isEqualTo(3);
    assertThat(r.config().callManagerKind()).isEqualTo(CallManagerKind.STANDALONE);
    assertThat(r.config().faults().asSet()).containsExactly(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE);
    assertThat(r.config().drivers().clientClass()).contains("dev.condis.reference.client.ReferenceClient");
    assertThat(r.propertyClasses())
        .containsExactly(
            PropertyCatalog.builtIn("no-leak").orElseThrow().getName(),
            PropertyCatalog.builtIn("exactly-once-completion").orElseThrow().getName());
    assertThat(r.bounds().maxExecutions()).isEqualTo(1000);
    assertThat(r.bounds().maxDepth()).isEqualTo(77);
    assertThat(r.bounds().timeBudget()).isEqualTo(Duration.ofSeconds(90));
    assertThat(r.engineOptions()).containsEntry("jpf.home", jpfHome.toString());
  }

  @Test
  void byDefaultEveryBuiltInPropertyIsChecked() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    engines.run(ONE);
    assertThat(engines.requests.get(0).propertyClasses()).containsAll(PropertyCatalog.defaultPropertyClasses());
  }

  @Test
  @ExtendWith(NoJpfHome.class)
  void jpfHomeComesFromTheEnvironmentWhenNotGiven() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    engines.run(Map.of("JPF_HOME", "/opt/jpf-core"), ONE);
    assertThat(engines.requests.get(0).engineOptions()).containsEntry("jpf.home", "/opt/jpf-core");
  }

  @Test
  void anEngineFailureIsAnInternalErrorOnOneLine() {
    FakeEngines engines = new FakeEngines().with("explorer", r -> {
      throw new IllegalStateException("boom");
    });
    FakeEngines.Run run = engines.run(ONE);
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("internal error").contains("boom").doesNotContain("\tat ");
    assertThat(run.out()).contains("verdict    ERROR: internal error: java.lang.IllegalStateException: boom");
  }

  @Test
  void verbosePrintsTheStackTraceOfAnInternalError() {
    FakeEngines engines = new FakeEngines().with("explorer", r -> {
      throw new IllegalStateException("boom");
    });
    FakeEngines.Run run = engines.run(one("--verbose"));
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void anErrorThrownByTheEngineIsAnInternalErrorToo() {
    FakeEngines engines = new FakeEngines().with("explorer", r -> {
      throw new StackOverflowError("deep");
    });
    FakeEngines.Run run = engines.run(ONE);
    assertThat(run.exit()).isEqualTo(4);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).startsWith("condis-verify: internal error: java.lang.StackOverflowError: deep");
  }

  @Test
  void jpfNotInstalledIsBadInput() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED).with("jpf", r -> {
      throw new EngineUnavailableException("JPF is not installed: give --jpf-home DIR or set JPF_HOME");
    });
    FakeEngines.Run run = engines.run(one("--engine", "jpf"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("condis-verify: JPF is not installed: give --jpf-home DIR or set JPF_HOME");
  }

  @Test
  void jsonGoesToStdoutAloneAndParses() throws Exception {
    FakeEngines.Run run = FakeEngines.answering(Verdict.VIOLATION).run(one("--format", "json"));
    assertThat(run.exit()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("condis-verify-report/1");
    assertThat(root.get("verdict").asText()).isEqualTo("VIOLATION");
    assertThat(root.get("exitCode").asInt()).isEqualTo(1);
    assertThat(root.get("scenarios").get(0).get("counterexample").get("ruleId").asText()).isEqualTo("GEN-2");
  }

  @Test
  void junitGoesToTheOutputFileWhileTheTextReportGoesToStdout(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("reports/nightly/junit.xml");
    FakeEngines.Run run =
        FakeEngines.answering(Verdict.INCONCLUSIVE).run("verify", "--cm", "mcm", "--format", "JUNIT", "--output", file.toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.out()).contains("Summary").contains("junit report: " + file);
    Document doc =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    int n = doc.getElementsByTagName("testcase").getLength();
    assertThat(n).isGreaterThan(1);
    assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo(Integer.toString(n));
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(n);
  }

  @Test
  void quietPrintsNothingButKeepsTheExitCode() {
    FakeEngines.Run run = FakeEngines.answering(Verdict.VIOLATION).run(one("--quiet"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void certificatesAreWrittenOnePerScenario(@TempDir Path dir) throws Exception {
    Path certs = dir.resolve("certificates");
    FakeEngines.Run run =
        FakeEngines.answering(Verdict.VERIFIED).run("verify", "--scenario", ScenarioCatalog.MAKE_CLOSE, "--certificates", certs.toString());
    assertThat(run.exit()).isZero();
    try (Stream<Path> files = Files.list(certs)) {
      List<Path> written = files.sorted().toList();
      assertThat(written).hasSize(4);
      JsonNode c = new ObjectMapper().readTree(written.get(0).toFile());
      assertThat(c.get("status").asText()).isEqualTo("PROVED");
      assertThat(c.get("scenario").get("name").asText()).isEqualTo(ScenarioCatalog.MAKE_CLOSE);
      assertThat(c.get("engineChecks")).extracting(JsonNode::asText).containsExactlyElementsOf(PropertyCatalog.engineProperties());
      assertThat(c.get("tool").get("version").asText()).isEqualTo("9.9.9-test");
    }
    assertThat(run.out()).contains("certificates: 4 written to " + certs);
  }

  /** The output and certificate paths pass the check, then vanish during the search. */
  @ParameterizedTest
  @EnumSource(value = Verdict.class, names = {"VERIFIED", "VIOLATION", "INCONCLUSIVE"})
  void aReportThatCannotBeWrittenLateKeepsTheVerdictsExitCode(Verdict verdict, @TempDir Path dir) throws Exception {
    Path out = dir.resolve("reports");
    FakeEngines engines = new FakeEngines().with("explorer", r -> {
      try { // a file where the directories were: every later write fails
        deleteTree(out);
        Files.writeString(out, "in the way");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return FakeEngines.result(r, verdict);
    });

    FakeEngines.Run run = engines.run(one("--format", "json", "--output", out.resolve("r.json").toString(),
        "--certificates", out.resolve("certs").toString()));

    assertThat(run.exit()).isEqualTo(verdict.exitCode());
    assertThat(run.errLines()).hasSize(2).allSatisfy(line -> assertThat(line)
        .startsWith("condis-verify: cannot write").endsWith("(the verdict's exit code stands)"));
    assertThat(run.err()).contains("--output").contains("--certificates");
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (Files.isDirectory(p)) {
      try (Stream<Path> children = Files.list(p)) {
        for (Path c : children.toList()) {
          deleteTree(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }

  @Test
  void workersCheckInstancesAtOnceAndReportThemInSuiteOrder() throws Exception {
    java.util.concurrent.CountDownLatch bothStarted = new java.util.concurrent.CountDownLatch(2);
    java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    FakeEngines engines = new FakeEngines().with("explorer", r -> {
      threads.add(Thread.currentThread().getName());
      bothStarted.countDown();
      try {
        // Two instances run together, or this waits out its time and the test fails below.
        bothStarted.await(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return FakeEngines.result(r, Verdict.VERIFIED);
    });
    FakeEngines.Run run = engines.run("verify", "--scenario", ScenarioCatalog.MAKE_CLOSE, "--workers", "2");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(bothStarted.getCount()).as("two searches ran at the same time").isZero();
    assertThat(threads).hasSize(2).allMatch(t -> t.startsWith("condis-verify-worker-"));
    List<String> blocks = run.out().lines().filter(l -> l.startsWith("[")).toList();
    assertThat(blocks).containsExactly(
        "[1/4] make-close[parties=0,cm=standalone,vc=client]  (engine explorer)",
        "[2/4] make-close[parties=0,cm=standalone,vc=cm]  (engine explorer)",
        "[3/4] make-close[parties=0,cm=mcm,vc=client]  (engine explorer)",
        "[4/4] make-close[parties=0,cm=mcm,vc=cm]  (engine explorer)");
  }

  @Test
  void zeroWorkersIsBadInput() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    FakeEngines.Run run = engines.run("verify", "--workers", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().contains("--workers must be at least 1, not 0");
    assertThat(engines.requests).isEmpty();
  }
}
