package dev.condis.model.explorer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.HashCode;
import dev.condis.explorer.Bound;
import dev.condis.explorer.ExecutionResult;
import dev.condis.explorer.Explorer;
import dev.condis.explorer.Failure;
import dev.condis.explorer.FailureKind;
import dev.condis.explorer.Program;
import dev.condis.explorer.Schedule;
import dev.condis.explorer.SearchOptions;
import dev.condis.explorer.SearchResult;
import dev.condis.explorer.Stalled;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.CheckOptions;
import dev.condis.model.engine.Classified;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Engine;
import dev.condis.model.engine.EngineUnavailableException;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.ReplayResult;
import dev.condis.model.engine.SourceFrame;
import dev.condis.model.engine.ShardShare;
import dev.condis.model.engine.StateClaims;
import dev.condis.model.engine.UnitSizes;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.DeadlockProperty;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.property.PropertyFailure;
import dev.condis.model.property.Violation;
import dev.condis.model.scenario.Checkpoints;
import dev.condis.model.scenario.Premises;
import dev.condis.model.scenario.RuleChecks;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioHarness;
import dev.condis.model.scenario.ViolationSink;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.ndis.NdisSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The default engine ({@code explorer}): runs a scenario through {@link ScenarioHarness} as
 * an explorer {@link Program} on the controlled {@link ExplorerPlatform}, searching every
 * interleaving (up to partial-order equivalence) and every data choice.
 *
 * <p>How the explorer's outcomes become verdicts:
 *
 * <ul>
 *   <li>COMPLETE: VERIFIED (exhaustive within the scenario's own bounds).
 *   <li>BOUND_REACHED (executions, depth or time budget): INCONCLUSIVE, with the bound named in
 *       {@code detail}; never VERIFIED.
 *   <li>ASSERTION carrying a {@link Violation}: VIOLATION of that property.
 *   <li>DEADLOCK (every live thread blocked, or a thread re-acquiring its own lock): VIOLATION
 *       of {@code deadlock}, rule IRQL-4.
 *   <li>UNCAUGHT_EXCEPTION thrown from driver or NDIS code: VIOLATION of {@code
 *       no-uncaught-exception} (a driver bug: in a kernel it would be a bug check). Thrown from
 *       the model's own code (harness, properties, this adapter): ERROR.
 *   <li>STEP_BOUND (one execution made more than a million runtime calls; no scenario comes
 *       near): VIOLATION of {@code livelock}, rule IRQL-4 — a driver spinning while it waits
 *       for a completion. It replays like any counterexample.
 *   <li>TIMEOUT (the watchdog: a thread made no synchronisation step for the execution
 *       timeout, 30 s by default, i.e. it blocks or spins outside the Platform seam): VIOLATION
 *       of {@code hang}, rule IRQL-4, naming the thread, its driver method and its stack; the
 *       schedule replays up to the hang. Progress-based, so a slow machine does not trip it.
 *   <li>UNCONTROLLED_THREAD (driver code started a thread of its own, or called the Platform
 *       from one): VIOLATION of {@code controlled-threads}; the certificate is never PROVED.
 *   <li>REPLAY_DIVERGENCE during the search (the checked program is not deterministic), or any
 *       failure of the explorer itself: ERROR.
 * </ul>
 *
 * <p>On a violation the schedule is replayed once with an event recorder to build the
 * {@link Counterexample}: the violation, the schedule, the ordered NDIS events and the exact
 * {@code ./condis-verify replay ...} command line.
 */
public final class ExplorerEngine implements Engine {
  public static final String NAME = "explorer";

  /** Engine option: "false" switches the state cache off ({@code --no-state-cache}). */
  public static final String STATE_CACHE = "explorer.stateCache";

  /**
   * Engine option: split each search over this many threads ({@code --split}); with
   * {@link #SPLIT_DEPTH}, the depth of the fully expanded top levels (explorer {@code Split}).
   */
  public static final String SPLIT = "explorer.split";
  public static final String SPLIT_DEPTH = "explorer.splitDepth";
  public static final int DEFAULT_SPLIT_DEPTH = 6;
  /** Engine option: run only this worker (1-based) of the split: one shard ({@code --shard K/N}). */
  public static final String SHARD = "explorer.shard";
  /**
   * Engine option: a {@link UnitSizes} file's text ({@code --unit-sizes}): where the instance
   * is listed and the depth is the split's, the split's units are assigned by these sizes,
   * largest first, and the units it marks are split again.
   */
  public static final String UNIT_SIZES = "explorer.unitSizes";
  /**
   * Engine option: a {@link StateClaims} file's text ({@code --claims}): a shard stops at a
   * state the file gives to a lower unit, relying on that unit's shard (merge checks it did).
   */
  public static final String CLAIMS = "explorer.claims";

  /**
   * Engine option: random walks with this seed (a whole number) instead of the search ({@code
   * --random-walk}): a bug hunt for scenarios the search cannot finish; never VERIFIED, no
   * state cache, no split.
   */
  public static final String RANDOM_WALK = "explorer.randomWalk";
  /**
   * Engine option, with {@link #RANDOM_WALK}: walk on this many threads at once. The walks are
   * numbered and shared out, so the counterexample is the same for any number.
   */
  public static final String RANDOM_WALKERS = "explorer.randomWalkers";

  /** The rule engine-found deadlocks and livelocks are reported under. */
  static final String WAIT_RULE = DeadlockProperty.RULE;

  @Override
  public String name() {
    return NAME;
  }

  /** A bad {@code -Dcondis.explorer.*} value is bad input, said once before any search. */
  @Override
  public void checkAvailable(ImmutableMap<String, String> engineOptions) {
    try {
      Explorer.checkProperties();
    } catch (IllegalArgumentException e) {
      throw new EngineUnavailableException(e.getMessage());
    }
  }

  @Override
  public VerificationResult verify(VerificationRequest request) {
    // Bad input (unknown scenario, unusable class, a bad -Dcondis.explorer.* value) throws
    // IllegalArgumentException here.
    Explorer.checkProperties();
    ScenarioHarness harness = new ScenarioHarness(request.config(), request.propertyClasses());
    RuleChecks checks = harness.trackRuleChecks();
    VerificationResult result = search(request, harness);
    if (result.figures().executions() > 0) {
      checks.checked(WAIT_RULE); // the scheduler looks for a deadlock at every step of every execution
    }
    return result.withRulesChecked(checks.all());
  }

  private VerificationResult search(VerificationRequest request, ScenarioHarness harness) {
    ScenarioConfig config = request.config();
    Premises premises = harness.trackPremises();
    ImmutableList<String> properties =
        ImmutableList.<String>builder()
            .addAll(harness.propertyIds())
            .addAll(PropertyCatalog.engineProperties())
            .build();
    int splitCount = intOption(request, SPLIT, 0);
    int shard = intOption(request, SHARD, 0);
    if (splitCount >= 1 && shard > splitCount) {
      throw new IllegalArgumentException(SHARD + " " + shard + " is not one of the " + splitCount + " shards");
    }
    Long walkSeed = randomWalkSeed(request);
    if (walkSeed != null && splitCount >= 1 && shard == 0) {
      throw new IllegalArgumentException(RANDOM_WALK + " and " + SPLIT + " exclude each other: random walks explore no tree to divide");
    }
    if (walkSeed != null) {
      return walk(request, harness, premises, properties, walkSeed, shard == 0 ? 1 : splitCount, shard - 1);
    }
    if (splitCount >= 1) {
      int depth = intOption(request, SPLIT_DEPTH, DEFAULT_SPLIT_DEPTH);
      UnitSizes sizes = unitSizes(request, depth);
      String label = request.config().label();
      return new SplitSearch(this, request, harness, premises, properties, splitCount, depth, shard - 1,
          sizes == null ? null : sizes.sizesOf(label).orElse(null),
          sizes == null ? new long[0] : sizes.splitAgainOf(label),
          sizes == null ? Map.of() : sizes.partSizesOf(label), claims(request, depth, label),
          // A shard's share of the run is its shares of every instance: balance over all of them.
          sizes == null || shard == 0 ? null : sizes.loadsBefore(label, splitCount)).run();
    }
    Checkpoints cache = stateCache(request);
    ProgressListener progress = request.progress();
    SearchOptions options = searchOptions(request.bounds(), progress == null || progress == ProgressListener.NONE
        ? ProgressListener.NONE
        : (executions, elapsed) -> progress.progress(
            executions, cache.disabledBecause() == null ? cache.statesSeen() : -1, elapsed));
    SearchResult result;
    try {
      result = Explorer.explore(program(harness, null, cache), options);
    } catch (RuntimeException | Error e) {
      return new VerificationResult(
          config, NAME, Verdict.ERROR, properties, emptyFigures(), Optional.empty(),
          Optional.of("explorer failed: " + e));
    }
    Figures figures =
        new Figures(
            result.executions(),
            result.prunedExecutions(),
            result.maxDepth(),
            result.decisionPoints(),
            cache.disabledBecause() == null ? cache.statesSeen() : -1,
            result.wallTime());
    return conclude(request, harness, premises, properties, result, figures, options, cache.summary());
  }

  /**
   * Random walks ({@link #RANDOM_WALK}), or shard {@code shard} (0-based; -1: none) of {@code
   * shards}: its walks, named with the lowest failing one in its {@link ShardShare} for merge.
   * No state cache: a walk cannot cut at a seen state, as nothing promises that state's future
   * is explored.
   */
  private VerificationResult walk(VerificationRequest request, ScenarioHarness harness, Premises premises,
      ImmutableList<String> properties, long seed, int shards, int shard) {
    ProgressListener progress = request.progress();
    SearchOptions.Builder b = searchOptions(request.bounds(), progress == null || progress == ProgressListener.NONE
        ? ProgressListener.NONE : (executions, elapsed) -> progress.progress(executions, -1, elapsed))
        .toBuilder().randomWalk(seed, intOption(request, RANDOM_WALKERS, 1));
    if (shard >= 0) {
      b.randomWalkShard(shard, shards);
    }
    SearchOptions options = b.build();
    SearchResult result;
    try {
      result = Explorer.explore(program(harness, null, Checkpoints.off(VerificationResult.RANDOM_WALKS)), options);
    } catch (RuntimeException | Error e) {
      return new VerificationResult(request.config(), NAME, Verdict.ERROR, properties, emptyFigures(), Optional.empty(),
          Optional.of("explorer failed: " + e));
    }
    Figures figures = new Figures(result.executions(), 0, result.maxDepth(), 0, -1, result.wallTime());
    VerificationResult r = conclude(request, harness, premises, properties, result, figures, options, "");
    if (r.verdict() == Verdict.VERIFIED) { // the explorer never ends walks COMPLETE; should it, no claim is made
      r = new VerificationResult(request.config(), NAME, Verdict.ERROR, properties, figures, Optional.empty(),
          Optional.of("explorer failed: random walks ended as if complete"));
    }
    return shard < 0 ? r : r.withShard(new ShardShare(shard, shards, 0, request.bounds().maxExecutions(),
        result.executions(), result.split().failureUnit(), false, ImmutableList.of(), ImmutableSortedMap.of(),
        ImmutableSortedMap.of(), ImmutableSortedMap.of(), ImmutableSortedMap.of()));
  }

  /** "random walks (seed S)", with the shard if there is one: how a walk result's detail begins. */
  private static String walksName(SearchOptions options) {
    return VerificationResult.RANDOM_WALKS + " (seed " + options.randomWalkSeed().orElseThrow()
        + (options.randomWalkShards() == 1 ? "" : ", shard " + (options.randomWalkShard() + 1) + "/"
            + options.randomWalkShards()) + ")";
  }

  /**
   * The verdict of a finished search: a failure classified (a violation replayed into its
   * counterexample), else INCONCLUSIVE if a bound was reached, else ERROR if a premise was
   * never met, else VERIFIED with {@code reductions} saying what the proof rests on.
   */
  VerificationResult conclude(VerificationRequest request, ScenarioHarness harness, Premises premises,
      ImmutableList<String> properties, SearchResult result, Figures figures, SearchOptions options,
      String reductions) {
    ScenarioConfig config = request.config();
    Optional<Failure> failure = result.firstFailure();
    if (failure.isPresent()) {
      Failure f = failure.get();
      Classified c = classify(f);
      if (c.verdict() != Verdict.VIOLATION) {
        return new VerificationResult(
            config, NAME, c.verdict(), properties, figures, Optional.empty(), Optional.of(c.detail()));
      }
      ReplayResult replay = replay(harness, f.schedule(), options);
      Optional<String> detail = replay.mismatch(c.violation());
      if (options.randomWalkSeed().isPresent()) {
        detail = Optional.of(String.format(Locale.ROOT, "%s found it in walk %d, after %,d executions%s",
            walksName(options), result.split().failureUnit(), result.executions(), detail.map(m -> "; " + m).orElse("")));
      }
      Counterexample cex =
          new Counterexample(
              c.violation(),
              f.schedule().toString(),
              replay.trace(),
              CheckOptions.replayCommand(config, request.propertyClasses(), f.schedule().toString()),
              replay.sources());
      return new VerificationResult(
          config, NAME, Verdict.VIOLATION, properties, figures, Optional.of(cex), detail);
    }
    if (!result.boundsReached().isEmpty()) {
      return new VerificationResult(
          config, NAME, Verdict.INCONCLUSIVE, properties, figures, Optional.empty(),
          Optional.of(options.randomWalkSeed().isPresent()
              ? walksText(walksName(options), result, request.bounds())
              : boundsText(result, request.bounds())));
    }
    if (!premises.unmet().isEmpty()) {
      return new VerificationResult(
          config, NAME, Verdict.ERROR, properties, figures, Optional.empty(),
          Optional.of(premiseNotMet(config, premises)));
    }
    // The cache is a reduction the proof rests on: say what it did, or that it was off.
    return new VerificationResult(
        config, NAME, Verdict.VERIFIED, properties, figures, Optional.empty(), Optional.of(reductions));
  }

  /** A fresh state cache for one search, or one that is off ({@code --no-state-cache}). */
  static Checkpoints stateCache(VerificationRequest request) {
    return stateCache(request, null);
  }

  /** As {@link #stateCache(VerificationRequest)}, for a split's worker sharing {@code claims} (may be null). */
  static Checkpoints stateCache(VerificationRequest request, Checkpoints.Claims claims) {
    return "false".equals(request.engineOptions().get(STATE_CACHE))
        ? Checkpoints.off("--no-state-cache")
        : new Checkpoints(claims);
  }

  /** The seed of {@link #RANDOM_WALK}, or null for the search. Bad values are bad input. */
  static Long randomWalkSeed(VerificationRequest request) {
    String v = request.engineOptions().get(RANDOM_WALK);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(RANDOM_WALK + " must be a whole number (the seed), not '" + v + "'", e);
    }
  }

  /** The unit sizes from {@link #UNIT_SIZES} if measured at {@code depth}, else null. */
  private static UnitSizes unitSizes(VerificationRequest request, int depth) {
    String v = request.engineOptions().get(UNIT_SIZES);
    if (v == null) {
      return null;
    }
    UnitSizes sizes;
    try {
      sizes = UnitSizes.parse(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(UNIT_SIZES + ": " + e.getMessage(), e);
    }
    return sizes.splitDepth() != depth ? null : sizes;
  }

  /** {@code label}'s claims from {@link #CLAIMS} if made at {@code depth}, else none. */
  private static Map<HashCode, Long> claims(VerificationRequest request, int depth, String label) {
    String v = request.engineOptions().get(CLAIMS);
    if (v == null) {
      return Map.of();
    }
    StateClaims claims;
    try {
      claims = StateClaims.parse(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(CLAIMS + ": " + e.getMessage(), e);
    }
    return claims.splitDepth() != depth ? Map.of() : claims.claimsOf(label);
  }

  /** A whole-number engine option; {@code otherwise} when absent. Bad values are bad input. */
  static int intOption(VerificationRequest request, String key, int otherwise) {
    String v = request.engineOptions().get(key);
    if (v == null) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1) {
        throw new IllegalArgumentException(key + " must be at least 1, not " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'", e);
    }
  }

  /**
   * Re-runs one execution of {@code request}'s scenario along {@code schedule} (the text a
   * counterexample printed) and records its events. A schedule the program does not follow
   * is a divergence, reported in the result; a schedule that is not well-formed throws
   * {@link IllegalArgumentException} (bad input), as does a bad scenario or class.
   */
  public ReplayResult replay(VerificationRequest request, String schedule) {
    Explorer.checkProperties();
    Schedule parsed = Schedule.parse(schedule);
    ScenarioHarness harness = new ScenarioHarness(request.config(), request.propertyClasses());
    return replay(harness, parsed, searchOptions(request.bounds(), ProgressListener.NONE));
  }

  /** {@link #replay(VerificationRequest, String)} with the default properties and bounds. */
  public ReplayResult replay(ScenarioConfig config, String schedule) {
    return replay(
        new VerificationRequest(
            config,
            PropertyCatalog.defaultPropertyClasses(),
            Bounds.DEFAULT,
            ProgressListener.NONE,
            com.google.common.collect.ImmutableMap.of()),
        schedule);
  }

  private ReplayResult replay(ScenarioHarness harness, Schedule schedule, SearchOptions options) {
    List<NdisEvent> trace = new ArrayList<>();
    Map<Long, SourceFrame> sources = new HashMap<>();
    Consumer<NdisEvent> record = e -> {
      trace.add(e);
      if (isDriverAct(e)) {
        SourceFrame.ofCurrentThread().ifPresent(f -> sources.put(e.stamp().seq(), f));
      }
    };
    ExecutionResult r;
    try {
      r = Explorer.replay(program(harness, record, null), schedule, options);
    } catch (RuntimeException | Error e) {
      return new ReplayResult(
          schedule.toString(), "none", trace, Optional.empty(), Optional.empty(),
          Optional.of("explorer failed: " + e));
    }
    Optional<Violation> violation = Optional.empty();
    Optional<String> divergence = Optional.empty();
    Optional<String> error = Optional.empty();
    if (r.failure().isPresent()) {
      Failure f = r.failure().get();
      if (f.kind() == FailureKind.REPLAY_DIVERGENCE) {
        divergence = Optional.of(f.message());
      } else {
        Classified c = classify(f);
        if (c.verdict() == Verdict.VIOLATION) {
          violation = Optional.of(c.violation());
        } else {
          error = Optional.of(c.detail());
        }
      }
    }
    return new ReplayResult(
        schedule.toString(), r.schedule().toString(), ImmutableList.copyOf(trace), violation, divergence,
        error, ImmutableMap.copyOf(sources));
  }

  /**
   * The events a driver causes from its own code, whose stack therefore holds the driver's
   * frame: its calls of NDIS functions and their returns, its allocations and releases, a
   * dead handle it passed. Not a handler's entry or return, nor a violation NDIS finds at a
   * handler's return: their innermost driver frame is whichever driver made NDIS call the
   * handler, which would point at the wrong code.
   */
  private static boolean isDriverAct(NdisEvent e) {
    return e instanceof NdisEvent.ApiCalled
        || e instanceof NdisEvent.ApiReturned
        || e instanceof NdisEvent.ContextAllocated
        || e instanceof NdisEvent.ContextReleased
        || (e instanceof NdisEvent.HandleUsed u && !u.valid());
  }

  static Program program(
      ScenarioHarness harness, Consumer<NdisEvent> trace, Checkpoints checkpoints) {
    return program(harness, trace, checkpoints, snapshot -> {});
  }

  /** The harness as an explorer program; {@code ends} gets each completed execution's final state. */
  static Program program(ScenarioHarness harness, Consumer<NdisEvent> trace, Checkpoints checkpoints,
      Consumer<NdisSnapshot> ends) {
    return rt -> {
      ViolationSink sink = new FailingSink(rt);
      NdisSnapshot end = harness.runOnce(new ExplorerPlatform(rt, harness.needsEventOrder()), sink, trace, checkpoints);
      if (end != null) {
        ends.accept(end);
      }
    };
  }

  /**
   * Fails the execution on a violation. A class, not a lambda: the state fingerprint reads it,
   * and a lambda's class is named per JVM (shards compare fingerprints across JVMs).
   */
  private static final class FailingSink implements ViolationSink {
    private final dev.condis.explorer.Runtime rt;

    FailingSink(dev.condis.explorer.Runtime rt) {
      this.rt = rt;
    }

    @Override
    public void report(Violation v) {
      rt.fail(v.toString(), v);
    }
  }

  /** One line: which premise the drivers never offered, so the scenario never ran its subject. */
  static String premiseNotMet(ScenarioConfig config, Premises premises) {
    return "premise not met: scenario " + config.scenario() + " relies on the drivers offering the choice "
        + String.join(", ", premises.unmet().stream().map(l -> "'" + l + "'").toList())
        + " (Platform.choose with that label and the value the scenario narrows it to), and no execution did:"
        + " the scenario never exercised its subject, so nothing is proved (every execution explored, no"
        + " property failed)";
  }

  /** The explorer's options for {@code bounds}; progress goes to {@code progress}. */
  static SearchOptions searchOptions(Bounds bounds, ProgressListener progress) {
    SearchOptions.Builder b =
        SearchOptions.builder()
            .maxExecutions(bounds.maxExecutions())
            .maxDepth(bounds.maxDepth())
            .timeBudget(bounds.timeBudget())
            .stallTimeout(bounds.executionTimeout())
            .stopOnFirstFailure(true)
            .reduction(true);
    if (progress != null && progress != ProgressListener.NONE) {
      b.progressListener(progress::progress).progressInterval(Duration.ofMillis(250));
    }
    return b.build();
  }

  /** What one failure of the explorer means for the verdict. */
  static Classified classify(Failure f) {
    String where = " in thread '" + f.threadName() + "'";
    switch (f.kind()) {
      case ASSERTION:
        if (f.payload() instanceof Violation v) {
          return Classified.violation(v);
        }
        return Classified.error("an assertion without a property violation: " + f.message() + where);
      case DEADLOCK:
        return Classified.deadlock(f.message() + where).withDetail(f.message());
      case STEP_BOUND:
        return Classified.violation(
            new Violation(
                PropertyCatalog.LIVELOCK,
                WAIT_RULE,
                "one execution ran past the step bound (a driver spins or loops without end): "
                    + f.message() + where))
            .withDetail(f.message());
      case UNCAUGHT_EXCEPTION:
        Throwable cause = f.cause();
        if (cause instanceof PropertyFailure p) {
          return Classified.propertyFailure(p.getMessage(), at(p.getCause()));
        }
        Classified c = cause == null
            ? Classified.uncaught("", f.message(), null, "", where)
            : Classified.uncaught("", cause.toString(), innermostClass(cause), at(cause), where);
        // The report's one-line detail of a driver's exception stays the explorer's message.
        return c.verdict() == Verdict.ERROR ? c : c.withDetail(f.message());
      case TIMEOUT:
        String stack = f.cause() instanceof Stalled s ? stack(s) : "";
        return Classified.violation(
            new Violation(
                PropertyCatalog.HANG,
                WAIT_RULE,
                "a driver blocks or spins outside the Platform (no synchronisation step): " + f.message()
                    + stack))
            .withDetail(f.message());
      case UNCONTROLLED_THREAD:
        return Classified.violation(
            new Violation(
                PropertyCatalog.CONTROLLED_THREADS,
                Classified.NO_RULE,
                "driver code used a thread the Platform did not start, so its interleavings were not explored: "
                    + f.message() + (f.cause() instanceof Stalled s ? driverFrame(s) : "")))
            .withDetail(f.message());
      case REPLAY_DIVERGENCE:
      default:
        return Classified.error(
            "the checked program is not deterministic (the same decisions led elsewhere): "
                + f.message() + where);
    }
  }

  /** The innermost frame of the thread's stack in driver code: not the JDK's, the platform's or NDIS's. */
  private static String driverFrame(Stalled s) {
    for (StackTraceElement f : s.getStackTrace()) {
      String c = f.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.") && !c.startsWith("dev.condis.explorer.")
          && !c.startsWith("dev.condis.model.") && !c.startsWith("dev.condis.reference.ndis.")
          && !c.startsWith("dev.condis.reference.platform.") && !c.startsWith("dev.condis.reference.ddi.")
          && !c.startsWith("dev.condis.reference.event.")) {
        return "; first driver frame: " + Stalled.describe(f);
      }
    }
    return "";
  }

  /** The stuck thread's stack, innermost first, as report lines. */
  private static String stack(Stalled s) {
    StringBuilder b = new StringBuilder("; stack:");
    StackTraceElement[] st = s.getStackTrace();
    for (int i = 0; i < Math.min(st.length, 12); i++) {
      b.append("\n    at ").append(Stalled.describe(st[i]));
    }
    return st.length > 12 ? b.append("\n    ...").toString() : b.toString();
  }

  /** The class of the exception's innermost frame, or null if it has no stack. */
  private static String innermostClass(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    return st.length == 0 ? null : st[0].getClassName();
  }

  private static String at(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    return st.length == 0 ? "" : " at " + st[0];
  }

  private static String boundsText(SearchResult result, Bounds bounds) {
    List<String> out = new ArrayList<>();
    for (Bound b : result.boundsReached()) {
      out.add(
          switch (b) {
            case MAX_EXECUTIONS -> "the execution bound (" + bounds.maxExecutions() + " executions) was reached with work left";
            case MAX_DEPTH -> result.depthCutExecutions() + " executions were cut at the depth bound (" + bounds.maxDepth() + " decisions)";
            case TIME_BUDGET -> "the time budget (" + bounds.timeBudget().toSeconds() + " s) ran out with work left";
          });
    }
    return String.join("; ", out) + ": nothing is claimed beyond the executions explored";
  }

  /** Why random walks that met no violation claim nothing; begins with {@link VerificationResult#RANDOM_WALKS}. */
  private static String walksText(String walks, SearchResult result, Bounds bounds) {
    List<String> ends = new ArrayList<>();
    for (Bound b : result.boundsReached()) {
      ends.add(switch (b) {
        case MAX_EXECUTIONS -> "the execution bound (" + bounds.maxExecutions() + ")";
        case TIME_BUDGET -> "the time budget (" + bounds.timeBudget().toSeconds() + " s)";
        case MAX_DEPTH -> result.depthCutExecutions() + " walks cut at the depth bound (" + bounds.maxDepth() + " decisions)";
      });
    }
    return walks + ": " + String.format(Locale.ROOT, "%,d", result.executions())
        + " executions, every decision drawn at random,"
        + " no violation; ended by " + String.join(" and ", ends) + ". A bug hunt explores no tree: nothing is claimed"
        + " beyond the executions run";
  }

  private static Figures emptyFigures() {
    return new Figures(0, 0, 0, 0, -1, Duration.ZERO);
  }
}
