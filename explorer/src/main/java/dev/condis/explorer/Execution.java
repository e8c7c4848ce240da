package dev.condis.explorer;

import dev.condis.explorer.ControlledThread.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One run of the program: the {@link Runtime} it sees, the scheduler, and the trace the race
 * analysis reads. Scheduler state is guarded by {@link Engine#lock}; a thread's program code
 * only runs while it is the running thread, so program-side reads need no lock.
 */
final class Execution implements Runtime {
  static final int MAX_THREADS = 64;

  final Engine engine;
  private final Decider decider;
  private final boolean reduction;
  private final long maxSteps;
  private final int analysisFrom;
  private final List<TraceStep> steps; // null unless replaying

  final ArrayList<ControlledThread> threads = new ArrayList<>();
  final ControlledThread main;
  private int started;
  private int live;
  private int liveDeferred;
  private long stepCount;
  private final HashMap<String, Label> labels = new HashMap<>();

  // Decisions.
  int decisionCount;
  private final Decisions decisions = new Decisions();
  private Node pendingNode;
  /** Current sleep set (reduction only). */
  long sleep;

  /** The transitions so far, for the race analysis. */
  final Trace trace;
  private final VectorClock awaitClock = new VectorClock();

  // End state.
  volatile boolean aborted;
  boolean finished;
  boolean completed;
  boolean sleepSetBlocked;
  boolean depthCut;
  Failure failure;
  volatile ControlledThread running;
  /** When the watchdog gives up on this execution; pushed back at every step of progress. */
  volatile long deadline;
  /** When this execution last made progress (the time budget's cut-off reads it). */
  volatile long lastProgress;

  Execution(Engine engine, Decider decider, int analysisFrom, boolean recordTrace) {
    this.engine = engine;
    this.decider = decider;
    this.reduction = engine.options.reduction() && decider instanceof SearchTree;
    this.maxSteps = engine.options.maxStepsPerExecution();
    this.analysisFrom = analysisFrom;
    this.trace = new Trace(engine.longestTrace);
    this.steps = recordTrace ? new ArrayList<>() : null;
    Program program = engine.program;
    main = new ControlledThread(this, 0, "main", false, () -> program.run(this));
    main.status = Status.RUNNING;
    threads.add(main);
    started = 1;
    live = 1;
    running = main;
  }

  int traceLength() {
    return trace.length();
  }

  long stepCount() {
    return stepCount;
  }

  Schedule schedule() {
    return decisions.toSchedule();
  }

  List<TraceStep> trace() {
    return steps == null ? List.of() : steps;
  }

  // ---------------------------------------------------------------- Runtime API

  @Override
  public LockRef newLock(String name) {
    Objects.requireNonNull(name, "name");
    localStep(self());
    return new LockRef(name, this);
  }

  @Override
  public void acquire(LockRef lock) {
    request(OpKind.ACQUIRE, own(lock), null);
  }

  @Override
  public void release(LockRef lock) {
    request(OpKind.RELEASE, own(lock), null);
  }

  @Override
  public boolean holds(LockRef lock) {
    ControlledThread me = self();
    own(lock);
    localStep(me);
    return lock.holder == me;
  }

  @Override
  public ThreadRef spawn(String name, Runnable body) {
    return (ThreadRef) request(OpKind.SPAWN, Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
  }

  @Override
  public ThreadRef spawnDeferred(String name, Runnable body) {
    return (ThreadRef) request(OpKind.SPAWN_DEFERRED, Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
  }

  @Override
  public void join(ThreadRef thread) {
    ControlledThread t = Objects.requireNonNull(thread, "thread").thread;
    if (t.execution != this) {
      throw new IllegalStateException("thread '" + t.name + "' belongs to another execution");
    }
    request(OpKind.JOIN, t, null);
  }

  @Override
  public void awaitDeferred() {
    request(OpKind.AWAIT_DEFERRED, null, null);
  }

  @Override
  public void yieldPoint(String label) {
    Objects.requireNonNull(label, "label");
    request(OpKind.YIELD, label, null);
  }

  @Override
  public void readPoint(String label) {
    Objects.requireNonNull(label, "label");
    request(OpKind.READ, label, null);
  }

  @Override
  public int choose(String label, int n) {
    Objects.requireNonNull(label, "label");
    if (n < 1) {
      throw new IllegalArgumentException("choose(" + label + ", " + n + "): n must be >= 1");
    }
    ControlledThread me = self();
    int v;
    synchronized (engine.lock) {
      enterLocked(me);
      progressLocked();
      v = n == 1 ? 0 : decider.chooseValue(this, me, label, n);
      if (v >= 0 && steps != null) {
        steps.add(new TraceStep(me.id, me.name, "choose(" + label + ")=" + v + "of" + n));
      }
    }
    if (v < 0) {
      throw ExecutionAborted.INSTANCE;
    }
    return v;
  }

  @Override
  public void fail(String message, Object payload) {
    Objects.requireNonNull(message, "message");
    ControlledThread me = self();
    synchronized (engine.lock) {
      enterLocked(me);
      failLocked(FailureKind.ASSERTION, message, payload, me, null);
    }
    throw ExecutionAborted.INSTANCE;
  }

  @Override
  public boolean inSplitPrefix() {
    self(); // a controlled thread's call, like the others
    return decider instanceof SearchTree tree && tree.inSplitPrefix(decisionCount);
  }

  @Override
  public long currentBaseUnit() {
    self();
    return decider instanceof SearchTree tree ? tree.baseUnit(decisionCount) : -1;
  }

  @Override
  public String currentThreadName() {
    ControlledThread me = self();
    localStep(me);
    return me.name;
  }

  // ---------------------------------------------------------------- requests

  private ControlledThread self() {
    Carrier c = Carrier.current();
    if (c != null) {
      ControlledThread t = c.current;
      if (t != null && t.execution == this) {
        return t;
      }
    } else {
      Thread caller = Thread.currentThread();
      // A thread the program started itself: the execution must not pass for a complete one.
      uncontrolled("thread '" + caller.getName() + "', which the explorer does not control, called the runtime",
          caller.getStackTrace());
    }
    throw new IllegalStateException(
        "runtime used outside its own execution's controlled threads (stale Runtime?)");
  }

  /** The first uncontrolled-thread finding of this execution, reported when it ends. */
  private volatile Failure uncontrolled;

  private void uncontrolled(String what, StackTraceElement[] stack) {
    synchronized (engine.lock) {
      if (uncontrolled == null && !finished) {
        Stalled where = new Stalled(what, stack);
        String at = where.firstProgramFrame().map(f -> " at " + Stalled.describe(f)).orElse("");
        uncontrolled = new Failure(FailureKind.UNCONTROLLED_THREAD, what + at, null,
            running == null ? main.name : running.name, schedule(), where);
      }
    }
  }

  /** A controlled thread of this execution is constructing a {@link Thread} of its own. */
  void threadCreated(StackTraceElement[] stack) {
    uncontrolled("the program created a thread of its own; the explorer does not control it", stack);
  }

  /**
   * At the end: the program's own threads still alive in the carriers' group, and any that
   * called the runtime, make the execution an {@link FailureKind#UNCONTROLLED_THREAD} failure
   * (unless it failed otherwise first). Under the lock.
   */
  void checkControlledLocked(java.util.Set<Thread> reported) {
    for (Thread t : foreignThreads()) {
      if (reported.add(t)) {
        uncontrolled("the program started thread '" + name(t) + "' itself, outside the runtime; the explorer does"
            + " not control it", t.getStackTrace());
      }
    }
    if (failure == null && uncontrolled != null) {
      // The whole execution's schedule, not the prefix at the finding: a replay must run to
      // the end, where the finding is reported again.
      Failure u = uncontrolled;
      failure = new Failure(u.kind(), u.message(), u.payload(), u.threadName(), schedule(), u.cause());
    }
  }

  /** The live platform threads of the programs' group that are not carriers: the programs' own. */
  static java.util.List<Thread> foreignThreads() {
    java.util.List<Thread> out = new java.util.ArrayList<>();
    for (ThreadGroup group : CarrierThreads.programGroups()) {
      Thread[] all = new Thread[group.activeCount() + 8];
      int n = group.enumerate(all, false);
      for (int i = 0; i < n; i++) {
        if (!(all[i] instanceof CarrierThreads.PlatformCarrier) && all[i].isAlive()) {
          out.add(all[i]);
        }
      }
    }
    return out;
  }

  /** A thread's name, without the JDK's running number that differs between runs. */
  private static String name(Thread t) {
    return t.getName().matches("Thread-\\d+") ? "Thread-<n>" : t.getName();
  }

  private LockRef own(LockRef lock) {
    if (Objects.requireNonNull(lock, "lock").owner != this) {
      throw new IllegalStateException("lock '" + lock.name() + "' belongs to another execution");
    }
    return lock;
  }

  /** A local call: counts as a step, so that a loop polling the runtime still hits the bound. */
  private void localStep(ControlledThread me) {
    if (stepCount + 1 > maxSteps || aborted) {
      synchronized (engine.lock) {
        enterLocked(me);
      }
    } else {
      stepCount++;
    }
  }

  /** Checks the execution is live and counts a step. Under the lock. */
  private void enterLocked(ControlledThread me) {
    if (aborted || me.carrier.retired) {
      throw ExecutionAborted.INSTANCE;
    }
    if (++stepCount > maxSteps) {
      failLocked(FailureKind.STEP_BOUND, "the execution exceeded " + maxSteps
          + " runtime calls: livelock or runaway loop", null, me, null);
      throw ExecutionAborted.INSTANCE;
    }
  }

  /** A scheduling point: sets the pending op, lets the scheduler run someone, returns its result. */
  private Object request(OpKind op, Object target, Runnable spawnBody) {
    ControlledThread me = self();
    ControlledThread next;
    synchronized (engine.lock) {
      enterLocked(me);
      if (op == OpKind.ACQUIRE && ((LockRef) target).holder == me) {
        failLocked(FailureKind.DEADLOCK, "self-deadlock: thread '" + me.name + "' acquires lock '"
            + target + "' which it already holds (locks are not reentrant)", null, me, null);
        throw ExecutionAborted.INSTANCE;
      }
      if (op == OpKind.RELEASE && ((LockRef) target).holder != me) {
        throw new IllegalMonitorStateException(
            "thread '" + me.name + "' releases lock '" + target + "' which it does not hold");
      }
      if (op == OpKind.JOIN && target == me) {
        failLocked(FailureKind.DEADLOCK, "self-deadlock: thread '" + me.name + "' joins itself", null, me, null);
        throw ExecutionAborted.INSTANCE;
      }
      me.op = op;
      me.target = op.isLabelOp() ? labels.computeIfAbsent((String) target, Label::new) : target;
      me.spawnBody = spawnBody;
      me.fresh = true;
      me.status = Status.WAITING;
      next = scheduleLocked(me);
    }
    if (next != me) {
      if (next == null) {
        throw ExecutionAborted.INSTANCE;
      }
      Carrier mine = me.carrier;
      next.carrier.wake();
      mine.awaitPermit();
      if (aborted || mine.retired) {
        throw ExecutionAborted.INSTANCE;
      }
    }
    Object r = me.result;
    me.result = null;
    return r;
  }

  // ---------------------------------------------------------------- scheduler

  /**
   * Decides who runs next, on behalf of {@code self} (waiting at a scheduling point, or just
   * finished). Returns the thread to run, already past its pending op (or NEW, to be started;
   * it then has a carrier unless {@code self} finished and lends its own), or null when the
   * execution is over: completed, or aborted.
   */
  ControlledThread scheduleLocked(ControlledThread self) {
    progressLocked();
    if (started < threads.size()) {
      // Spawned threads run their local prefix first, in creation order: one canonical place.
      ControlledThread n = threads.get(started++);
      n.status = Status.RUNNING;
      running = n;
      if (self.status != Status.FINISHED) {
        n.carrier = CarrierPool.take(engine.cpu);
        n.carrier.job = n;
      }
      return n;
    }
    if (reduction && trace.length() >= analysisFrom) {
      Dpor.analyze(this);
    }
    long enabled = 0;
    for (ControlledThread t : threads) {
      if (t.status == Status.WAITING) {
        t.fresh = false;
        if (isEnabled(t)) {
          enabled |= 1L << t.id;
        }
      }
    }
    if (enabled == 0) {
      if (live == 0) {
        completed = true;
      } else {
        // A state where all are blocked is terminal and was analysed like any other state.
        recordLocked(FailureKind.DEADLOCK, deadlockMessage(), null, self, null, false);
      }
      return null;
    }
    int pick;
    Node node = null;
    if ((enabled & (enabled - 1)) == 0) {
      pick = Long.numberOfTrailingZeros(enabled);
      if (reduction) {
        if ((sleep & enabled) != 0) {
          sleepSetBlocked();
          return null;
        }
        sleep = Dpor.sleepAfter(this, sleep, pick);
      }
    } else {
      pick = decider.pickThread(this, enabled, self.status == Status.WAITING ? self.id : -1);
      if (pick < 0) {
        return null;
      }
      node = pendingNode;
      pendingNode = null;
    }
    ControlledThread t = threads.get(pick);
    return apply(t, enabled, node) ? t : null;
  }

  private boolean isEnabled(ControlledThread t) {
    return switch (t.op) {
      case ACQUIRE -> ((LockRef) t.target).holder == null;
      case JOIN -> ((ControlledThread) t.target).status == Status.FINISHED;
      case AWAIT_DEFERRED -> liveDeferred - (t.deferred ? 1 : 0) == 0;
      default -> true;
    };
  }

  /** Executes t's pending op as the trace's next transition; false if the execution ended. */
  private boolean apply(ControlledThread t, long enabledBefore, Node node) {
    if ((t.op == OpKind.SPAWN || t.op == OpKind.SPAWN_DEFERRED) && threads.size() >= MAX_THREADS) {
      failLocked(FailureKind.UNCAUGHT_EXCEPTION, "explorer limit: more than " + MAX_THREADS
          + " threads in one execution", null, t,
          new IllegalStateException("more than " + MAX_THREADS + " threads in one execution"));
      return false;
    }
    int i = trace.next();
    int seq = t.clock.tick(t.id);
    Object target = t.target;
    switch (t.op) {
      case ACQUIRE, RELEASE -> {
        LockRef l = (LockRef) target;
        l.holder = t.op == OpKind.ACQUIRE ? t : null;
        t.clock.join(l.clock);
        l.clock.copyFrom(t.clock);
        if (t.op == OpKind.ACQUIRE) {
          l.acquisitions.add(i);
        }
      }
      case YIELD -> {
        // A write: after the last write and every read since.
        Label b = (Label) target;
        t.clock.join(b.clock);
        t.clock.join(b.readsClock);
        b.clock.copyFrom(t.clock);
        b.readsClock.clear();
        b.readsSinceWrite.clear();
        b.lastWrite = i;
      }
      case READ -> {
        // A read: after the last write only; reads are not ordered among themselves.
        Label b = (Label) target;
        t.clock.join(b.clock);
        b.readsClock.join(t.clock);
        b.readsSinceWrite.add(i);
      }
      case JOIN -> t.clock.join(((ControlledThread) target).clock);
      case AWAIT_DEFERRED -> {
        for (ControlledThread d : threads) {
          if (d.deferred && d != t) {
            t.clock.join(d.clock);
          }
        }
        awaitClock.join(t.clock);
        trace.awaits.add(i);
      }
      case SPAWN, SPAWN_DEFERRED -> {
        boolean deferred = t.op == OpKind.SPAWN_DEFERRED;
        if (deferred) {
          t.clock.join(awaitClock);
          trace.deferredSpawns.add(i);
        }
        Runnable body = t.spawnBody;
        ControlledThread child =
            new ControlledThread(this, threads.size(), (String) target, deferred, body::run);
        child.clock.copyFrom(t.clock);
        threads.add(child);
        live++;
        if (deferred) {
          liveDeferred++;
        }
        t.result = child.ref;
      }
    }
    trace.record(i, t.id, seq, enabledBefore, reduction ? t.clock.snapshot(threads.size()) : null, node, t.op,
        t.target);
    if (steps != null) {
      steps.add(new TraceStep(t.id, t.name, t.describePending()));
    }
    t.op = null;
    t.target = null;
    t.spawnBody = null;
    t.status = Status.RUNNING;
    running = t;
    return true;
  }

  /** Marks t finished (its body returned or unwound). */
  void threadEndedLocked(ControlledThread t) {
    if (t.status == Status.FINISHED) {
      return;
    }
    t.status = Status.FINISHED;
    live--;
    if (t.deferred) {
      liveDeferred--;
    }
    if (steps != null && !aborted) {
      steps.add(new TraceStep(t.id, t.name, "end"));
    }
  }

  /** A started thread still parked at a scheduling point, to unwind after an abort; or null. */
  ControlledThread nextToUnwind() {
    for (ControlledThread t : threads) {
      if (t.status == Status.WAITING) {
        t.status = Status.RUNNING;
        running = t;
        return t;
      }
    }
    return null;
  }

  /**
   * The blocked threads and what each waits for: the program's first thread, then the others in
   * the order of their text. Not in spawn order, which equivalent interleavings may differ in
   * (two threads spawned by different parents), so that one deadlocked state reads the same
   * whichever of them reached it.
   */
  private String deadlockMessage() {
    String first = null;
    List<String> others = new ArrayList<>();
    for (ControlledThread t : threads) {
      if (t.status != Status.WAITING) {
        continue;
      }
      String waits = switch (t.op) {
        case ACQUIRE -> {
          LockRef l = (LockRef) t.target;
          yield "'" + t.name + "' waits for lock '" + l.name() + "' held by '" + l.holder.name + "'";
        }
        case JOIN -> "'" + t.name + "' waits to join '" + ((ControlledThread) t.target).name + "'";
        default -> {
          List<String> ds = new ArrayList<>();
          for (ControlledThread d : threads) {
            if (d.deferred && d != t && d.status != Status.FINISHED) {
              ds.add("'" + d.name + "'");
            }
          }
          Collections.sort(ds);
          yield "'" + t.name + "' awaits deferred threads " + String.join(", ", ds);
        }
      };
      if (t.id == 0) {
        first = waits;
      } else {
        others.add(waits);
      }
    }
    Collections.sort(others);
    if (first != null) {
      others.add(0, first);
    }
    return "deadlock: " + String.join("; ", others);
  }

  // ---------------------------------------------------------------- endings (under the lock)

  void decided(Node node, long decision) {
    decisionCount++;
    decisions.add(decision);
    pendingNode = node;
  }

  /** Records a failure that ends the execution inside a transition, and aborts it. */
  void failLocked(FailureKind kind, String message, Object payload, ControlledThread who, Throwable cause) {
    recordLocked(kind, message, payload, who, cause, kind != FailureKind.REPLAY_DIVERGENCE);
  }

  /** Records the execution's failure (the first one only) and aborts it. */
  private void recordLocked(FailureKind kind, String message, Object payload, ControlledThread who,
      Throwable cause, boolean cutsTransition) {
    if (aborted) {
      return;
    }
    failure = new Failure(kind, message, payload, who.name, schedule(), cause);
    if (reduction && cutsTransition) {
      Dpor.failureRaces(this);
    }
    if (steps != null) {
      steps.add(new TraceStep(who.id, who.name, kind + ": " + message));
    }
    abortLocked();
  }

  void abortLocked() {
    aborted = true;
    progressLocked(); // a fresh allowance for the unwinding
  }

  /** The execution made progress: the watchdog waits a whole stall timeout from now. */
  void progressLocked() {
    long now = System.nanoTime();
    lastProgress = now;
    if (engine.stallNanos > 0) {
      deadline = now + engine.stallNanos;
    }
  }

  int sleepSetBlocked() {
    sleepSetBlocked = true;
    abortLocked();
    return -1;
  }

  /** Split search: the execution enters another worker's unit; it ends here, uncounted. */
  int leftShare() {
    abortLocked();
    return -1;
  }

  int cutAtDepth() {
    depthCut = true;
    abortLocked();
    return -1;
  }

  int diverged(String message) {
    ControlledThread who = running != null ? running : main;
    failLocked(FailureKind.REPLAY_DIVERGENCE, message, null, who, null);
    return -1;
  }

  /** Replay only: the execution ended before using the whole schedule. */
  void divergedAtEnd(String message) {
    Failure f = failure;
    String why = f == null ? message : message + "; it failed first: " + f.kind() + ": " + f.message();
    String who = f == null ? main.name : f.threadName();
    failure = new Failure(FailureKind.REPLAY_DIVERGENCE, why, null, who, schedule(), null);
    aborted = true;
  }

  int nondeterministic(int pos, String before, String now) {
    return diverged("the program is not deterministic: decision " + (pos + 1) + " offered " + before
        + " in an earlier execution with the same prefix, but now " + now);
  }

  /** The watchdog's verdict on {@code who}, stuck where {@code stack} shows. */
  void timedOutLocked(ControlledThread who, StackTraceElement[] stack) {
    Stalled where = new Stalled(who.name, stack);
    failLocked(FailureKind.TIMEOUT, "thread '" + who.name + "' made no runtime call for "
        + engine.stallNanos / 1_000_000 + " ms: it blocks or spins outside the runtime"
        + where.firstProgramFrame().map(f -> ", at " + Stalled.describe(f)).orElse(""), null, who, where);
  }

  String names(long mask) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (long rest = mask; rest != 0; rest &= rest - 1) {
      int id = Long.numberOfTrailingZeros(rest);
      j.add(id + "=" + (id < threads.size() ? threads.get(id).name : "?"));
    }
    return j.toString();
  }
}
