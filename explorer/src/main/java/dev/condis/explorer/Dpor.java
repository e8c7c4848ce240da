package dev.condis.explorer;

import dev.condis.explorer.ControlledThread.Status;

/**
 * Dynamic partial-order reduction with sleep sets: Flanagan and Godefroid's race detection
 * (POPL 2005) with the source-set backtracking rule of Abdulla et al. (POPL 2014).
 *
 * <p>A transition is a thread's pending operation plus the local code it runs up to its next
 * scheduling point. Two operations of different threads are dependent when they use the same
 * lock, are yield points with the same label that are not both reads ({@link OpKind#READ}), or
 * are a deferred spawn and an awaitDeferred.
 * Spawn/first step, thread end/join and deferred end/awaitDeferred are also dependent, but never
 * co-enabled: the first enables the second, so the happens-before clocks carry them and they
 * never need reversing; likewise a release and an acquire of one lock. Data choices are
 * thread-local, hence independent of everything.
 *
 * <p>At each new state, every thread p with a pending operation (enabled or blocked) is checked
 * against the transitions it races with: dependent, may be co-enabled, and not happening before
 * p. For a race with transition i, the state before i must explore some initial of v.p, where v
 * is the transitions after i that do not happen after i (see {@link #addBacktrack}).
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
      if (p.fresh || last >= 0 && readOfPendingWrite(ex.trace, last, p)) {
        scanRaces(ex, p);
      } else if (last >= 0 && races(ex.trace, last, p)) {
        addBacktrack(ex, last, p);
      }
    }
  }

  /**
   * A failure ends the execution inside the last transition f, which so disables every other
   * thread: f is dependent with all pending operations. A thread whose op was already enabled
   * before f may run first there; without this, behaviours of the other threads that only a
   * longer run would reveal as races (their later operations) would be lost.
   */
  static void failureRaces(Execution ex) {
    Trace trace = ex.trace;
    int f = trace.length() - 1;
    if (f < 0 || trace.node(f) == null) {
      return;
    }
    Node node = trace.node(f);
    for (ControlledThread q : ex.threads) {
      long qBit = 1L << q.id;
      if (q.status == Status.WAITING && trace.thread(f) != q.id && (trace.enabled(f) & qBit) != 0) {
        node.backtrack |= qBit;
      }
    }
  }

  /**
   * Is transition i another thread's read of the label p's pending write writes? Then p's
   * races with the earlier reads since the last write are analysed again: those reads are not
   * ordered with i, and the reversal of each must now keep p after i (i is in its v), so the
   * initials found when that race was first seen, without i, may no longer be initials (the
   * random differential test found a lost final state without this).
   */
  private static boolean readOfPendingWrite(Trace trace, int i, ControlledThread p) {
    return p.op == OpKind.YIELD && trace.op(i) == OpKind.READ && trace.target(i) == p.target
        && trace.thread(i) != p.id;
  }

  /** Does trace transition i race with p's pending op (co-enabled, dependent, not before p)? */
  private static boolean races(Trace trace, int i, ControlledThread p) {
    if (trace.thread(i) == p.id || !coEnabledDependent(trace.op(i), trace.target(i), p.op, p.target)) {
      return false;
    }
    return !trace.happensBefore(i, p.clock);
  }

  private static boolean coEnabledDependent(OpKind a, Object ta, OpKind b, Object tb) {
    return switch (a) {
      case ACQUIRE -> b == OpKind.ACQUIRE && ta == tb; // acquire/release are never co-enabled
      case YIELD -> b.isLabelOp() && ta == tb; // a write and any access
      case READ -> b == OpKind.YIELD && ta == tb; // a read and a write; two reads commute
      case SPAWN_DEFERRED -> b == OpKind.AWAIT_DEFERRED;
      case AWAIT_DEFERRED -> b == OpKind.SPAWN_DEFERRED;
      default -> false;
    };
  }

  /**
   * Races of a newly pending op with the trace so far. Acquisitions of one lock and writes of
   * one label are totally ordered by happens-before, so only the latest one that does not
   * happen before p races with it directly; reads of a label since its last write, deferred
   * spawns and awaits are not ordered among themselves, so each one that does not happen
   * before p is a race.
   */
  private static void scanRaces(Execution ex, ControlledThread p) {
    switch (p.op) {
      case ACQUIRE -> scan(ex, ((LockRef) p.target).acquisitions, p, true);
      case YIELD -> {
        // A write races with the reads since the last write (not ordered among themselves)
        // and with the last write; a read only with the last write.
        Label b = (Label) p.target;
        scan(ex, b.readsSinceWrite, p, false);
        scanOne(ex, b.lastWrite, p);
      }
      case READ -> scanOne(ex, ((Label) p.target).lastWrite, p);
      case AWAIT_DEFERRED -> scan(ex, ex.trace.deferredSpawns, p, false);
      case SPAWN_DEFERRED -> scan(ex, ex.trace.awaits, p, false);
      default -> {}
    }
  }

  /** Transition i (none if negative) races with p unless it is p's own or happens before p. */
  private static void scanOne(Execution ex, int i, ControlledThread p) {
    if (i >= 0 && ex.trace.thread(i) != p.id && !ex.trace.happensBefore(i, p.clock)) {
      addBacktrack(ex, i, p);
    }
  }

  private static void scan(Execution ex, IntList events, ControlledThread p, boolean chain) {
    for (int k = events.size() - 1; k >= 0; k--) {
      scanOne(ex, events.get(k), p);
      if (chain) {
        return; // the latest decides: earlier ones happen before it
      }
    }
  }

  /**
   * Race (i, p): from the state before i, some thread must start a sequence equivalent to
   * v.p, where v is the transitions after i that do not happen after i. Source-DPOR's rule
   * (Abdulla et al. 2014): unless the backtrack set there already holds an initial of v.p
   * (a thread whose first transition in v.p has no predecessor in v), add one. Adding p
   * itself, as classic DPOR does when p is enabled there, is unsound with sleep sets: p may
   * sleep there while the reversal needs another thread to move first.
   */
  private static void addBacktrack(Execution ex, int i, ControlledThread p) {
    Node node = ex.trace.node(i);
    if (node == null) {
      return; // only the thread of transition i could run there: nothing else to try
    }
    long enabled = ex.trace.enabled(i);
    long initials = ex.trace.initials(i, p.id, clockAfter(p), ex.threads.size()) & enabled;
    if (initials == 0) {
      node.backtrack |= enabled; // cannot tell who leads to the reversal: try everyone
    } else if ((initials & node.backtrack) == 0) {
      long pBit = 1L << p.id;
      node.backtrack |= (initials & pBit) != 0 ? pBit : Long.lowestOneBit(initials);
    }
  }

  /**
   * What happens before p's pending op once it runs: its thread's clock, and for a write of a
   * label, every read of it since the last write (v may hold such a read, unordered with the
   * racing one, and p must stay after it: without this, p would count as an initial of v.p
   * and the reversal would move p before that read too, an order no backtrack point then
   * covers; found by the random differential test). For locks and writes v never holds an
   * access p depends on: the race is with the latest one.
   */
  private static VectorClock clockAfter(ControlledThread p) {
    if (p.op != OpKind.YIELD) {
      return p.clock;
    }
    VectorClock c = new VectorClock();
    c.copyFrom(p.clock);
    c.join(((Label) p.target).readsClock);
    return c;
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
    if (a.isLabelOp() && b.isLabelOp()) {
      return ta != tb || (a == OpKind.READ && b == OpKind.READ);
    }
    return !(a == OpKind.SPAWN_DEFERRED && b == OpKind.AWAIT_DEFERRED
        || a == OpKind.AWAIT_DEFERRED && b == OpKind.SPAWN_DEFERRED);
  }
}
