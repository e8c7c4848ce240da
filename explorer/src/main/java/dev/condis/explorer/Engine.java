package dev.condis.explorer;

import dev.condis.explorer.ControlledThread.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs executions one after the other on carriers, and watches them from the caller's thread.
 *
 * <p>There is no scheduler thread: the carrier whose thread finishes an execution decides what
 * comes next and, if the search goes on, runs the next execution's main thread itself. The
 * calling thread only sleeps, reports progress, and rescues the search when an execution hangs.
 */
final class Engine {
  private static final long RETIRE_GRACE_NANOS = 100_000_000L;

  /** Guards all scheduler and search state of this engine. */
  final Object lock = new Object();
  final Program program;
  final SearchOptions options;
  /**
   * The program's own threads already reported (or alive before this search began), so one is
   * reported once and by the search it appeared in. Searches running at the same time in one
   * JVM cannot tell whose such a thread is: explorer/README.md says so.
   */
  private final java.util.Set<Thread> uncontrolledReported =
      java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
  /** The watchdog's limit in nanoseconds; 0 = no watchdog. */
  final long stallNanos;
  /** The search's time budget in nanoseconds; 0 = none. */
  private final long budgetNanos;
  /** How long an execution may stand still once the budget is spent before the budget ends it. */
  private static final long BUDGET_GRACE_NANOS = 500_000_000L;
  /** The time budget abandoned an execution that stood still (see {@link #watch}). */
  private boolean budgetCut;
  /** The CPU this search's carriers are pinned to, or -1 ({@link CarrierAffinity}); set before any runs. */
  volatile int cpu = -1;
  private final SearchTree tree; // null when replaying or walking at random
  private final Decider decider;
  /** One execution along a given schedule ({@link ReplayDecider}), not a search. */
  private final boolean replaying;
  /** Random walks ({@link RandomWalk}), or null. */
  final RandomWalk walk;

  private volatile Execution current;
  private volatile boolean done;
  volatile long executions;
  private Thread waiter;
  private long startNanos;
  private long endNanos;
  private Throwable internalError;

  long failingExecutions;
  /** Split search: executions run only to number other workers' units (not counted). */
  private long othersExecutions;
  /** Split search: the unit of the failure found, or -1. */
  private long failureUnit = -1;
  private long sleepSetBlocked;
  long depthCuts;
  int maxDepth;
  /** The most transitions an execution has had: the next one's trace starts that long. */
  int longestTrace;
  final LinkedHashMap<String, Failure> failures = new LinkedHashMap<>();
  final EnumSet<Bound> bounds = EnumSet.noneOf(Bound.class);
  private ExecutionResult replayResult;

  /** Carriers abandoned by the watchdog and when; only the watching thread touches this. */
  private final List<Carrier> retired = new ArrayList<>();
  private final List<Long> retiredAt = new ArrayList<>();

  Engine(Program program, SearchOptions options, SearchTree tree, Decider decider) {
    this.program = program;
    this.options = options;
    this.stallNanos = options.stallTimeout().map(Duration::toNanos).orElse(0L);
    this.budgetNanos = options.timeBudget().map(Duration::toNanos).orElse(0L);
    this.tree = tree;
    this.decider = decider;
    this.replaying = decider instanceof ReplayDecider;
    this.walk = decider instanceof RandomWalk w ? w : null;
  }

  static SearchResult search(Program program, SearchOptions options) {
    if (options.randomWalkSeed().isPresent()) {
      return RandomWalks.search(program, options, options.randomWalkSeed().get());
    }
    SearchTree tree = new SearchTree(options.reduction(), options.maxDepth(), options.split().orElse(null),
        options.stopOnFirstFailure());
    Engine e = new Engine(program, options, tree, tree);
    e.run();
    synchronized (e.lock) {
      return new SearchResult(bounds(e), List.copyOf(e.failures.values()), e.failingExecutions,
          e.executions, e.sleepSetBlocked, tree.prunedAlternatives, e.depthCuts, e.maxDepth,
          tree.decisionPoints, Duration.ofNanos(e.endNanos - e.startNanos), options.reduction(),
          new SearchResult.SplitFigures(tree.units, tree.unitsOwned, e.othersExecutions, e.failureUnit,
              tree.unitExecutions(), tree.partExecutions()));
    }
  }

  static ExecutionResult replay(Program program, Schedule schedule, SearchOptions options) {
    Engine e = new Engine(program, options, null, new ReplayDecider(schedule));
    e.run();
    synchronized (e.lock) {
      return e.replayResult;
    }
  }

  private static EnumSet<Bound> bounds(Engine e) {
    return e.bounds.clone();
  }

