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
import dev.condis.explorer.Split;
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
 * had its whole future explored by the execution that reached it first. The same holds for
 * the search split over three workers at depth 24 (two units split again to depth 48), where
 * the caches also cut in the top levels: with a cache each, as shards run, and with the caches
 * sharing which unit reached each state first, as the workers of one process run, at once;
 * and as the next night's shards run, each relying on the claims the first night's made.
 */
@Execution(ExecutionMode.CONCURRENT) // independent searches: one per core
class StateCacheDifferentialTest {
  /** Every search must finish: a bound would make the comparison say nothing. */
  private static final SearchOptions EXHAUSTIVE = SearchOptions.builder().stopOnFirstFailure(false)
      .maxExecutions(400_000).build();

  record Seen(SearchResult result, Set<NdisSnapshot> ends, Set<String> failures) {}

  private static Seen search(ScenarioConfig config, Checkpoints cache) {
    Seen seen = search(config, cache, EXHAUSTIVE.maxExecutions());
    assertThat(seen.result().boundsReached()).as(config.label()).isEmpty();
    return seen;
  }

  /** Every failure and final NDIS snapshot of {@code config}'s search, within {@code maxExecutions}. */
  static Seen search(ScenarioConfig config, Checkpoints cache, long maxExecutions) {
    ScenarioHarness harness = new ScenarioHarness(config, PropertyCatalog.defaultPropertyClasses());
    Set<NdisSnapshot> ends = new HashSet<>();
    SearchResult r = Explorer.explore(ExplorerEngine.program(harness, null, cache, ends::add),
        EXHAUSTIVE.toBuilder().maxExecutions(maxExecutions).build());
    Set<String> failures = new TreeSet<>();
    r.failures().forEach(f -> failures.add(f.kind() + ": " + f.message()));
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

    // Split over three workers below deep top levels, each worker with its own audited cache,
    // cutting in the top levels at states first met there, and the first two units split
    // again below depth 48: together, the same behaviour.
    Split.Plan plan = Split.plan(24, 3, new long[] {1, 1}, new long[] {0, 1});
    Set<NdisSnapshot> ends = new HashSet<>();
    Set<String> failures = new TreeSet<>();
    long units = -1;
    long owned = 0;
    java.util.Map<com.google.common.hash.HashCode, Long> reached = new java.util.HashMap<>();
    for (int k = 0; k < plan.count(); k++) {
      ScenarioHarness harness = new ScenarioHarness(config, PropertyCatalog.defaultPropertyClasses());
      Checkpoints.Claims mine = Checkpoints.Claims.forShard(java.util.Map.of()); // as each shard keeps them
      Checkpoints own = new Checkpoints(true, mine);
      SearchResult r = Explorer.explore(ExplorerEngine.program(harness, null, own, ends::add),
          EXHAUSTIVE.toBuilder().split(plan.worker(k)).build());
      assertThat(r.boundsReached()).as(config.label()).isEmpty();
      assertThat(own.disabledBecause()).as("the cache stayed on").isNull();
      TOP_LEVEL_CUTS.addAndGet(own.executionsCutInTopLevels());
      r.failures().forEach(f -> failures.add(f.kind() + ": " + f.message()));
      assertThat(units < 0 || r.split().units() == units).as(config.label() + ": every worker numbers the same units").isTrue();
      units = r.split().units();
      owned += r.split().unitsOwned();
      mine.reached().forEach((state, unit) -> reached.merge(state, unit, Math::min)); // what merge --claims writes
    }
    assertThat(owned).as(config.label() + ": each unit has one owner").isEqualTo(units);
    assertThat(failures).as(config.label() + " split").isEqualTo(off.failures());
    assertThat(ends).as(config.label() + " split").isEqualTo(off.ends());

    // The next night's shards relying on those claims: together, still the same behaviour, and
    // every state one relied on was reached by its owner or a lower unit (what merge checks).
    Set<NdisSnapshot> nextEnds = new HashSet<>();
    Set<String> nextFailures = new TreeSet<>();
    java.util.List<java.util.Map<String, Long>> nextReached = new java.util.ArrayList<>();
    java.util.List<java.util.Map<String, Long>> nextRelied = new java.util.ArrayList<>();
    for (int k = 0; k < plan.count(); k++) {
      Checkpoints.Claims mine = Checkpoints.Claims.forShard(reached);
      Checkpoints own = new Checkpoints(true, mine);
      SearchResult r = Explorer.explore(ExplorerEngine.program(
          new ScenarioHarness(config, PropertyCatalog.defaultPropertyClasses()), null, own, nextEnds::add),
          EXHAUSTIVE.toBuilder().split(plan.worker(k)).build());
      assertThat(r.boundsReached()).as(config.label()).isEmpty();
      r.failures().forEach(f -> nextFailures.add(f.kind() + ": " + f.message()));
      nextReached.add(SplitSearch.hex(mine.reached()));
      nextRelied.add(SplitSearch.hex(mine.relied()));
      RELIED.addAndGet(mine.relied().size());
    }
    assertThat(dev.condis.model.engine.StateClaims.Reliance.of(nextReached, nextRelied).unreached())
        .as(config.label() + ": states relied on that no owner reached").isZero();
    assertThat(nextFailures).as(config.label() + " split, relying on claims").isEqualTo(off.failures());
    assertThat(nextEnds).as(config.label() + " split, relying on claims").isEqualTo(off.ends());

    // The same split, its workers at once on threads of their own, sharing their claims.
    Checkpoints.Claims claims = new Checkpoints.Claims();
    Set<NdisSnapshot> sharedEnds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Set<String> sharedFailures = new java.util.concurrent.ConcurrentSkipListSet<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(plan.count());
    try {
      java.util.List<java.util.concurrent.Future<SearchResult>> parts = new java.util.ArrayList<>();
      java.util.List<Checkpoints> caches = new java.util.ArrayList<>();
      for (int k = 0; k < plan.count(); k++) {
        Checkpoints shared = new Checkpoints(true, claims);
        caches.add(shared);
        Split worker = plan.worker(k);
        parts.add(pool.submit(() -> Explorer.explore(ExplorerEngine.program(
            new ScenarioHarness(config, PropertyCatalog.defaultPropertyClasses()), null, shared, sharedEnds::add),
            EXHAUSTIVE.toBuilder().split(worker).build())));
      }
      for (int k = 0; k < parts.size(); k++) {
        SearchResult r = parts.get(k).get();
        assertThat(r.boundsReached()).as(config.label()).isEmpty();
        assertThat(caches.get(k).disabledBecause()).as("the cache stayed on").isNull();
        CLAIM_CUTS.addAndGet(caches.get(k).executionsCutAtClaims());
        r.failures().forEach(f -> sharedFailures.add(f.kind() + ": " + f.message()));
      }
    } catch (Exception e) {
      throw new AssertionError(config.label() + ": a worker failed", e);
    } finally {
      pool.shutdownNow();
    }
    assertThat(sharedFailures).as(config.label() + " split, claims shared").isEqualTo(off.failures());
    assertThat(sharedEnds).as(config.label() + " split, claims shared").isEqualTo(off.ends());
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

  /** The shared-claims runs' cuts at states a lower unit reached first, over the suite: the test must make some. */
  private static final java.util.concurrent.atomic.AtomicLong CLAIM_CUTS = new java.util.concurrent.atomic.AtomicLong();

  /** States the second night's shards relied on an earlier run's claims for, over the suite: the test must have some. */
  private static final java.util.concurrent.atomic.AtomicLong RELIED = new java.util.concurrent.atomic.AtomicLong();

  /** The split runs' cuts in the top levels, over the whole suite: the test must make some. */
  private static final java.util.concurrent.atomic.AtomicLong TOP_LEVEL_CUTS = new java.util.concurrent.atomic.AtomicLong();

  @ParameterizedTest(name = "{0}")
  @MethodSource("suite")
  void theSuiteBehavesTheSameWithAndWithoutTheCacheSplitOrNot(ScenarioConfig config) {
    assertSameBehaviour(config);
  }

  @org.junit.jupiter.api.AfterAll
  static void theSplitRunsCutInTheTopLevels() {
    assertThat(TOP_LEVEL_CUTS.get()).as("executions cut in the split's top levels, over the suite").isPositive();
    assertThat(CLAIM_CUTS.get()).as("executions cut at states a lower unit reached first, over the suite").isPositive();
    assertThat(RELIED.get()).as("states shards relied on an earlier run's claims for, over the suite").isPositive();
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
