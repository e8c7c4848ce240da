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
            "Scenarios (verify --scenario NAME; default parameters, allowed values in brackets)",
            "Properties (verify --property ID|CLASS; default: every built-in and service one)",
            "Seeded faults in the reference drivers (verify --inject FAULT)",
            "Engines (verify --engine NAME)");
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      assertThat(out).containsPattern("(?m)^  " + d.name() + " +" + d.defaultParties());
    }
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
}
