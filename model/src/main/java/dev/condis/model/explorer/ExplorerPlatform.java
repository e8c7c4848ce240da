package dev.condis.model.explorer;

import dev.condis.explorer.LockRef;
import dev.condis.explorer.Runtime;
import dev.condis.explorer.ThreadRef;
import dev.condis.model.scenario.Checkpoints;
import dev.condis.reference.event.EventBus;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import dev.condis.reference.platform.ThreadHandle;
import java.util.Objects;

/**
 * The reference's {@link Platform} over the explorer's controlled {@link Runtime}: one
 * thread runs at a time and the explorer decides, at every lock, unlock, thread start, join,
 * deferred call and data choice, who runs next and what {@code choose} returns.
 *
 * <p>Locks become explorer locks (acquire/release), threads become spawned controlled
 * threads, a deferred call (DPC) becomes a deferred controlled thread and
 * {@link #awaitDeferred()} the explorer's transitive wait for them; {@code choose} is the
 * explorer's data choice. One instance per execution.
 */
public final class ExplorerPlatform implements Platform, Checkpoints.PathSource {
  private final Runtime rt;
  private final boolean eventOrder;
  /** A hash of the platform calls so far, in order (see {@link #pathHash()}). */
  private long path = 17;
  /** Thread starts, queued DPCs and choices of two or more so far (see {@link #branchPoints()}). */
  private long branchPoints;

  /**
   * A hash of the sequence of platform calls this execution made so far: which thread, what
   * operation, on what, and each choice's value. One thread runs at a time, so the sequence
   * is the execution's path; the same schedule prefix gives the same hash.
   */
  @Override
  public long pathHash() {
    return path;
  }

  @Override
  public long branchPoints() {
    return branchPoints;
  }

  /** In a split search's top levels, only top-level cuts (see {@link Checkpoints.PathSource#mayCut()}). */
  @Override
  public boolean mayCut() {
    return !rt.inSplitPrefix();
  }

  @Override
  public long unit() {
    return rt.currentBaseUnit();
  }

  private void observe(String op, String arg) {
    long h = path;
    h = h * 1_000_003L + rt.currentThreadName().hashCode();
    h = h * 1_000_003L + op.hashCode();
    h = h * 1_000_003L + (arg == null ? 0 : arg.hashCode());
    path = h;
  }

  public ExplorerPlatform(Runtime rt) {
    this(rt, true);
  }

  /**
   * With {@code eventOrder} false, emissions ({@link EventBus#EVENTS}) are no scheduling point:
   * for properties whose verdict does not depend on the order of unlocked events
   * (PropertyListener#traceInvariant). Every other shared location always is one.
   */
  public ExplorerPlatform(Runtime rt, boolean eventOrder) {
    this.rt = Objects.requireNonNull(rt, "rt");
    this.eventOrder = eventOrder;
  }

  /** A platform lock over an explorer lock; remembers its holder for state checkpoints. */
  private static final class Lock implements PlatformLock, Checkpoints.HeldBy {
    private final LockRef ref;
    private String holder;

    Lock(LockRef ref) {
      this.ref = ref;
    }

    LockRef ref() {
      return ref;
    }

    @Override
    public String name() {
      return ref.name();
    }

    @Override
    public String heldBy() {
      return holder;
    }

    @Override
    public String toString() {
      return ref.name();
    }
  }

  private record Thread(ThreadRef ref) implements ThreadHandle {
    @Override
    public String name() {
      return ref.name();
    }

    @Override
    public String toString() {
      return ref.name();
    }
  }

  @Override
  public PlatformLock newLock(String name) {
    return new Lock(rt.newLock(name));
  }

  @Override
  public void lock(PlatformLock lock) {
    observe("lock", lock.name());
    rt.acquire(ref(lock));
    ((Lock) lock).holder = rt.currentThreadName();
  }

  @Override
  public void unlock(PlatformLock lock) {
    observe("unlock", lock.name());
    rt.release(ref(lock));
    ((Lock) lock).holder = null;
  }

  @Override
  public boolean holdsLock(PlatformLock lock) {
    return rt.holds(ref(lock));
  }

  @Override
  public ThreadHandle startThread(String name, Runnable body) {
    observe("start", name);
    branchPoints++;
    return new Thread(rt.spawn(name, body));
  }

  @Override
  public void queueDeferred(String name, Runnable dpc) {
    observe("defer", name);
    branchPoints++;
    rt.spawnDeferred(name, dpc);
  }

  @Override
  public void join(ThreadHandle thread) {
    if (!(thread instanceof Thread t)) {
      throw new IllegalArgumentException(thread + " was not started by this platform");
    }
    observe("join", t.name());
    rt.join(t.ref());
  }

  @Override
  public void awaitDeferred() {
    observe("await", null);
    rt.awaitDeferred();
  }

  @Override
  public int choose(String label, int n) {
    int v = rt.choose(label, n);
    observe("choose:" + v, label);
    if (n >= 2) {
      branchPoints++;
    }
    return v;
  }

  /**
   * A yield point labelled by the location: dependent with every other access to it, so the
   * explorer reverses two accesses by different threads (a release and a touch of one context,
   * two emissions) even when they are made under different locks.
   */
  @Override
  public void sharedAccess(String location) {
    if (!eventOrder && location.equals(EventBus.EVENTS)) {
      return;
    }
    observe("access", location);
    rt.yieldPoint(location);
  }

  /** A read of {@code location}: commutes with other reads of it (proofs/README.md). */
  @Override
  public void sharedRead(String location) {
    observe("read", location);
    rt.readPoint(location);
  }

  @Override
  public String currentThreadName() {
    return rt.currentThreadName();
  }

  private static LockRef ref(PlatformLock lock) {
    if (!(lock instanceof Lock l)) {
      throw new IllegalArgumentException(lock + " was not made by this platform");
    }
    return l.ref();
  }
}
