package dev.condis.model.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.Runs;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.ddi.ClientEnvironment;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.system.CallManagerKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scenario's last quiescent point, before the drivers' shutdown, is looked up in the state
 * cache only once an execution branched after it: with the reference drivers it never does,
 * and with a client whose shutdown makes a choice it does from then on, with the same verdict
 * as without the cache.
 */
class LastQuiescentPointTest {

  /** The reference client, but its shutdown first draws a choice it ignores. */
  public static final class ChoosesAtShutdown extends ReferenceClient {
    private Platform platform;

    @Override
    public void initialize(ClientEnvironment environment) {
      platform = environment.platform();
      super.initialize(environment);
    }

    @Override
    public void shutdown() {
      platform.choose("test.shutdown", 2);
      super.shutdown();
    }
  }

  private static ScenarioConfig makeClose(DriverSelection drivers) {
    return ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).config(0, CallManagerKind.MCM, VcOwner.CLIENT,
        FaultSet.none(), drivers);
  }

  private static VerificationResult verify(ScenarioConfig config, boolean cache) {
    return new ExplorerEngine().verify(new VerificationRequest(config,
        ImmutableList.copyOf(PropertyCatalog.defaultPropertyClasses()), Runs.TEST_BOUNDS, ProgressListener.NONE,
        cache ? ImmutableMap.of() : ImmutableMap.of(ExplorerEngine.STATE_CACHE, "false")));
  }

  @Test
  void aShutdownThatBranchesHasItsStartStateLookedUp() {
    ScenarioConfig branching = makeClose(new DriverSelection(Optional.of(ChoosesAtShutdown.class.getName()),
        Optional.empty(), Optional.empty(), List.of()));
    VerificationResult reference = verify(makeClose(DriverSelection.REFERENCE), true);
    VerificationResult cached = verify(branching, true);
    VerificationResult stateless = verify(branching, false);

    assertThat(reference.detail()).hasValueSatisfying(d -> assertThat(d).contains("was not looked up"));
    assertThat(cached.verdict()).as(Runs.describe(cached)).isEqualTo(Verdict.VERIFIED);
    assertThat(stateless.verdict()).as(Runs.describe(stateless)).isEqualTo(Verdict.VERIFIED);
    assertThat(cached.detail()).hasValueSatisfying(d -> assertThat(d).doesNotContain("was not looked up"));
    // The states before the shutdown are recorded too, and the cut saves executions there.
    assertThat(cached.figures().states()).isGreaterThan(reference.figures().states());
    assertThat(cached.figures().executions()).isLessThan(stateless.figures().executions());
  }
}