  void run() {
    waiter = Thread.currentThread();
    cpu = CarrierThreads.virtual() ? -1 : CarrierAffinity.get().acquire();
    try {
      startNanos = System.nanoTime();
      // A program thread still alive from an earlier search is that search's finding, not ours.
      uncontrolledReported.addAll(Execution.foreignThreads());
      Carrier c;
      synchronized (lock) {
        c = CarrierPool.take(cpu);
        c.job = newExecutionLocked().main;
      }
      c.wake();
      watch();
      endNanos = System.nanoTime();
    } finally {
      if (cpu >= 0) {
        CarrierAffinity.get().release(cpu);
      }
    }
    if (internalError != null) {
      throw new IllegalStateException("explorer internal error: " + internalError, internalError);
    }
  }

  // ------------------------------------------------------------ on carriers

  /**
   * Runs {@code t} on carrier {@code c}, then whatever may run on the same carrier next (a
   * thread's first start, the next execution). Returns the carrier to wake, or null.
   */
  Carrier runOnCarrier(Carrier c, ControlledThread t) {
    while (t != null) {
      t.carrier = c;
      c.current = t;
      Throwable thrown = null;
      try {
        t.body.run();
      } catch (Throwable e) {
        thrown = e;
      }
      c.current = null;
      ControlledThread next;
      synchronized (lock) {
        if (c.retired) {
          return null;
        }
        try {
          next = afterExitLocked(t, thrown);
        } catch (Throwable e) {
          fatalLocked(e);
          return null;
        }
      }
      if (next != null && next.carrier != null) {
        return next.carrier;
      }
      t = next;
    }
    return null;
  }

  /** What runs after thread t's body returned or threw: see {@link #runOnCarrier}. */
  private ControlledThread afterExitLocked(ControlledThread t, Throwable thrown) {
    Execution ex = t.execution;
    if (ex != current || ex.finished) {
      return null;
    }
    if (thrown != null && !(thrown instanceof ExecutionAborted) && !ex.aborted) {
      ex.failLocked(FailureKind.UNCAUGHT_EXCEPTION, thrown.toString(), null, t, thrown);
    }
    ex.threadEndedLocked(t);
    if (!ex.aborted) {
      ControlledThread next = ex.scheduleLocked(t);
      if (next != null) {
        return next;
      }
      if (!ex.aborted) {
        return finishLocked(ex);
      }
    }
    return unwindNextLocked(ex);
  }

  /** After an abort, threads parked at scheduling points unwind one at a time, then the execution ends. */
  private ControlledThread unwindNextLocked(Execution ex) {
    ControlledThread u = ex.nextToUnwind();
    return u != null ? u : finishLocked(ex);
  }

  /** Ends an execution; returns the next execution's main thread, or null when the search is over. */
  private ControlledThread finishLocked(Execution ex) {
    ex.checkControlledLocked(uncontrolledReported);
    ex.finished = true;
    longestTrace = Math.max(longestTrace, ex.trace.length());
    if (budgetCut) {
      // Abandoned unfinished by the time budget: it counts for nothing, and the search ends.
      bounds.add(Bound.TIME_BUDGET);
      return doneLocked();
    }
    decider.executionEnded(ex);
    if (ex.depthCut) {
      depthCuts++;
      bounds.add(Bound.MAX_DEPTH); // whoever's unit it is: every worker runs every prefix
    }
    if (tree != null && !tree.ownsEndedExecution()) {
      // Split search: another worker's unit, run only as far as its prefix.
      othersExecutions++;
      return tree.advance() ? nextExecutionLocked(executions) : doneLocked();
    }
    long n = executions + 1;
    executions = n;
    if (tree != null) {
      tree.countedInCurrentUnit();
    }
    maxDepth = Math.max(maxDepth, ex.decisionCount);
    if (ex.sleepSetBlocked) {
      sleepSetBlocked++;
    }
    Failure f = ex.failure;
    boolean stop = false;
    if (f != null) {
      failingExecutions++;
      failures.putIfAbsent(f.kind() + "\n" + f.message(), f);
      stop = options.stopOnFirstFailure() || f.kind() == FailureKind.REPLAY_DIVERGENCE;
      if (walk != null) {
        walk.failed();
      }
      if (tree != null && failureUnit < 0) {
        failureUnit = tree.currentUnit;
        tree.failedInCurrentUnit();
      }
    }
    ExecutionListener listener = options.executionListener().orElse(null);
    if (listener != null) {
      listener.onExecutionEnd(new ExecutionSummary(n, ex.schedule(), Optional.ofNullable(f),
          ex.completed, ex.sleepSetBlocked, ex.depthCut));
    }
    if (replaying) {
      replayResult = new ExecutionResult(ex.schedule(), Optional.ofNullable(f), ex.trace(), ex.stepCount());
      return doneLocked();
    }
    if (stop || tree != null && !tree.advance()) {
      return doneLocked();
    }
    return nextExecutionLocked(n);
  }

