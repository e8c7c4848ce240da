package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.engine.Verdict;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.reference.fault.SeededFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class ListCommandTest {
  private final FakeEngines engines =
      FakeEngines.answering(Verdict.VERIFIED).with("jpf", r -> FakeEngines.result(r, Verdict.VERIFIED));

  @Test
  @ExtendWith(NoJpfHome.class)
  void listsScenariosPropertiesFaultsAndEnginesAsTables() {
    FakeEngines.Run run = engines.run("list");
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    String out = run.out();
    assertThat(out.lines())
        .containsSubsequence(
            "Scenarios (verify --scenario NAME; default parameters, allowed values in brackets;"
                + " verify --suite default|nightly runs the instances counted)",
            "Properties (verify --property ID|CLASS; default: every built-in and service one)",
            "Seeded faults in the reference drivers (verify --inject FAULT)",
            "Engines (verify --engine NAME)");
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      assertThat(out).containsPattern("(?m)^  " + d.name() + " +" + d.defaultParties());
    }
    // The uncut race is nightly-only: no instance in the default suite, two in the nightly one.
    assertThat(out).containsPattern("(?m)^  " + ScenarioCatalog.DROP_CLOSE_RACE + " .* 0 / 2 ");
    assertThat(out).containsPattern("(?m)^  " + ScenarioCatalog.MULTIPOINT + " .* 2 / 4 ");
    for (String id : PropertyCatalog.builtInIds()) {
      assertThat(out).containsPattern("(?m)^  " + id + " +built-in +\\S");
    }
    for (String id : PropertyCatalog.engineProperties()) {
      assertThat(out).containsPattern("(?m)^  " + id + " +engine +\\S");
    }
    for (SeededFault f : SeededFault.values()) {
      assertThat(out).containsPattern("(?m)^  " + f.cliName() + " +" + f.ruleId() + " +" + f.category() + " +" + f.property());
    }
    assertThat(out).containsPattern("(?m)^  explorer +\\S+ +default; runs everywhere");
    assertThat(out).containsPattern("(?m)^  jpf +\\S+ +needs JPF");
  }

  @Test
  void listsOnlyWhatIsAskedFor() {
    FakeEngines.Run run = engines.run("list", "faults");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("Seeded faults").doesNotContain("Scenarios").doesNotContain("Engines");
  }

  @Test
  @ExtendWith(NoJpfHome.class)
  void theJpfRowShowsTheHomeWhenSet() {
    FakeEngines.Run run = engines.run(java.util.Map.of("JPF_HOME", "/opt/jpf-core"), "list", "engines");
    assertThat(run.out()).containsPattern("(?m)^  jpf +\\S+ +jpf.home = /opt/jpf-core");
  }

  @Test
  void jsonListsTheDefaultSuiteWithTheArgumentsACiMatrixRunsEachInstanceWith() throws Exception {
    FakeEngines.Run run = engines.run("list", "scenarios", "faults", "--format", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("condis-verify-list/1");
    assertThat(root.has("engines")).as("only the topics asked for").isFalse();
    assertThat(root.get("scenarios")).hasSize(dev.condis.model.scenario.ScenarioCatalog.all().size());
    com.fasterxml.jackson.databind.JsonNode suite = root.get("defaultSuite");
    assertThat(suite).hasSize(dev.condis.model.scenario.ScenarioCatalog.defaultSuite().size());
    assertThat(suite.get(0).get("label").asText()).isEqualTo("make-close[parties=0,cm=standalone,vc=client]");
    assertThat(suite.get(0).get("args").asText()).isEqualTo("--scenario make-close --parties 0 --cm standalone --vc client");
    assertThat(root.get("faults")).hasSize(dev.condis.reference.fault.SeededFault.values().length);
    assertThat(root.get("faults").get(0).get("rule").asText()).isEqualTo("GEN-2");

    // Each instance's args give back that instance.
    FakeEngines verified = FakeEngines.answering(dev.condis.model.engine.Verdict.VERIFIED);
    String[] args = ("verify " + suite.get(3).get("args").asText()).split(" ");
    assertThat(verified.run(args).exit()).isZero();
    assertThat(verified.requests.get(0).config().label()).isEqualTo(suite.get(3).get("label").asText());

    com.fasterxml.jackson.databind.JsonNode nightly = root.get("nightlySuite");
    assertThat(nightly).hasSize(dev.condis.model.scenario.ScenarioCatalog.nightlySuite().size())
        .hasSizeGreaterThan(suite.size());
    assertThat(nightly.findValuesAsText("label")).contains("drop-close-race[parties=2,cm=mcm,vc=client]",
        "multipoint[parties=3,cm=standalone,vc=client]");
  }

  @Test
  void verifyRunsTheSuiteNamedAndRejectsAnUnknownOne() {
    FakeEngines verified = FakeEngines.answering(dev.condis.model.engine.Verdict.VERIFIED);
    assertThat(verified.run("verify", "--suite", "nightly").exit()).isZero();
    assertThat(verified.requests).extracting(r -> r.config().label())
        .containsExactlyElementsOf(dev.condis.model.scenario.ScenarioCatalog.nightlySuite().stream()
            .map(dev.condis.model.scenario.ScenarioConfig::label).toList());

    FakeEngines.Run unknown = engines.run("verify", "--suite", "weekly");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.errLines()).containsExactly("condis-verify: unknown suite 'weekly'; known: default, nightly");
    FakeEngines.Run both = engines.run("verify", "--suite", "nightly", "--scenario", "multipoint");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.errLines()).hasSize(1);
  }

  @Test
  void anUnknownFormatIsBadInput() {
    FakeEngines.Run run = engines.run("list", "--format", "yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
  }
}
