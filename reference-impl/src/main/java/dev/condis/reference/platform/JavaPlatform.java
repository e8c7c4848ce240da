package dev.condis.reference.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The plain-Java {@link Platform}: real threads and real (non-reentrant) locks.
 *
 * <ul>
 *   <li>Locks are monitors with an owner: acquiring a lock the calling thread already holds is
 *       a bug in the checked program and throws {@link IllegalStateException} instead of
 *       deadlocking silently; so does releasing a lock the caller does not hold.
 *   <li>{@link #queueDeferred} starts a tracked thread; {@link #awaitDeferred} joins every one of
 *       them, including those queued while it waits.
 *   <li>{@link #choose}: under Java PathFinder ({@code gov.nasa.jpf.vm.Verify} is loadable and
 *       says it runs in JPF) it calls {@code Verify.getInt(0, n - 1)} through reflection, so JPF
 *       explores every value and nothing here needs JPF to compile. Otherwise it asks the
 *       {@link Chooser} given at construction (default: {@code new Random(0)}).
 *   <li>An exception escaping a started or deferred thread is kept and rethrown by the next
 *       {@link #join} or {@link #awaitDeferred} on the harness thread, so it cannot go unseen.
 * </ul>
 *
 * <p>All shared fields are guarded by {@code this} or by a lock's own monitor: the class is
 * data-race free, which JPF's race detector checks when it runs the harnesses.
 */
public final class JavaPlatform implements Platform {

  /** Supplies data choices outside JPF: returns a value in {@code [0, n)}. */
  @FunctionalInterface
  public interface Chooser {
    int choose(String label, int n);
  }

  private static final Method VERIFY_GET_INT = jpfVerifyGetInt();
  private static final ThreadLocal<String> THREAD_NAME = new ThreadLocal<>();

  private final Chooser chooser;
  private final boolean bookkeepingMonitor;
  private final List<JavaThread> deferred = new ArrayList<>(); // guarded by this
  private Throwable firstFailure; // guarded by this

  /** Outside JPF, choices come from {@code new Random(0)}. */
  public JavaPlatform() {
    this(0L);
  }

  /** Outside JPF, choices come from {@code new Random(seed)}. */
  public JavaPlatform(long seed) {
    this(randomChooser(new Random(seed)));
  }

  /** Outside JPF, choices come from {@code chooser}. */
  public JavaPlatform(Chooser chooser) {
    this(chooser, true);
  }

  private JavaPlatform(Chooser chooser, boolean bookkeepingMonitor) {
    this(chooser, bookkeepingMonitor, false, false);
  }

  private JavaPlatform(Chooser chooser, boolean bookkeepingMonitor, boolean yieldAtSharedAccess, boolean eventOrder) {
    this.chooser = Objects.requireNonNull(chooser);
    this.bookkeepingMonitor = bookkeepingMonitor;
    this.yieldAtSharedAccess = yieldAtSharedAccess;
    this.eventOrder = eventOrder;
  }

  /**
   * For Java PathFinder interleaving at synchronisation operations only (no scheduling point
   * at field accesses, the jpf engine's {@code jpf.races=false}): the emulation's bookkeeping
   * runs without its monitor. JPF switches threads only at scheduling points and none lies
   * inside the bookkeeping (JPF's System.out is native), so it stays atomic, and the monitor
   * would only add scheduling points that order instrumentation, not NDIS synchronisation:
   * half of JPF's states on make-close. Outside JPF, with real threads, the monitor is kept.
   */
  public static JavaPlatform forJpfSynchronisationOrders() {
    return forJpfSynchronisationOrders(true);
  }

  /**
   * {@link #forJpfSynchronisationOrders()}, where every {@link #sharedAccess} is a JPF
   * scheduling point ({@code Thread.yield}, a choice of every runnable thread): without field
   * breaks JPF would otherwise run a driver's release and NDIS's touch of one context, under
   * different locks, in one order only. With {@code eventOrder} false, emissions
   * ({@code ndis.events}) are not, for properties that are trace-invariant.
   */
  public static JavaPlatform forJpfSynchronisationOrders(boolean eventOrder) {
    return new JavaPlatform(randomChooser(new Random(0)), !underJpf(), underJpf(), eventOrder);
  }

  /** Under JPF synchronisation orders only: a scheduling point (see the factory). */
  @Override
  public void sharedAccess(String location) {
    if (yieldAtSharedAccess && (eventOrder || !location.equals(EVENT_STREAM))) {
      Thread.yield();
    }
  }

  private final boolean yieldAtSharedAccess;
  private final boolean eventOrder;

  @Override
  public boolean bookkeepingNeedsMonitor() {
    return bookkeepingMonitor;
  }

  /** Whether {@link #choose} goes to JPF's {@code Verify.getInt} (we run under JPF). */
  public static boolean underJpf() {
    return VERIFY_GET_INT != null;
  }

  @Override
  public PlatformLock newLock(String name) {
    return new JavaLock(Objects.requireNonNull(name));
  }

  @Override
  public void lock(PlatformLock lock) {
    cast(lock).acquire();
  }

  @Override
  public void unlock(PlatformLock lock) {
    cast(lock).release();
  }

  @Override
  public boolean holdsLock(PlatformLock lock) {
    return cast(lock).heldByCurrentThread();
  }

  @Override
  public ThreadHandle startThread(String name, Runnable body) {
    JavaThread thread = new JavaThread(name, body);
    thread.thread.start();
    return thread;
  }

  @Override
  public void queueDeferred(String name, Runnable dpc) {
    JavaThread thread = new JavaThread(name, dpc);
    synchronized (this) {
      deferred.add(thread);
    }
    thread.thread.start();
  }

  @Override
  public void join(ThreadHandle thread) {
    if (!(thread instanceof JavaThread javaThread)) {
      throw new IllegalArgumentException(thread + " was not started by this platform");
    }
    joinUninterruptibly(javaThread.thread);
    rethrowFailure();
  }

  @Override
  public void awaitDeferred() {
    while (true) {
      JavaThread next;
      synchronized (this) {
        if (deferred.isEmpty()) {
          break;
        }
        next = deferred.remove(0);
      }
      joinUninterruptibly(next.thread);
    }
    rethrowFailure();
  }

  @Override
  public int choose(String label, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("choose(" + label + ", " + n + "): n must be positive");
    }
    if (n == 1) {
      return 0;
    }
    int value;
    if (VERIFY_GET_INT != null) {
      value = verifyGetInt(n);
    } else {
      synchronized (this) {
        value = chooser.choose(label, n);
      }
    }
    if (value < 0 || value >= n) {
      throw new IllegalStateException("choice " + label + " got " + value + ", outside [0, " + n + ")");
    }
    return value;
  }

  @Override
  public String currentThreadName() {
    String name = THREAD_NAME.get();
    return name != null ? name : "main";
  }

  private void recordFailure(Throwable failure) {
    synchronized (this) {
      if (firstFailure == null) {
        firstFailure = failure;
      }
    }
  }

  private void rethrowFailure() {
    Throwable failure;
    synchronized (this) {
      failure = firstFailure;
      firstFailure = null;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException("a platform thread failed", failure);
    }
  }

  private static JavaLock cast(PlatformLock lock) {
    if (lock instanceof JavaLock javaLock) {
      return javaLock;
    }
    throw new IllegalArgumentException(lock + " was not created by a JavaPlatform");
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Chooser randomChooser(Random random) {
    return (label, n) -> random.nextInt(n);
  }

  /** {@code Verify.getInt} if JPF's Verify is loadable and reports that we run under JPF. */
  private static Method jpfVerifyGetInt() {
    try {
      Class<?> verify = Class.forName("gov.nasa.jpf.vm.Verify");
      Method running = verify.getMethod("isRunningInJPF");
      if (!Boolean.TRUE.equals(running.invoke(null))) {
        return null;
      }
      return verify.getMethod("getInt", int.class, int.class);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static int verifyGetInt(int n) {
    try {
      return (Integer) VERIFY_GET_INT.invoke(null, 0, n - 1);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call gov.nasa.jpf.vm.Verify.getInt", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("gov.nasa.jpf.vm.Verify.getInt failed", e.getCause());
    }
  }

  /** A non-reentrant lock: a monitor with an owner thread. */
  private static final class JavaLock implements PlatformLock {
    private final String name;
    private Thread owner; // guarded by this

    JavaLock(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    synchronized void acquire() {
      Thread me = Thread.currentThread();
      if (owner == me) {
        throw new IllegalStateException(
            "lock " + name + " re-acquired by " + me.getName() + ": platform locks are not reentrant");
      }
      boolean interrupted = false;
      while (owner != null) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      owner = me;
      if (interrupted) {
        me.interrupt();
      }
    }

    synchronized void release() {
      if (owner != Thread.currentThread()) {
        throw new IllegalStateException(
            "lock " + name + " released by " + Thread.currentThread().getName() + ", which does not hold it");
      }
      owner = null;
      notifyAll();
    }

    synchronized boolean heldByCurrentThread() {
      return owner == Thread.currentThread();
    }

    @Override
    public String toString() {
      return "lock(" + name + ")";
    }
  }

  /** A platform thread; its name is what {@link #currentThreadName()} reports inside it. */
  private final class JavaThread implements ThreadHandle {
    private final String name;
    private final Thread thread;

    JavaThread(String name, Runnable body) {
      this.name = Objects.requireNonNull(name);
      Objects.requireNonNull(body);
      this.thread =
          new Thread(
              () -> {
                THREAD_NAME.set(name);
                try {
                  body.run();
                } catch (Throwable failure) {
                  recordFailure(failure);
                }
              },
              name);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return "thread(" + name + ")";
    }
  }
}
