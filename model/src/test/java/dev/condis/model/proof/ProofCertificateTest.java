package dev.condis.model.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.condis.model.report.Fixtures;
import dev.condis.model.report.ScenarioReport;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofCertificateTest {
  private static final Map<String, String> DESCRIPTIONS =
      Map.of("exactly-once-completion", "Every request is completed exactly once.");
  private static final List<String> ENGINE_CHECKS = List.of("no-uncaught-exception", "livelock");

  private static JsonNode certificate(ScenarioReport report) {
    return ProofCertificate.of(
        report, Fixtures.TOOL, Instant.parse("2025-01-02T03:04:05Z"), DESCRIPTIONS, ENGINE_CHECKS);
  }

  @Test
  void aVerifiedScenarioIsProvedWithItsStatementBoundsAndAssumptions() {
    JsonNode c = certificate(Fixtures.report(Fixtures.verified("make-close")));
    assertThat(c.get("schema").asText()).isEqualTo("condis-verify-certificate/1");
    assertThat(c.get("status").asText()).isEqualTo("PROVED");
    assertThat(c.get("verdict").asText()).isEqualTo("VERIFIED");
    assertThat(c.get("statement").asText())
        .contains("scenario make-close (parties=0, cm=standalone, vc=client)")
        .contains("the reference client, call manager and miniport")
        .contains("no execution violates exactly-once-completion, no-use-after-close, no-leak")
        .contains("rule categories DOUBLE_COMPLETE, USE_AFTER_CLOSE, LEAK")
        .contains("no-uncaught-exception, livelock")
        .contains("every interleaving")
        .contains("within 500 steps");
    assertThat(c.get("properties").get(0).get("id").asText()).isEqualTo("exactly-once-completion");
    assertThat(c.get("properties").get(0).get("description").asText()).isEqualTo("Every request is completed exactly once.");
    assertThat(c.get("properties").get(0).get("ruleCategories")).extracting(JsonNode::asText).containsExactly("DOUBLE_COMPLETE");
    assertThat(c.get("ruleCategories")).extracting(JsonNode::asText)
        .containsExactly("DOUBLE_COMPLETE", "USE_AFTER_CLOSE", "LEAK");
    assertThat(c.get("scenario").get("name").asText()).isEqualTo("make-close");
    assertThat(c.get("scenario").get("parameters").get("cm").asText()).isEqualTo("standalone");
    assertThat(c.get("drivers").get("reference").asBoolean()).isTrue();
    assertThat(c.get("engine").asText()).isEqualTo("explorer");
    assertThat(c.get("bounds").get("maxExecutions").asLong()).isEqualTo(100);
    assertThat(c.get("figures").get("executions").asLong()).isEqualTo(1500);
    assertThat(c.get("coverage").asText()).startsWith("exhaustive: 1,500 executions");
    assertThat(c.get("counterexample").isNull()).isTrue();
    assertThat(c.get("assumptions")).extracting(JsonNode::asText)
        .anySatisfy(a -> assertThat(a).startsWith("data-race freedom").contains("Platform lock"))
        .anySatisfy(a -> assertThat(a).startsWith("choice sets"))
        .anySatisfy(a -> assertThat(a).startsWith("search bounds: max 100 executions, max depth 500"))
        .anySatisfy(a -> assertThat(a).startsWith("partial-order reduction"))
        .noneSatisfy(a -> assertThat(a).startsWith("user drivers"));
    assertThat(c.get("tool").get("version").asText()).isEqualTo("9.9.9-test");
    assertThat(c.get("tool").get("gitCommit").asText()).isEqualTo("abc123");
    assertThat(c.get("date").asText()).isEqualTo("2025-01-02T03:04:05Z");
  }

  @Test
  void anInconclusiveScenarioIsNotProvedAndSaysWhatWasCovered() {
    JsonNode c = certificate(Fixtures.report(Fixtures.inconclusive("multipoint")));
    assertThat(c.get("status").asText()).isEqualTo("NOT_PROVED");
    assertThat(c.get("statement").asText())
        .startsWith("Not proved")
        .contains("execution bound reached (100 executions)")
        .contains("nothing is claimed")
        .doesNotContain("no execution violates");
    assertThat(c.get("coverage").asText())
        .startsWith("partial: 100 executions")
        .contains("stopped by execution bound reached");
  }

  @Test
  void aViolationIsRefutedWithItsCounterexample() {
    JsonNode c = certificate(Fixtures.report(Fixtures.violation("make-close")));
    assertThat(c.get("status").asText()).isEqualTo("REFUTED");
    assertThat(c.get("statement").asText()).contains("exactly-once-completion fails (rule GEN-2)");
    assertThat(c.get("counterexample").get("schedule").asText()).isEqualTo(Fixtures.SCHEDULE);
    assertThat(c.get("counterexample").get("replayCommand").asText()).isEqualTo(Fixtures.REPLAY);
    assertThat(c.get("scenario").get("parameters").get("faults")).extracting(JsonNode::asText)
        .containsExactly("mcm-double-close-complete");
  }

  @Test
  void anErrorClaimsNothing() {
    JsonNode c = certificate(Fixtures.report(Fixtures.error("combined")));
    assertThat(c.get("status").asText()).isEqualTo("NO_RESULT");
    assertThat(c.get("statement").asText()).startsWith("No result").endsWith("nothing is claimed.");
  }

  @Test
  void theWriterWritesOneParsableFilePerScenarioNamedAfterItsLabel(@TempDir Path dir) throws Exception {
    CertificateWriter writer =
        new CertificateWriter(dir, Fixtures.TOOL, DESCRIPTIONS, java.util.Set.copyOf(Fixtures.PROPERTIES));
    var r = Fixtures.verified("make-close");
    var jpf =
        new dev.condis.model.engine.VerificationResult(
            r.config(), "jpf", r.verdict(),
            com.google.common.collect.ImmutableList.<String>builder().addAll(r.properties()).add("no-uncaught-exception", "data-race").build(),
            r.figures(), r.counterexample(), r.detail());
    Path file = writer.write(Fixtures.report(jpf));
    assertThat(file.getFileName().toString()).isEqualTo("make-close_parties-0_cm-standalone_vc-client.json");
    JsonNode parsed = new ObjectMapper().readTree(Files.readString(file));
    assertThat(parsed.get("status").asText()).isEqualTo("PROVED");
    // what the result lists beyond the selected listeners is the engine's own check
    assertThat(parsed.get("engineChecks")).extracting(JsonNode::asText).containsExactly("no-uncaught-exception", "data-race");
    assertThat(parsed.get("assumptions").get(0).asText()).contains("in this run JPF's race detector checked it");
    assertThat(parsed.get("assumptions")).extracting(JsonNode::asText).noneSatisfy(a -> assertThat(a).startsWith("partial-order"));
  }

  @Test
  void fileNamesAreSafeForInjectedFaults() {
    String label = Fixtures.config("make-close", CallManagerKind.MCM, FaultSet.of(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE)).label();
    assertThat(label).isEqualTo("make-close[parties=0,cm=mcm,vc=client,inject=[mcm-double-close-complete]]");
    assertThat(CertificateWriter.fileName(label))
        .isEqualTo("make-close_parties-0_cm-mcm_vc-client_inject-_mcm-double-close-complete.json");
  }

  @Test
  void theEnginesOwnChecksAreStatedOnceAndDescribed() {
    var r = Fixtures.verified("make-close");
    var withEngineChecks =
        new dev.condis.model.engine.VerificationResult(
            r.config(), r.engine(), r.verdict(),
            com.google.common.collect.ImmutableList.<String>builder().addAll(r.properties()).addAll(ENGINE_CHECKS).build(),
            r.figures(), r.counterexample(), r.detail());
    JsonNode c =
        ProofCertificate.of(
            Fixtures.report(withEngineChecks), Fixtures.TOOL, Instant.EPOCH,
            Map.of("livelock", "Every execution ends."), ENGINE_CHECKS);
    String statement = c.get("statement").asText();
    assertThat(statement.split("livelock", -1)).hasSize(2);
    assertThat(statement).contains("no execution violates exactly-once-completion, no-use-after-close, no-leak (rule");
    assertThat(c.get("properties")).extracting(p -> p.get("id").asText()).contains("livelock");
    assertThat(c.get("properties")).filteredOn(p -> p.get("id").asText().equals("livelock"))
        .extracting(p -> p.get("description").asText()).containsExactly("Every execution ends.");
  }
}
