package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A driver thread racing on a plain field, with no Platform call (proofs/README.md, assumption
 * 8): the explorer sees the thread created and refuses the run ({@code controlled-threads}); JPF's
 * race detector names the field. Neither says VERIFIED.
 */
class DriverThreadRaceTest {

  private static final ScenarioConfig CONFIG =
      ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE)
          .config(0, CallManagerKind.MCM, VcOwner.CLIENT, FaultSet.none(),
              new DriverSelection(Optional.of(CountingClient.class.getName()), Optional.empty(), Optional.empty(), List.of()));

  @Test
  void theExplorerReportsTheThreadAtItsCreation() {
    VerificationResult r = new ExplorerEngine().verify(JpfAgreementTest.request(
        CONFIG, PropertyCatalog.defaultPropertyClasses(), JpfAgreementTest.EXPLORER_BOUNDS, ImmutableMap.of()));

    assertThat(r.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(r.counterexample().orElseThrow().violation().property()).isEqualTo("controlled-threads");
    assertThat(r.counterexample().orElseThrow().violation().message())
        .contains("created a thread of its own")
        .contains(CountingClient.class.getName() + ".makeCall(CountingClient.java:");
  }

  @Test
  void jpfsRaceDetectorNamesTheField() {
    String jpfHome = JpfAgreementTest.configuredJpfHome();
    Assumptions.assumeTrue(jpfHome != null, JpfAgreementTest.SKIP);

    VerificationResult r = new JpfEngine().verify(JpfAgreementTest.request(
        CONFIG, PropertyCatalog.defaultPropertyClasses(), JpfAgreementTest.JPF_BOUNDS,
        ImmutableMap.of("jpf.home", jpfHome, JpfEngine.RACES, "true")));

    assertThat(r.verdict()).as(JpfAgreementTest.describe(r)).isEqualTo(Verdict.VIOLATION);
    assertThat(r.counterexample().orElseThrow().violation().property()).isEqualTo(JpfVerdicts.DATA_RACE);
    assertThat(r.counterexample().orElseThrow().violation().message())
        .contains("race for field " + CountingClient.class.getName() + "@")
        .contains(".calls");
  }
}
