package dev.condis.model.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.scenario.Checkpoints;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The state cache against the stateless search beyond the suite: every scenario, every party
 * count, call-manager kind and VC owner it takes that is not a default-suite instance and that
 * finishes without the cache in 20,000 executions, searched with the cache on (audited) and off:
 * the same failures and the same set of final NDIS snapshots. A deeper sweep, run on demand
 * ({@code -Dcache.sweep=true}, about 3 minutes): {@link StateCacheDifferentialTest} covers the
 * suite in every build.
 */
@EnabledIfSystemProperty(named = "cache.sweep", matches = "true")
class StateCacheSweepTest {
  @Test
  void everyInstanceOutsideTheSuiteThatFinishesWithoutTheCacheBehavesTheSameWithIt() {
    Set<String> suite = new HashSet<>();
    ScenarioCatalog.defaultSuite().forEach(c -> suite.add(c.label()));
    int compared = 0;
    int skipped = 0;
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      for (int p = d.minParties(); p <= d.maxParties(); p++) {
        for (CallManagerKind k : CallManagerKind.values()) {
          for (VcOwner o : d.vcOwners()) {
            ScenarioConfig c = d.config(p, k, o, FaultSet.none(), DriverSelection.REFERENCE);
            if (suite.contains(c.label())) {
              continue; // StateCacheDifferentialTest's
            }
            StateCacheDifferentialTest.Seen off = StateCacheDifferentialTest.search(c, Checkpoints.off("sweep"), 20_000);
            if (!off.result().boundsReached().isEmpty()) {
              skipped++; // too big to search without the cache here
              continue;
            }
            Checkpoints audited = new Checkpoints(true);
            StateCacheDifferentialTest.Seen on = StateCacheDifferentialTest.search(c, audited, 400_000);
            assertThat(on.failures()).as(c.label()).isEqualTo(off.failures());
            assertThat(on.ends()).as(c.label()).isEqualTo(off.ends());
            assertThat(audited.disabledBecause()).isNull();
            compared++;
          }
        }
      }
    }
    System.out.printf("state cache sweep: %d instances compared, %d too big without the cache%n", compared, skipped);
    assertThat(compared).as("instances small enough to compare (33 at 3f86a14)").isGreaterThanOrEqualTo(30);
  }
}
