package dev.condis.explorer;

import dev.condis.explorer.ControlledThread.Status;

/**
 * Dynamic partial-order reduction (Flanagan and Godefroid, POPL 2005) with sleep sets.
 *
 * <p>A transition is a thread's pending operation plus the local code it runs up to its next
 * scheduling point. Two operations of different threads are dependent when they use the same
 * lock, are yield points with the same label, or are a deferred spawn and an awaitDeferred.
 * Spawn/first step, thread end/join and deferred end/awaitDeferred are also dependent, but never
 * co-enabled: the first enables the second, so the happens-before clocks carry them and they
 * never need reversing. Data choices are thread-local, hence independent of everything.
 *
 * <p>At each new state, for every thread p with a pending operation (enabled or blocked), the
 * latest transition i that is dependent and may be co-enabled with it and does not happen
 * before p is a race: from the state before i the search must also try a thread of
 * E = {q enabled there | q = p or q runs a later transition that happens before p}
 * (all enabled threads if E is empty).
 */
final class Dpor {
  private Dpor() {}

  /** Race analysis at the current state; fresh pending ops get a full scan, others just the last transition. */
  static void analyze(Execution ex) {
    int last = ex.traceLength() - 1;
    for (ControlledThread p : ex.threads) {
      if (p.status != Status.WAITING) {
        continue;
      }
      int i = p.fresh ? latestRace(ex, p) : last >= 0 && races(ex, last, p) ? last : -1;
      if (i >= 0) {
        addBacktrack(ex, i, p);
      }
    }
  }

  /** Does trace transition i race with p's pending op (co-enabled, dependent, not before p)? */
  private static boolean races(Execution ex, int i, ControlledThread p) {
    int q = ex.txThread[i];
    if (q == p.id || !coEnabledDependent(ex.txOp[i], ex.txTarget[i], p.op, p.target)) {
      return false;
    }
    return !happensBefore(ex, i, p);
  }

  private static boolean coEnabledDependent(OpKind a, Object ta, OpKind b, Object tb) {
    return switch (a) {
      case ACQUIRE -> b == OpKind.ACQUIRE && ta == tb; // acquire/release are never co-enabled
      case YIELD -> b == OpKind.YIELD && ta == tb;
      case SPAWN_DEFERRED -> b == OpKind.AWAIT_DEFERRED;
      case AWAIT_DEFERRED -> b == OpKind.SPAWN_DEFERRED;
      default -> false;
    };
  }

  /** The latest transition racing with p's pending op, or -1. */
  private static int latestRace(Execution ex, ControlledThread p) {
    return switch (p.op) {
      case ACQUIRE -> latestUnordered(ex, ((LockRef) p.target).acquisitions, p, true);
      case YIELD -> latestUnordered(ex, ((Label) p.target).events, p, true);
      case AWAIT_DEFERRED -> latestUnordered(ex, ex.deferredSpawns, p, false);
      case SPAWN_DEFERRED -> latestUnordered(ex, ex.awaits, p, false);
      default -> -1;
    };
  }

  /**
   * The latest of {@code events} by another thread that does not happen before p. When the
   * events are totally ordered by happens-before (one lock, one label), the first one that does
   * happen before p ends the scan: all earlier ones do too.
   */
  private static int latestUnordered(Execution ex, IntList events, ControlledThread p, boolean chain) {
    for (int k = events.size() - 1; k >= 0; k--) {
      int i = events.get(k);
      boolean before = ex.txThread[i] == p.id || happensBefore(ex, i, p);
      if (!before) {
        return i;
      }
      if (chain) {
        return -1;
      }
    }
    return -1;
  }

  private static void addBacktrack(Execution ex, int i, ControlledThread p) {
    Node node = ex.txNode[i];
    if (node == null) {
      return; // only the thread of transition i could run there: nothing else to try
    }
    long enabled = ex.txEnabled[i];
    long pBit = 1L << p.id;
    if ((node.backtrack & enabled & pBit) != 0) {
      return;
    }
    long e = enabled & pBit;
    for (int j = i + 1, n = ex.traceLength(); j < n; j++) {
      long qBit = 1L << ex.txThread[j];
      if ((enabled & qBit) != 0 && (e & qBit) == 0 && happensBefore(ex, j, p)) {
        e |= qBit;
      }
    }
    if (e == 0) {
      node.backtrack |= enabled;
    } else if ((e & node.backtrack) == 0) {
      node.backtrack |= (e & pBit) != 0 ? pBit : Long.lowestOneBit(e);
    }
  }

  private static boolean happensBefore(Execution ex, int i, ControlledThread p) {
    return p.clock.get(ex.txThread[i]) >= ex.txSeq[i];
  }

  /** The threads of {@code candidates} whose pending op is independent of chosen's pending op. */
  static long sleepAfter(Execution ex, long candidates, int chosen) {
    ControlledThread q = ex.threads.get(chosen);
    long out = 0;
    for (long rest = candidates & ~(1L << chosen); rest != 0; rest &= rest - 1) {
      ControlledThread r = ex.threads.get(Long.numberOfTrailingZeros(rest));
      if (independent(r.op, r.target, q.op, q.target)) {
        out |= 1L << r.id;
      }
    }
    return out;
  }

  /** Independence of two enabled pending ops of different threads. */
  static boolean independent(OpKind a, Object ta, OpKind b, Object tb) {
    if (a.isLockOp() && b.isLockOp()) {
      return ta != tb;
    }
    if (a == OpKind.YIELD && b == OpKind.YIELD) {
      return ta != tb;
    }
    return !(a == OpKind.SPAWN_DEFERRED && b == OpKind.AWAIT_DEFERRED
        || a == OpKind.AWAIT_DEFERRED && b == OpKind.SPAWN_DEFERRED);
  }
}
