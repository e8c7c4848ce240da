package dev.condis.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.property.Violation;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.platform.JavaPlatform;
import dev.condis.reference.system.CallManagerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The harness as the JPF engine uses it: the plain-Java platform (real threads, seeded random
 * choices outside JPF) and a sink that throws an AssertionError whose message starts with
 * "PROPERTY <id> RULE <ruleId>: ".
 */
class HarnessOnJavaPlatformTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 4, 5, 6, 7})
  void everyScenarioEndsCleanOnTheReference(long seed) {
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      for (CallManagerKind kind : CallManagerKind.values()) {
        ScenarioHarness h = new ScenarioHarness(d.defaultConfig(kind), PropertyCatalog.defaultPropertyClasses());
        NdisSnapshot end = h.runOnce(new JavaPlatform(seed), ViolationSink.throwing(), null);
        assertThat(end.isClean()).as(d.name() + " " + kind + " seed " + seed + ": " + end).isTrue();
      }
    }
  }

  @Test
  void aViolationSurfacesAsAnAssertionErrorWithPropertyAndRule() {
    ScenarioConfig config =
        ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE)
            .config(0, CallManagerKind.STANDALONE, VcOwner.CLIENT,
                FaultSet.of(SeededFault.CM_CREATE_VC_PENDING), DriverSelection.REFERENCE);
    ScenarioHarness h = new ScenarioHarness(config, PropertyCatalog.defaultPropertyClasses());
    assertThatThrownBy(() -> h.runOnce(new JavaPlatform(0), ViolationSink.throwing(), null))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("PROPERTY status-discipline RULE GEN-5: ");
  }

  @Test
  void theMessageParsesBack() {
    Violation v = new Violation("no-leak", "CLOSE-4", "CallMgrPartyContext#3(cm.party) was never released");
    String text = "java.lang.AssertionError: " + ViolationSink.PropertyViolationError.message(v);
    assertThat(ViolationSink.PropertyViolationError.parse(text)).isEqualTo(v);
    assertThat(ViolationSink.PropertyViolationError.parse("something else")).isNull();
  }

  @Test
  void badParametersAreBadInput() {
    assertThatThrownBy(() -> ScenarioCatalog.get("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown scenario 'nope'; known: make-close");
    ScenarioDefinition multipoint = ScenarioCatalog.get(ScenarioCatalog.MULTIPOINT);
    assertThatThrownBy(
            () -> multipoint.config(9, CallManagerKind.MCM, VcOwner.CLIENT, FaultSet.none(), DriverSelection.REFERENCE))
        .hasMessageContaining("takes --parties 2..6, not 9");
    assertThatThrownBy(
            () -> multipoint.config(2, CallManagerKind.MCM, VcOwner.CALL_MANAGER, FaultSet.none(), DriverSelection.REFERENCE))
        .hasMessageContaining("runs with --vc client, not cm");
  }
}
