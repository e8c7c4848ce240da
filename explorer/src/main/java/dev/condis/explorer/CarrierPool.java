package dev.condis.explorer;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idle carriers shared by all searches, reused last-in first-out (warm threads first), and
 * kept apart by the CPU they are pinned to ({@link CarrierAffinity}): a search takes one of its
 * own CPU's first. Taking another CPU's would move it there at its next job, a migration per
 * spawned thread when two searches share the pool (168,240 in 20 s of a two-worker split
 * search, which then ran 0.74 times as many executions as one worker).
 */
final class CarrierPool {
  private static final int MAX_IDLE = 128;
  /** Idle carriers by the CPU they are pinned to; -1 for none. */
  private static final Map<Integer, ArrayDeque<Carrier>> IDLE = new HashMap<>();
  private static int idle;
  /**
   * Virtual carriers whose thread may be alive: {@link Thread#getAllStackTraces()} leaves
   * virtual threads out, and who called {@code System.exit} must still be found.
   */
  private static final Set<Carrier> VIRTUAL = ConcurrentHashMap.newKeySet();

  private CarrierPool() {}

  /** An idle carrier, pinned to {@code cpu} if one is (-1: no preference), or a new one. */
  static synchronized Carrier take(int cpu) {
    Carrier c;
    while ((c = poll(cpu)) != null && c.virtual && !CarrierThreads.virtual()) {
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

  private static Carrier poll(int cpu) {
    ArrayDeque<Carrier> mine = IDLE.get(cpu);
    Carrier c = mine == null ? null : mine.pollLast();
    if (c == null) {
      for (ArrayDeque<Carrier> other : IDLE.values()) {
        if ((c = other.pollLast()) != null) {
          break;
        }
      }
    }
    if (c != null) {
      idle--;
    }
    return c;
  }

  /**
   * Returns false when the pool is full: the carrier should then end. Called by the carrier,
   * pinned to {@code cpu} (-1 for none).
   */
  static synchronized boolean offer(Carrier c, int cpu) {
    if (idle >= MAX_IDLE || (c.virtual && !CarrierThreads.virtual())) {
      return false;
    }
    IDLE.computeIfAbsent(cpu, k -> new ArrayDeque<>()).addLast(c);
    idle++;
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
