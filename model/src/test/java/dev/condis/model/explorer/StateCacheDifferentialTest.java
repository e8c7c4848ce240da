package dev.condis.model.explorer;

import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.Runs;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.explorer.Explorer;
import dev.condis.explorer.SearchOptions;
import dev.condis.explorer.SearchResult;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.Checkpoints;
import dev.condis.model.scenario.FaultScenarios;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioHarness;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisSnapshot;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The state cache against the stateless search: with it on (and audited) and off, the same
 * verdict, the same set of violations and the same set of final NDIS snapshots. Cut executions
 * end early and leave no snapshot, so the sets are equal only if every state the cache cut at
 * had its whole future explored by the execution that reached it first.
 */
@Execution(ExecutionMode.CONCURRENT) // independent searches: one per core
class StateCacheDifferentialTest {
  /** Every search must finish: a bound would make the comparison say nothing. */
  private static final SearchOptions EXHAUSTIVE = SearchOptions.builder().stopOnFirstFailure(false)
      .maxExecutions(400_000).build();

  record Seen(SearchResult result, Set<NdisSnapshot> ends, Set<String> failures) {}

  private static Seen search(ScenarioConfig config, Checkpoints cache) {
    ScenarioHarness harness = new ScenarioHarness(config, PropertyCatalog.defaultPropertyClasses());
    Set<NdisSnapshot> ends = new HashSet<>();
    SearchResult r = Explorer.explore(ExplorerEngine.program(harness, null, cache, ends::add), EXHAUSTIVE);
    Set<String> failures = new TreeSet<>();
    r.failures().forEach(f -> failures.add(f.kind() + ": " + f.message()));
    assertThat(r.boundsReached()).as(config.label()).isEmpty();
    return new Seen(r, ends, failures);
  }

  private static void assertSameBehaviour(ScenarioConfig config) {
    Seen off = search(config, Checkpoints.off("differential test"));
    Checkpoints audited = new Checkpoints(true);
    Seen on = search(config, audited);

    assertThat(on.failures()).as(config.label()).isEqualTo(off.failures());
    assertThat(on.ends()).as(config.label()).isEqualTo(off.ends());
    assertThat(on.result().executions()).isLessThanOrEqualTo(off.result().executions());
    assertThat(audited.disabledBecause()).as("the cache stayed on").isNull();
  }

  /**
   * Without the cache these need more than 60,000 executions (make-close stand-alone with the
   * CM's VC: 64,772; multipoint: 114,237 and 214,796) or do not finish in 3 minutes
   * (incoming-drop-race, combined), measured with {@code verify --no-state-cache}.
   */
  private static final Set<String> TOO_BIG_WITHOUT_CACHE = Set.of(
      "make-close[parties=0,cm=standalone,vc=cm]",
      "multipoint[parties=2,cm=standalone,vc=client]", "multipoint[parties=2,cm=mcm,vc=client]",
      "incoming-drop-race[parties=2,cm=standalone,vc=client]", "incoming-drop-race[parties=2,cm=mcm,vc=client]",
      "combined[parties=0,cm=standalone,vc=client]", "combined[parties=0,cm=mcm,vc=client]");

  /** The default suite's instances small enough to search without the cache: 23 of 30. */
  static Stream<ScenarioConfig> suite() {
    return ScenarioCatalog.defaultSuite().stream().filter(c -> !TOO_BIG_WITHOUT_CACHE.contains(c.label()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("suite")
  void theSuiteBehavesTheSameWithAndWithoutTheCache(ScenarioConfig config) {
    assertSameBehaviour(config);
  }

  /**
   * Every seeded fault, as the CLI checks it (first violation, then stop): caught by the same
   * property with the same rule and the same counterexample with the cache on and off. (Their
   * whole failure sets take minutes each without the cache.)
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(SeededFault.class)
  void everySeededFaultIsCaughtTheSameWithAndWithoutTheCache(SeededFault fault) {
    ScenarioConfig config = FaultScenarios.forFault(fault);
    VerificationResult on = Runs.verify(config);
    VerificationResult off = new ExplorerEngine().verify(new VerificationRequest(config,
        ImmutableList.copyOf(PropertyCatalog.defaultPropertyClasses()), Runs.TEST_BOUNDS, ProgressListener.NONE,
        ImmutableMap.of(ExplorerEngine.STATE_CACHE, "false")));

    assertThat(off.verdict()).as(Runs.describe(off)).isEqualTo(Verdict.VIOLATION);
    assertThat(on.verdict()).as(Runs.describe(on)).isEqualTo(Verdict.VIOLATION);
    assertThat(on.counterexample().orElseThrow().violation())
        .isEqualTo(off.counterexample().orElseThrow().violation());
    assertThat(on.counterexample().orElseThrow().schedule()).isEqualTo(off.counterexample().orElseThrow().schedule());
    assertThat(on.detail()).as("replayed to the same violation").isEmpty();
    assertThat(off.detail()).as("replayed to the same violation").isEmpty();
  }
}
