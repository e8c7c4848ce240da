package dev.condis.explorer;

/**
 * The controlled runtime handed to a {@link Program}: exactly one controlled thread runs at a
 * time, and the explorer decides who runs at each scheduling point and what each
 * {@link #choose} returns.
 *
 * <p>Scheduling points: {@link #acquire}, {@link #release}, {@link #spawn},
 * {@link #spawnDeferred}, {@link #join}, {@link #awaitDeferred}, {@link #yieldPoint}. The other
 * calls are local to the calling thread. Every call counts as a step towards
 * {@link SearchOptions#maxStepsPerExecution()}.
 *
 * <p>When the explorer ends an execution early (failure, deadlock, bound, redundant
 * interleaving) the calls throw {@link ExecutionAborted}: a program must let it propagate.
 */
public interface Runtime {

  /** The runtime of the calling controlled thread; {@link IllegalStateException} elsewhere. */
  static Runtime current() {
    return Carrier.currentExecution();
  }

  /** A new non-reentrant lock; the name appears in traces and deadlock reports. Local. */
  LockRef newLock(String name);

  /**
   * Acquires {@code lock}, blocking while another thread holds it. Re-acquiring a lock the
   * caller holds ends the execution with a {@link FailureKind#DEADLOCK} failure.
   */
  void acquire(LockRef lock);

  /** Releases {@code lock}; {@link IllegalMonitorStateException} if the caller does not hold it. */
  void release(LockRef lock);

  /** Whether the calling thread holds {@code lock}. Local. */
  boolean holds(LockRef lock);

  /** Starts a controlled thread running {@code body}; it may be joined. */
  ThreadRef spawn(String name, Runnable body);

  /**
   * Starts a deferred controlled thread (a queued deferred call, e.g. a DPC): like {@link #spawn}
   * but awaited by {@link #awaitDeferred()} instead of being joined one by one.
   */
  ThreadRef spawnDeferred(String name, Runnable body);

  /** Blocks until {@code thread} has finished. Joining oneself is a deadlock. */
  void join(ThreadRef thread);

  /**
   * Blocks until every deferred thread of this execution other than the caller has finished,
   * including those spawned meanwhile by deferred threads (transitively).
   */
  void awaitDeferred();

  /** A data choice in {@code [0, n)}: the explorer tries every value. Local (no thread switch). */
  int choose(String label, int n);

  /**
   * Reports a property violation: ends this execution as an {@link FailureKind#ASSERTION}
   * failure carrying {@code message} and {@code payload} untouched. Never returns normally.
   */
  void fail(String message, Object payload);

  /** The name the calling thread was spawned with ("main" for the program's thread). Local. */
  String currentThreadName();

  /**
   * An explicit scheduling point, dependent only on yield points with the same label. Put one
   * right before each access to an unlocked shared location and label it with the location, so
   * that the explorer interleaves those accesses.
   */
  void yieldPoint(String label);

  /**
   * A scheduling point before a <em>read</em> of the unlocked shared location {@code label}:
   * dependent with {@link #yieldPoint}s (writes) of that label, independent of other reads of
   * it, so the explorer does not reorder two reads. Only for code that reads the location
   * and writes no shared state before its next scheduling point: a mislabelled write loses
   * interleavings.
   */
  void readPoint(String label);

  /**
   * Whether this execution is still in the top levels of a split search, which every worker
   * runs alike to number the units (explorer/README.md, "Splitting a search"): a program that
   * ends executions early on its own account (a state cache) may do so here only on what it
   * saw in the top levels too (a state first met here), since a cut one worker makes and
   * another does not would make them number the units differently. False outside a split
   * search. Local.
   */
  boolean inSplitPrefix();

  /**
   * In a split search, once past the split's depth: the number of the base unit this execution
   * is in (its prefix of that depth, numbered in depth-first order, as unit sizes number them),
   * also in the top levels of a unit split again ({@link #inSplitPrefix} tells them apart), and
   * shared by that unit's parts; the same in every worker, and in every run at the same depth
   * whichever units it splits again. Else -1. A program that shares a state cache between the
   * workers of one split, or between the shards of two runs, uses it to let the lowest unit
   * that reaches a state explore its future (explorer/README.md, "Splitting a search"). Local.
   */
  long currentBaseUnit();
}
