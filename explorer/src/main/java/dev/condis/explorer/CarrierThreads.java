package dev.condis.explorer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Which kind of thread carries controlled threads. A hand-off between platform threads is a
 * futex wake-up and an OS context switch (about 30 µs on the 2-core development machine); between
 * virtual threads it is a continuation switch on the same OS thread (about 0.5 µs), and a CoNDIS
 * execution makes about ten of them. Virtual carriers are used on JDK 24 and later, where a
 * virtual thread blocked inside {@code synchronized} no longer pins its OS thread (JEP 491): on
 * 21–23 a driver that parks inside a monitor could starve the scheduler. The build targets Java
 * 17, so the JDK 21 API is reached through method handles.
 *
 * <p>{@code -Dcondis.explorer.carriers=platform} or {@code =virtual} overrides the choice
 * ({@code virtual} on a JDK without usable virtual threads fails at the first search).
 */
final class CarrierThreads {
  static final String PROPERTY = ExplorerProperties.CARRIERS;
  /** The JDK's: how many OS threads run virtual threads (default: the available processors). */
  static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

  private static final MethodHandle UNSTARTED_VIRTUAL = virtualFactory();
  /**
   * Whether new carriers are virtual. Cleared for good when the watchdog abandons a virtual
   * carrier stuck outside the runtime ({@link #abandonVirtual}).
   */
  private static volatile boolean virtual = chooseVirtual();
  /** The JDK's group of virtual threads, if carriers start virtual. */
  private static final ThreadGroup VIRTUAL_GROUP = virtual ? newThread(() -> {}, "probe", true).getThreadGroup() : null;

  /** A platform carrier's thread: told apart from the program's own threads in its group. */
  static final class PlatformCarrier extends Thread {
    PlatformCarrier(Runnable body, String name) {
      super(Carrier.GROUP, body, name, 0, false);
      setDaemon(true);
    }
  }

  private CarrierThreads() {}

  /** "virtual" or "platform": what this JVM's searches run on now. */
  static String kind() {
    return virtual ? "virtual" : "platform";
  }

  static boolean virtual() {
    return virtual;
  }

  /**
   * Where a platform thread the program starts on a carrier lands: {@link Carrier#GROUP} on a
   * platform carrier, the JDK's group of virtual threads on a virtual one (shared with any other
   * virtual thread of the JVM, see explorer/README.md).
   */
  static List<ThreadGroup> programGroups() {
    return VIRTUAL_GROUP == null ? List.of(Carrier.GROUP) : List.of(Carrier.GROUP, VIRTUAL_GROUP);
  }

  /**
   * The watchdog abandoned a virtual carrier that runs on outside the runtime (runnable, not
   * parked: one blocked in a sleep or a wait frees its OS thread, and is let be). The JDK cannot
   * stop it, and unlike a platform thread, a virtual one that never parks keeps one of the
   * scheduler's few OS threads for good: once they are all taken, no virtual carrier could run
   * again. So from now on this JVM's new carriers are platform threads. The stuck execution's
   * other threads still unwind on the scheduler's remaining OS threads, or, if none is left,
   * are abandoned by the watchdog in turn; verdicts and figures do not depend on the kind.
   */
  static void abandonVirtual() {
    virtual = false;
  }

  /** A new, unstarted daemon carrier thread running {@code body}; it inherits no thread-locals. */
  static Thread newThread(Runnable body, String name, boolean virtual) {
    if (virtual) {
      try {
        Thread t = (Thread) UNSTARTED_VIRTUAL.invokeExact(body);
        t.setName(name);
        return t;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot create a virtual carrier thread", e);
      }
    }
    return new PlatformCarrier(body, name);
  }

  /**
   * Whether a thread being created (seen from the creating thread's stack) is a worker of the
   * JDK's virtual-thread scheduler: it starts one when a virtual carrier parks or wakes, in
   * whichever thread that happens, and its creation is not the program's.
   */
  static boolean isSchedulerWorker(StackTraceElement[] creation) {
    for (StackTraceElement f : creation) {
      if (f.getClassName().equals("jdk.internal.misc.CarrierThread") && f.getMethodName().equals("<init>")) {
        return true;
      }
    }
    return false;
  }

  private static boolean chooseVirtual() {
    String asked = ExplorerProperties.carriers();
    if (asked.equals("virtual") && UNSTARTED_VIRTUAL == null) {
      throw new IllegalStateException("-D" + PROPERTY + "=virtual: this JDK cannot make virtual threads");
    }
    return asked.isEmpty()
        ? UNSTARTED_VIRTUAL != null && java.lang.Runtime.version().feature() >= 24
        : asked.equals("virtual");
  }

  /**
   * {@code body -> Thread.ofVirtual().inheritInheritableThreadLocals(false).unstarted(body)}, or
   * null before JDK 21.
   */
  private static MethodHandle virtualFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object b = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)).invoke();
      b = lookup.findVirtual(builder, "inheritInheritableThreadLocals", MethodType.methodType(builder, boolean.class))
          .invoke(b, false);
      return lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class))
          .bindTo(b)
          .asType(MethodType.methodType(Thread.class, Runnable.class));
    } catch (Throwable e) {
      return null; // before JDK 21: no virtual threads
    }
  }
}
