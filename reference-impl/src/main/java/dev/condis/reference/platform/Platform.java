package dev.condis.reference.platform;

import dev.condis.reference.PublicApi;

/**
 * The one seam through which the reference synchronises (architecture.md, "The Platform seam").
 *
 * <p>Every lock, thread start, deferred call (the DPC a miniport or call manager completes
 * from), join and data choice in reference-impl goes through this interface. Two
 * implementations exist: {@link JavaPlatform} (real threads; under JPF {@code choose} becomes
 * JPF's {@code Verify.getInt} through reflection) and the explorer's controlled platform in
 * {@code model/}, where exactly one thread runs at a time and the explorer picks who runs
 * next at each call of this interface and what each {@code choose} returns.
 *
 * <p>Because shared state is only ever touched under a {@link PlatformLock} (the NDIS layer
 * asserts it), exploring the orders of these calls covers every behaviour of the program.
 */
@PublicApi
public interface Platform {

  /** A new non-reentrant lock. Names show up in schedules and counterexamples. */
  PlatformLock newLock(String name);

  /** Acquires {@code lock}; blocks while another thread holds it. Re-acquiring is an error. */
  void lock(PlatformLock lock);

  /** Releases {@code lock}, which the calling thread must hold. */
  void unlock(PlatformLock lock);

  /** Whether the calling thread holds {@code lock}: the NDIS layer asserts lock discipline. */
  boolean holdsLock(PlatformLock lock);

  /** Starts a thread running {@code body}. */
  ThreadHandle startThread(String name, Runnable body);

  /**
   * Queues a deferred call, the way a miniport or call manager queues a DPC to complete a
   * request it pended. It runs later on a thread of its own; {@link #awaitDeferred()} waits
   * for every one queued so far, including those queued by deferred calls.
   */
  void queueDeferred(String name, Runnable dpc);

  /** Waits until {@code thread} has finished. */
  void join(ThreadHandle thread);

  /** Waits until every deferred call queued so far (transitively) has run. */
  void awaitDeferred();

  /**
   * A data choice: returns a value in {@code [0, n)}. Under a model checker every value is
   * explored; {@code label} names the choice in counterexamples (e.g. "cm.makeCall.pend").
   */
  int choose(String label, int n);

  /** The name the calling thread was started with ("main" for the harness thread). */
  String currentThreadName();

  /**
   * Called right before the emulation's bookkeeping reads or writes state that threads share
   * across <em>different</em> locks: a context's released flag (a driver releases it under its
   * own lock, NDIS reads it under the NDIS lock) and the event stream with the property
   * listeners' state behind it. A checker that explores synchronisation orders only must see
   * this as a scheduling point dependent with every other access to {@code location}, or it
   * explores one order of a real race (proofs/README.md, "What the dependency relation
   * covers"). Real threads need nothing: the bookkeeping's monitor keeps it consistent.
   */
  default void sharedAccess(String location) {}

  /**
   * {@link #sharedAccess} for a read: called right before bookkeeping only reads {@code
   * location} (a context's released flag, when a driver or NDIS uses the context). A checker may
   * let two reads of one location commute; each read stays ordered against every other access.
   * The caller writes no shared state until its next platform call. By default the same as an
   * access, which is always sound.
   */
  default void sharedRead(String location) {
    sharedAccess(location);
  }

  /** The {@link #sharedAccess} location of the event stream and the listeners' state behind it. */
  String EVENT_STREAM = "ndis.events";

  /**
   * Whether the emulation's own bookkeeping (stamping and delivering events, the context
   * tracker's table) needs a Java monitor to stay consistent on this platform's threads. That
   * monitor is instrumentation, not synchronisation of the checked program. True by default; a
   * platform whose threads never switch inside the bookkeeping says false, so the monitor adds
   * no scheduling point a model checker would explore (see JavaPlatform#forJpfSynchronisationOrders).
   */
  default boolean bookkeepingNeedsMonitor() {
    return true;
  }
}