  /** The next execution, unless a bound ends the search after {@code n} executions. */
  private ControlledThread nextExecutionLocked(long n) {
    if (walk != null) {
      // Walks number across walkers: the execution bound is on the walk number.
      long next = walk.walkNumber(n);
      if (next >= options.maxExecutions()) {
        bounds.add(Bound.MAX_EXECUTIONS);
        return doneLocked();
      }
      if (walk.pastAFailure(next)) {
        return doneLocked(); // a lower walk failed, in another walker: it is the one reported
      }
    } else if (n >= options.maxExecutions()) {
      bounds.add(Bound.MAX_EXECUTIONS);
      return doneLocked();
    }
    Optional<Duration> budget = options.timeBudget();
    if (budget.isPresent() && System.nanoTime() - startNanos >= budget.get().toNanos()) {
      bounds.add(Bound.TIME_BUDGET);
      return doneLocked();
    }
    return newExecutionLocked().main;
  }

  private Execution newExecutionLocked() {
    if (walk != null) {
      walk.start(walk.walkNumber(executions));
    }
    Execution ex = new Execution(this, decider, tree == null ? 0 : tree.analysisFrom, replaying);
    ex.progressLocked();
    current = ex;
    return ex;
  }

  private ControlledThread doneLocked() {
    current = null;
    done = true;
    LockSupport.unpark(waiter);
    return null;
  }

  private void fatalLocked(Throwable e) {
    internalError = e;
    doneLocked();
  }

  // ------------------------------------------------------------ on the caller's thread

  private void watch() {
    long check = stallNanos == 0 ? 50_000_000L : Math.max(1_000_000L, Math.min(stallNanos / 4, 50_000_000L));
    ProgressListener progress = options.progressListener().orElse(null);
    long interval = options.progressInterval().toNanos();
    long nextProgress = startNanos + interval;
    while (!done) {
      long wait = progress == null ? check : Math.min(check, nextProgress - System.nanoTime());
      LockSupport.parkNanos(this, Math.max(wait, 1_000_000L));
      long now = System.nanoTime();
      if (progress != null && !done && now - nextProgress >= 0) {
        progress.onProgress(executions, Duration.ofNanos(now - startNanos));
        nextProgress = now + interval;
      }
      Execution ex = current;
      if (ex != null && stallNanos > 0 && now - ex.deadline > 0) {
        rescue(ex, now, false);
      } else if (ex != null && budgetNanos > 0 && now - startNanos > budgetNanos
          && now - ex.lastProgress > BUDGET_GRACE_NANOS) {
        // The search's time is up and this execution is not moving: the budget, not the
        // watchdog, ends it (INCONCLUSIVE), however long the stall timeout is.
        rescue(ex, now, true);
      }
      stopRetired(now, RETIRE_GRACE_NANOS);
    }
    stopRetired(System.nanoTime(), 0);
    if (progress != null) {
      progress.onProgress(executions, Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }

  /**
   * The running thread of {@code ex} overran its time: abandon its carrier, fail the execution
   * with TIMEOUT (unless it had already failed), and carry on with the unwinding and the search.
   * {@code overBudget}: the search's time budget is spent and the execution stands still; it is
   * abandoned without a verdict of its own and the search ends at the budget.
   */
  private void rescue(Execution ex, long now, boolean overBudget) {
    Carrier toWake = null;
    synchronized (lock) {
      if (ex != current || ex.finished || (overBudget ? now - ex.lastProgress <= BUDGET_GRACE_NANOS : now - ex.deadline <= 0)) {
        return;
      }
      ControlledThread r = ex.running;
      if (overBudget) {
        budgetCut = true;
        ex.abortLocked();
      } else if (!ex.aborted) {
        ex.timedOutLocked(r, r.carrier == null ? new StackTraceElement[0] : r.carrier.thread.getStackTrace());
      } else {
        ex.abortLocked(); // a fresh deadline for the rest of the unwinding
      }
      if (r.carrier != null && r.status != Status.FINISHED) {
        r.carrier.retired = true;
        if (r.carrier.virtual && r.carrier.thread.getState() == Thread.State.RUNNABLE) {
          CarrierThreads.abandonVirtual(); // it spins, and holds one of the scheduler's OS threads
        }
        r.carrier.thread.interrupt();
        r.carrier.abandonPinning();
        retired.add(r.carrier);
        retiredAt.add(now);
        ex.threadEndedLocked(r);
      }
      try {
        ControlledThread next = unwindNextLocked(ex);
        if (next != null) {
          if (next.carrier == null) {
            next.carrier = CarrierPool.take(cpu);
            next.carrier.job = next;
          }
          toWake = next.carrier;
        }
      } catch (Throwable e) {
        fatalLocked(e);
      }
    }
    if (toWake != null) {
      toWake.wake();
    }
  }

  /** Stops abandoned carriers still running after the grace period (best effort, JDK < 20). */
  private void stopRetired(long now, long grace) {
    for (int i = retired.size() - 1; i >= 0; i--) {
      if (now - retiredAt.get(i) >= grace) {
        Carrier c = retired.remove(i);
        retiredAt.remove(i);
        if (c.thread.isAlive()) {
          stop(c.thread);
        }
      }
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread t) {
    try {
      t.stop();
    } catch (UnsupportedOperationException | SecurityException e) {
      // Newer JDKs cannot stop threads: the abandoned daemon keeps running until it ends.
    }
  }
}
