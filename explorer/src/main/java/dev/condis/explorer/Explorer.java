package dev.condis.explorer;

import java.util.Map;
import java.util.Objects;

/**
 * The embedded stateless model checker: explores every interleaving of a program's scheduling
 * points and every value of its data choices, depth-first, by re-running the program from the
 * start with a schedule prefix. Deterministic: the same program gives the same order, figures
 * and first counterexample on every run.
 */
public final class Explorer {
  private Explorer() {}

  /** Explores {@code program} under {@code options}; returns when done or a bound is reached. */
  public static SearchResult explore(Program program, SearchOptions options) {
    return Engine.search(Objects.requireNonNull(program, "program"), Objects.requireNonNull(options, "options"));
  }

  public static SearchResult explore(Program program) {
    return explore(program, SearchOptions.DEFAULTS);
  }

  /**
   * Runs {@code program} once, taking exactly the decisions of {@code schedule}. Any departure
   * (a pick of a thread that cannot run, a choice of another arity, missing or extra decisions)
   * ends it with a {@link FailureKind#REPLAY_DIVERGENCE} failure. {@code options} supply the step
   * bound and the timeout; use the search's options to reproduce its failures exactly.
   */
  public static ExecutionResult replay(Program program, Schedule schedule, SearchOptions options) {
    return Engine.replay(Objects.requireNonNull(program, "program"),
        Objects.requireNonNull(schedule, "schedule"), Objects.requireNonNull(options, "options"));
  }

  public static ExecutionResult replay(Program program, Schedule schedule) {
    return replay(program, schedule, SearchOptions.DEFAULTS);
  }

  /**
   * What program threads run on in this JVM: {@code "virtual"} (JDK 24 and later) or {@code
   * "platform"}, or as {@code -Dcondis.explorer.carriers} says; {@code "platform"} for good once
   * the watchdog had to abandon a virtual one. The same searches either way; a hand-off between
   * virtual threads is some 50 times cheaper.
   */
  public static String carriers() {
    return CarrierThreads.kind();
  }

  /**
   * Checks the explorer's system properties ({@code -Dcondis.explorer.carriers}, {@code
   * -Dcondis.explorer.pinning}); a bad value throws {@link IllegalArgumentException} with a
   * one-line message. Call it before the first search: there, a bad value would fail every
   * search with an error.
   */
  public static void checkProperties() {
    ExplorerProperties.carriers();
    ExplorerProperties.pinning();
  }

  /**
   * Whether platform carriers are pinned, one CPU per search ({@code -Dcondis.explorer.pinning},
   * explorer/README.md, "How it runs"): {@code "pinned: one CPU per search"}, or {@code "not
   * pinned: "} and why. Only where threads run: the same searches either way.
   */
  public static String pinning() {
    return CarrierThreads.virtual() ? "not pinned: virtual carriers" : CarrierAffinity.get().describe();
  }

  /**
   * Pins the platform carriers of the searches that start from now on, one CPU per search, or
   * stops doing so: the programmatic twin of {@code -Dcondis.explorer.pinning}, for a benchmark
   * that compares both in one JVM. No effect where pinning is off for a reason ({@link
   * #pinning()} says which).
   */
  public static void pinCarriers(boolean pin) {
    if (!CarrierThreads.virtual()) {
      CarrierAffinity.get().setPaused(!pin);
    }
  }

  /**
   * The stacks of the explorer's live virtual carriers, which {@link Thread#getAllStackTraces()}
   * leaves out (empty on platform carriers, which it includes): e.g. to find who called {@code
   * System.exit}.
   */
  public static Map<Thread, StackTraceElement[]> virtualCarrierStacks() {
    return CarrierPool.virtualStacks();
  }

  /**
   * Tells the explorer how many searches will run at once, before the first one starts. On
   * virtual carriers it sizes the JDK's virtual-thread scheduler to that many OS threads, unless
   * {@code -Djdk.virtualThreadScheduler.parallelism} is set: with more threads than searches,
   * an idle one steals the thread just woken by a hand-off, and the hand-off then crosses OS
   * threads (one search ran 1.3 times slower on 2 scheduler threads than on 1). Too late once
   * a virtual thread exists; harmless then.
   */
  public static void plan(int concurrentSearches) {
    if (concurrentSearches >= 1 && System.getProperty(CarrierThreads.PARALLELISM) == null) {
      System.setProperty(CarrierThreads.PARALLELISM, Integer.toString(concurrentSearches));
    }
  }
}
