package dev.condis.explorer;

import java.util.Arrays;

/**
 * The transitions of one execution, in order, and the happens-before questions the race
 * analysis ({@link Dpor}) asks of them; the dependency relation itself is Dpor's. Stored as
 * parallel arrays, one slot per transition, because the analysis walks them per race and an
 * object per transition would cost an allocation each.
 */
final class Trace {
  private int length;
  private int[] thread;
  /** The thread's own clock entry after the transition: its sequence number. */
  private int[] seq;
  /** The threads enabled in the state before the transition. */
  private long[] enabled;
  /** Each transition's happens-before clock (entries for the threads existing then); reduction only. */
  private int[][] clock;
  /** The decision point the transition was chosen at, or null where no other thread could run. */
  private Node[] node;
  private OpKind[] op;
  private Object[] target;
  /** The transitions that spawned a deferred thread, and those that awaited deferred threads. */
  final IntList deferredSpawns = new IntList();
  final IntList awaits = new IntList();

  /** The most slots a trace starts with: one runaway execution must not size all the others. */
  static final int MAX_INITIAL_CAPACITY = 4096;

  /**
   * {@code capacity}: the longest execution so far (the engine's hint), so that one of that
   * length never regrows its seven arrays (a search's executions are of similar lengths); at
   * most {@link #MAX_INITIAL_CAPACITY}, since a livelocking execution runs up to the step bound.
   */
  Trace(int capacity) {
    int n = Math.max(32, Math.min(capacity, MAX_INITIAL_CAPACITY));
    thread = new int[n];
    seq = new int[n];
    enabled = new long[n];
    clock = new int[n][];
    node = new Node[n];
    op = new OpKind[n];
    target = new Object[n];
  }

  int length() {
    return length;
  }

  /** Transitions it holds before its arrays grow. */
  int capacity() {
    return thread.length;
  }

  /** Reserves the next transition's number: the caller indexes its own tables by it, then {@link #record}s it. */
  int next() {
    if (length == thread.length) {
      grow();
    }
    return length++;
  }

  void record(int i, int threadId, int threadSeq, long enabledBefore, int[] clockAfter, Node at, OpKind kind,
      Object on) {
    thread[i] = threadId;
    seq[i] = threadSeq;
    enabled[i] = enabledBefore;
    clock[i] = clockAfter;
    node[i] = at;
    op[i] = kind;
    target[i] = on;
  }

  int thread(int i) {
    return thread[i];
  }

  long enabled(int i) {
    return enabled[i];
  }

  Node node(int i) {
    return node[i];
  }

  OpKind op(int i) {
    return op[i];
  }

  Object target(int i) {
    return target[i];
  }

  /** Does transition i happen before the next step of the thread with {@code clock}? */
  boolean happensBefore(int i, VectorClock threadClock) {
    return threadClock.get(thread[i]) >= seq[i];
  }

  /**
   * The initials of v.p as a thread mask, where v is the transitions after i that do not
   * happen after i, and p the pending op of thread {@code p} (clock {@code pClock}): the
   * threads whose first transition in v.p has no predecessor in v ({@link Dpor#addBacktrack}).
   */
  long initials(int i, int p, VectorClock pClock, int threadCount) {
    int ti = thread[i];
    int si = seq[i];
    int[] firstSeq = new int[threadCount]; // sequence number of each thread's first transition in v, 0 if none
    long inV = 0;
    long initials = 0;
    for (int k = i + 1; k < length; k++) {
      int[] ck = clock[k];
      if (ti < ck.length && ck[ti] >= si) {
        continue; // happens after i: stays after i in any reversal
      }
      int q = thread[k];
      if ((inV & (1L << q)) == 0) {
        if (!preceded(ck, firstSeq, inV)) {
          initials |= 1L << q;
        }
        inV |= 1L << q;
        firstSeq[q] = seq[k];
      }
    }
    if ((inV & (1L << p)) == 0 && !preceded(pClock, firstSeq, inV)) {
      initials |= 1L << p;
    }
    return initials;
  }

  /** Does some transition of v (threads inV, starting at firstSeq) happen before clock c? */
  private static boolean preceded(int[] c, int[] firstSeq, long inV) {
    for (long rest = inV; rest != 0; rest &= rest - 1) {
      int r = Long.numberOfTrailingZeros(rest);
      if (r < c.length && c[r] >= firstSeq[r]) {
        return true;
      }
    }
    return false;
  }

  private static boolean preceded(VectorClock c, int[] firstSeq, long inV) {
    for (long rest = inV; rest != 0; rest &= rest - 1) {
      int r = Long.numberOfTrailingZeros(rest);
      if (c.get(r) >= firstSeq[r]) {
        return true;
      }
    }
    return false;
  }

  private void grow() {
    int n = thread.length * 2;
    thread = Arrays.copyOf(thread, n);
    seq = Arrays.copyOf(seq, n);
    enabled = Arrays.copyOf(enabled, n);
    clock = Arrays.copyOf(clock, n);
    node = Arrays.copyOf(node, n);
    op = Arrays.copyOf(op, n);
    target = Arrays.copyOf(target, n);
  }
}
