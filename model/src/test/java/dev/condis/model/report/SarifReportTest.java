package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.property.Violation;
import dev.condis.reference.rules.RuleCatalog;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code --format sarif} is a SARIF 2.1.0 log that code scanning accepts: valid against the
 * OASIS schema (shipped in test resources, from oasis-tcs/sarif-spec), every rule described,
 * one result per violated instance with its code flow, and a fingerprint that stays put.
 */
class SarifReportTest {

  /** The schema's findings on {@code sarif}, one line each (empty: valid). */
  static List<String> problems(String sarif) {
    return SchemaCheck.sarifProblems(sarif);
  }

  private static JsonNode parse(String json) throws IOException {
    return new ObjectMapper().readTree(json);
  }

  @Test
  void aSuiteWithAViolationIsAValidSarifLogWithOneResultCarryingItsCodeFlow() throws IOException {
    String sarif = SarifReport.render(Fixtures.mixedSuite());
    assertThat(problems(sarif)).isEmpty();

    JsonNode run = parse(sarif).get("runs").get(0);
    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("condis-verify");
    assertThat(run.at("/tool/driver/rules")).hasSize(RuleCatalog.all().size());
    JsonNode results = run.get("results");
    assertThat(results).hasSize(1);
    JsonNode r = results.get(0);
    assertThat(r.get("ruleId").asText()).isEqualTo("GEN-2");
    assertThat(run.at("/tool/driver/rules/" + r.get("ruleIndex").asInt() + "/id").asText()).isEqualTo("GEN-2");
    assertThat(r.at("/message/text").asText()).startsWith("exactly-once-completion [GEN-2]: second completion");
    JsonNode threadFlows = r.at("/codeFlows/0/threadFlows");
    assertThat(threadFlows).isNotEmpty();
    JsonNode step = threadFlows.get(0).at("/locations/0/location/logicalLocations/0");
    assertThat(step.get("fullyQualifiedName").asText()).contains("::");
    assertThat(r.at("/partialFingerprints/condisViolation~1v1").asText()).hasSize(64);
  }

  @Test
  void theFingerprintIsTheSameForTheSameViolationAndDiffersForAnother() throws IOException {
    String first = parse(SarifReport.render(Fixtures.mixedSuite())).at("/runs/0/results/0/partialFingerprints").toString();
    String again = parse(SarifReport.render(Fixtures.mixedSuite())).at("/runs/0/results/0/partialFingerprints").toString();
    assertThat(again).isEqualTo(first);

    Counterexample other = new Counterexample(
        new Violation("no-use-after-close", "VC-7", "uses vc#1 after its delete"), Fixtures.SCHEDULE, Fixtures.trace(),
        Fixtures.REPLAY);
    assertThat(SarifReport.fingerprint("make-close[parties=0]", other))
        .isNotEqualTo(SarifReport.fingerprint("make-close[parties=0]", Fixtures.counterexample()));
  }

  @Test
  void aSuiteWithNoViolationIsAValidLogWithNoResults() throws IOException {
    SuiteReport clean = new SuiteReport(new ToolInfo(ToolInfo.NAME, "test", Optional.of("abc123")), Instant.EPOCH,
        Duration.ofSeconds(1), List.of(new ScenarioReport(Fixtures.verified("make-close"), Fixtures.BOUNDS)));
    String sarif = SarifReport.render(clean);
    assertThat(problems(sarif)).isEmpty();
    assertThat(parse(sarif).at("/runs/0/results")).isEmpty();
    assertThat(parse(sarif).at("/runs/0/properties/gitCommit").asText()).isEqualTo("abc123");
  }

  @Test
  void theSchemaCatchesAnInvalidLog() {
    assertThat(problems("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}}]}")).isNotEmpty();
  }

  @Test
  void aRealCounterexampleIsAValidLogWithOneThreadFlowPerThread() throws IOException {
    dev.condis.model.scenario.ScenarioConfig config = dev.condis.model.scenario.FaultScenarios.forFault(
        dev.condis.reference.fault.SeededFault.MCM_DOUBLE_CLOSE_COMPLETE);
    dev.condis.model.engine.VerificationResult found = new dev.condis.model.explorer.ExplorerEngine().verify(
        new dev.condis.model.engine.VerificationRequest(config,
            com.google.common.collect.ImmutableList.copyOf(dev.condis.model.property.PropertyCatalog.defaultPropertyClasses()),
            Fixtures.BOUNDS, dev.condis.model.engine.ProgressListener.NONE,
            com.google.common.collect.ImmutableMap.of()));
    SuiteReport suite = new SuiteReport(new ToolInfo(ToolInfo.NAME, "test", Optional.empty()), Instant.EPOCH,
        Duration.ofSeconds(1), List.of(new ScenarioReport(found, Fixtures.BOUNDS)));

    String sarif = SarifReport.render(suite);
    assertThat(problems(sarif)).isEmpty();
    JsonNode r = parse(sarif).at("/runs/0/results/0");
    assertThat(r.get("ruleId").asText()).isEqualTo("GEN-2");
    java.util.Set<String> threads = new java.util.HashSet<>();
    TraceStep.of(found.counterexample().orElseThrow().trace()).forEach(step -> threads.add(step.thread()));
    assertThat(r.at("/codeFlows/0/threadFlows")).hasSize(threads.size());
    assertThat(r.at("/codeFlows/0/threadFlows").findValuesAsText("fullyQualifiedName"))
        .contains("mcm::NdisMCmCloseCallComplete");
  }
}
