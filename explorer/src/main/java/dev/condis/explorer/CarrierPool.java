package dev.condis.explorer;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Idle carriers shared by all searches, reused last-in first-out (warm threads first). */
final class CarrierPool {
  private static final int MAX_IDLE = 128;
  private static final ArrayDeque<Carrier> IDLE = new ArrayDeque<>();
  /**
   * Virtual carriers whose thread may be alive: {@link Thread#getAllStackTraces()} leaves
   * virtual threads out, and who called {@code System.exit} must still be found.
   */
  private static final Set<Carrier> VIRTUAL = ConcurrentHashMap.newKeySet();

  private CarrierPool() {}

  static synchronized Carrier take() {
    Carrier c;
    while ((c = IDLE.pollLast()) != null && c.virtual && !CarrierThreads.virtual()) {
      c.wake(); // virtual carriers were given up (CarrierThreads#abandonVirtual): no job, so it ends
    }
    if (c == null) {
      c = new Carrier();
      if (c.virtual) {
        VIRTUAL.add(c);
      }
      c.thread.start();
    }
    return c;
  }

  /** Returns false when the pool is full: the carrier should then end. */
  static synchronized boolean offer(Carrier c) {
    if (IDLE.size() >= MAX_IDLE || (c.virtual && !CarrierThreads.virtual())) {
      return false;
    }
    IDLE.addLast(c);
    return true;
  }

  /** A carrier's thread is ending. */
  static void ended(Carrier c) {
    VIRTUAL.remove(c);
  }

  /** The stacks of the live virtual carriers' threads. */
  static Map<Thread, StackTraceElement[]> virtualStacks() {
    Map<Thread, StackTraceElement[]> out = new LinkedHashMap<>();
    for (Carrier c : VIRTUAL) {
      if (c.thread.isAlive()) {
        out.put(c.thread, c.thread.getStackTrace());
      }
    }
    return out;
  }
}
