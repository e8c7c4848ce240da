package dev.condis.explorer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A pooled daemon worker that runs controlled threads, on a platform or a virtual thread (see
 * {@link CarrierThreads}). Control passes from carrier to carrier by {@link #wake()}: the waker
 * sets the permit then parks on its own, so exactly one carrier of a search runs program code
 * at a time and no scheduler thread sits in between.
 */
final class Carrier implements Runnable {
  private static final AtomicInteger COUNT = new AtomicInteger();
  /** The carrier the current thread is, if it is one. */
  private static final ThreadLocal<Carrier> CURRENT = new ThreadLocal<>();
  /**
   * Every platform carrier's group. A platform thread the program starts itself while running
   * on a carrier inherits it, so the threads of this group that are not carriers are the
   * program's own, uncontrolled ones ({@link FailureKind#UNCONTROLLED_THREAD}). A platform
   * thread started on a virtual carrier lands in the JDK's group of virtual threads instead.
   */
  static final ThreadGroup GROUP = new ThreadGroup("explorer-carriers");

  /**
   * Set on every carrier. The JDK calls {@code childValue} in the creating thread while it
   * constructs a thread that inherits thread-locals (every {@code new Thread}, and the threads
   * of the JDK's executors): so a thread the program creates while it runs on a carrier is
   * seen at its creation, with the creator's stack, even if it ends before the execution does.
   */
  private static final InheritableThreadLocal<Boolean> CREATION_WATCH = new InheritableThreadLocal<>() {
    @Override
    protected Boolean childValue(Boolean parentValue) {
      Carrier c = CURRENT.get();
      if (c != null) {
        ControlledThread t = c.current;
        StackTraceElement[] stack = new Throwable().getStackTrace();
        if (t != null && !CarrierThreads.isSchedulerWorker(stack)) {
          t.execution.threadCreated(stack);
        }
      }
      return null; // the child is not watched: it is not a carrier
    }
  };

  private volatile boolean permit;
  /**
   * The CPU this (platform) carrier's thread is pinned to, -1 for every allowed one, or {@link
   * CarrierAffinity#UNKNOWN} before its first job ({@link CarrierAffinity#inherited()}).
   */
  private volatile int pinnedCpu = CarrierAffinity.inherited();
  /** Set true by the watchdog: this carrier's thread is abandoned and must do nothing more. */
  volatile boolean retired;
  /** The controlled thread to start when woken from the pool; written before {@link #wake()}. */
  ControlledThread job;
  /** The controlled thread running on this carrier, for {@link Runtime#current()}. */
  volatile ControlledThread current;

  /** The thread this carrier runs on. */
  final Thread thread;
  /** Whether {@link #thread} is a virtual thread. */
  final boolean virtual;

  Carrier() {
    // Inherits no thread-locals: a carrier made on a carrier is not the program's thread.
    this.virtual = CarrierThreads.virtual();
    this.thread = CarrierThreads.newThread(this, "explorer-carrier-" + COUNT.incrementAndGet(), virtual);
  }

  /**
   * The watchdog abandons this carrier (it runs on outside the runtime): while its thread lives
   * it keeps its CPU busy, and later searches should pin elsewhere. Called by the watchdog.
   */
  void abandonPinning() {
    int cpu = pinnedCpu;
    if (!virtual && cpu >= 0) {
      CarrierAffinity.get().abandoned(thread, cpu);
    }
  }

  /** The carrier the calling thread is, or null. */
  static Carrier current() {
    return CURRENT.get();
  }

  static Execution currentExecution() {
    Carrier c = CURRENT.get();
    if (c != null) {
      ControlledThread t = c.current;
      if (t != null) {
        return t.execution;
      }
    }
    throw new IllegalStateException("not called from a thread controlled by the explorer");
  }

  void wake() {
    permit = true;
    LockSupport.unpark(thread);
  }

  /**
   * Waits for a {@link #wake()}; keeps (but does not act on) the thread's interrupt status. No
   * spinning: measured on 2 cores, a spinning waiter steals the core the woken thread needs
   * (spinning 2k iterations made searches 10x slower).
   */
  void awaitPermit() {
    boolean interrupted = false;
    while (!permit) {
      LockSupport.park(this);
      if (Thread.interrupted()) {
        if (retired) {
          break;
        }
        interrupted = true;
      }
    }
    permit = false;
    if (interrupted) {
      thread.interrupt();
    }
  }

  @Override
  public void run() {
    CURRENT.set(this);
    CREATION_WATCH.set(Boolean.TRUE);
    try {
      serve();
    } finally {
      CarrierPool.ended(this);
    }
  }

  private void serve() {
    while (true) {
      awaitPermit();
      ControlledThread t = job;
      job = null;
      if (t == null || retired) {
        return;
      }
      int cpu = t.execution.engine.cpu;
      // Either is other than -1 only once the search's own thread set up pinning: JNA is never
      // loaded on a carrier, where the thread it starts would count as the program's
      // (UNCONTROLLED_THREAD).
      if (!virtual && cpu != pinnedCpu && (cpu >= 0 || pinnedCpu != -1)) {
        pinnedCpu = CarrierAffinity.get().pinCurrentThread(cpu);
      }
      Carrier toWake = t.execution.engine.runOnCarrier(this, t);
      if (retired) {
        return;
      }
      boolean pooled = CarrierPool.offer(this, pinnedCpu);
      if (toWake != null) {
        toWake.wake();
      }
      if (!pooled) {
        return;
      }
    }
  }
}
