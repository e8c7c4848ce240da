package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private final JsonNode root = parse(JsonReport.render(Fixtures.mixedSuite()));

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  @Test
  void hasTheDocumentedTopLevelFields() {
    assertThat(fieldNames(root))
        .containsExactly(
            "schema", "tool", "startedAt", "wallTimeMillis", "verdict", "exitCode", "summary", "scenarios");
    assertThat(root.get("schema").asText()).isEqualTo("condis-verify-report/1");
    assertThat(root.get("tool").get("version").asText()).isEqualTo("9.9.9-test");
    assertThat(root.get("tool").get("gitCommit").asText()).isEqualTo("abc123");
    assertThat(root.get("startedAt").asText()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(root.get("wallTimeMillis").asLong()).isEqualTo(4321);
  }

  @Test
  void theSuiteVerdictIsTheWorstWithItsExitCode() {
    assertThat(root.get("verdict").asText()).isEqualTo("ERROR");
    assertThat(root.get("exitCode").asInt()).isEqualTo(4);
    JsonNode summary = root.get("summary");
    assertThat(summary.get("scenarios").asInt()).isEqualTo(5);
    assertThat(summary.get("verified").asInt()).isEqualTo(2);
    assertThat(summary.get("violation").asInt()).isEqualTo(1);
    assertThat(summary.get("inconclusive").asInt()).isEqualTo(1);
    assertThat(summary.get("error").asInt()).isEqualTo(1);
  }

  @Test
  void eachScenarioHasItsVerdictParametersBoundsAndFigures() {
    JsonNode s = root.get("scenarios").get(0);
    assertThat(fieldNames(s))
        .containsExactly(
            "scenario", "label", "parameters", "drivers", "engine", "verdict", "exitCode", "detail",
            "properties", "bounds", "figures", "rulesChecked", "counterexample");
    assertThat(s.get("rulesChecked").isArray()).as("rule coverage, empty when not recorded").isTrue();
    assertThat(s.get("scenario").asText()).isEqualTo("make-close");
    assertThat(s.get("label").asText()).isEqualTo("make-close[parties=0,cm=standalone,vc=client]");
    assertThat(s.get("parameters").get("cm").asText()).isEqualTo("standalone");
    assertThat(s.get("parameters").get("vc").asText()).isEqualTo("client");
    assertThat(s.get("parameters").get("parties").asInt()).isZero();
    assertThat(s.get("drivers").get("reference").asBoolean()).isTrue();
    assertThat(s.get("verdict").asText()).isEqualTo("VERIFIED");
    assertThat(s.get("exitCode").asInt()).isZero();
    assertThat(s.get("detail").isNull()).isTrue();
    assertThat(s.get("properties")).extracting(JsonNode::asText).containsExactlyElementsOf(Fixtures.PROPERTIES);
    assertThat(s.get("bounds").get("maxExecutions").asLong()).isEqualTo(100);
    assertThat(s.get("bounds").get("maxDepth").asInt()).isEqualTo(500);
    assertThat(s.get("bounds").get("timeBudgetMillis").asLong()).isEqualTo(30_000);
    JsonNode f = s.get("figures");
    assertThat(f.get("executions").asLong()).isEqualTo(1500);
    assertThat(f.get("pruned").asLong()).isEqualTo(500);
    assertThat(f.get("maxDepth").asLong()).isEqualTo(42);
    assertThat(f.get("states").asLong()).isEqualTo(-1);
    assertThat(f.get("wallTimeMillis").asLong()).isEqualTo(1234);
    assertThat(s.get("counterexample").isNull()).isTrue();
    assertThat(root.get("scenarios").get(2).get("detail").asText()).contains("execution bound");
  }

  @Test
  void aViolationCarriesTheCounterexampleWithTraceAndSchedule() {
    JsonNode s = root.get("scenarios").get(1);
    assertThat(s.get("verdict").asText()).isEqualTo("VIOLATION");
    assertThat(s.get("parameters").get("faults")).extracting(JsonNode::asText).containsExactly("mcm-double-close-complete");
    JsonNode cex = s.get("counterexample");
    assertThat(cex.get("property").asText()).isEqualTo("exactly-once-completion");
    assertThat(cex.get("ruleId").asText()).isEqualTo("GEN-2");
    assertThat(cex.get("schedule").asText()).isEqualTo(Fixtures.SCHEDULE);
    assertThat(cex.get("replayCommand").asText()).isEqualTo(Fixtures.REPLAY);
    assertThat(cex.get("mermaid").asText()).startsWith("sequenceDiagram");
    assertThat(cex.get("sequenceChart").asText()).contains("call NdisClCloseCall(vc#1)");
    JsonNode trace = cex.get("trace");
    assertThat(trace).hasSize(Fixtures.trace().size());
    JsonNode first = trace.get(0);
    assertThat(first.get("seq").asLong()).isEqualTo(1);
    assertThat(first.get("thread").asText()).isEqualTo("client");
    assertThat(first.get("type").asText()).isEqualTo("ApiCalled");
    assertThat(first.get("fields").get("caller").asText()).isEqualTo("CLIENT");
    assertThat(first.get("fields").get("api").asText()).isEqualTo("NdisClCloseCall");
    JsonNode opened = trace.get(2);
    assertThat(opened.get("type").asText()).isEqualTo("RequestOpened");
    assertThat(opened.get("fields").get("token").get("kind").asText()).isEqualTo("CLOSE_CALL");
    assertThat(opened.get("fields").get("token").get("id").asInt()).isEqualTo(2);
    JsonNode returned = trace.get(11);
    assertThat(returned.get("type").asText()).isEqualTo("HandlerReturned");
    assertThat(returned.get("fields").get("status").isNull()).isTrue();
    assertThat(trace).extracting(n -> n.get("seq").asLong()).isSorted();
  }

  private static List<String> fieldNames(JsonNode n) {
    return com.google.common.collect.ImmutableList.copyOf(n.fieldNames());
  }
}
