package dev.condis.model.scenario;

import com.google.common.hash.HashCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The states seen at quiescent points during one search (see {@link StateFingerprint}): an
 * execution that reaches, at the same point of its scenario, a state an earlier execution
 * already reached, stops there, since the earlier one explored every continuation. One
 * instance per search; never shared between searches, never used on replay.
 */
public final class Checkpoints {
  /**
   * A platform that can say which path the current execution took so far: a hash of the
   * sequence of platform calls it saw (thread, operation, argument, chosen value). The same
   * schedule prefix always gives the same hash.
   */
  public interface PathSource {
    long pathHash();
  }

  /** A lock that can say which thread holds it (null if free): part of a checkpoint's state. */
  public interface HeldBy {
    String heldBy();
  }

  /**
   * Where a search keeps the states it has seen. The explorer's store is this object's own map;
   * under Java PathFinder the store must live outside the checked program (JPF backtracks the
   * program's heap), see jpf-config's JpfSeenStates.
   */
  public interface Store {
    /**
     * Records {@code state}, reached along {@code path}; returns true if an execution along
     * another path reached it before (the current one can stop).
     */
    boolean reachedBefore(HashCode state, long path);
  }

  /**
   * Path of an execution on a platform that cannot tell paths apart: for stores that need none.
   * A named class, not a lambda: JPF's function objects cannot return a long.
   */
  static final PathSource NO_PATH = new NoPath();

  private static final class NoPath implements PathSource {
    @Override
    public long pathHash() {
      return 0L;
    }
  }

  /** Each state seen, with the path of the first execution that reached it. */
  private final Map<HashCode, Long> seen = new ConcurrentHashMap<>();
  private final Store store;
  private final boolean needsPath;
  /** Guarded by this; not an AtomicLong, which JPF's model classes lack (JPF runs this too). */
  private long cut;
  private volatile String disabledBecause;

  /** For a stateless search by re-execution (the explorer): paths tell re-runs apart. */
  public Checkpoints() {
    this.store = this::inMemory;
    this.needsPath = true;
  }

  /**
   * With a store of the caller's, for a search that never re-runs a prefix (a stateful search
   * such as JPF's): any earlier record of a state at the same point is another path's.
   */
  public Checkpoints(Store store) {
    this.store = store;
    this.needsPath = false;
  }

  /** Whether checks need the path a platform reports ({@link PathSource}). */
  boolean needsPath() {
    return needsPath;
  }

  private boolean inMemory(HashCode state, long path) {
    Long first = seen.putIfAbsent(state, path);
    return first != null && first != path;
  }

  /** Ends the current execution at a checkpoint: the harness catches it and returns. */
  static final class Reached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reached() {
      super("state already explored");
    }

    /** No stack trace: it is control flow, thrown often. (Not the 4-argument constructor: JPF lacks it.) */
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  /**
   * At the {@code point}-th quiescent point of the scenario, reached along {@code path}: throws
   * {@link Reached} if an execution along another path reached this state here before, else
   * records it. An execution along the same path is the search coming back to explore the
   * rest of that state's future (a stateless search re-runs the prefix), so it goes on.
   */
  void check(int point, long path, Object... roots) {
    if (disabledBecause != null) {
      return;
    }
    HashCode h;
    try {
      Object[] all = new Object[roots.length + 1];
      all[0] = point;
      System.arraycopy(roots, 0, all, 1, roots.length);
      h = StateFingerprint.of(all);
    } catch (StateFingerprint.Unfingerprintable e) {
      disabledBecause = e.getMessage();
      return;
    }
    if (store.reachedBefore(h, path)) {
      synchronized (this) {
        cut++;
      }
      throw new Reached();
    }
  }

  /** Executions that stopped at a checkpoint. */
  public synchronized long executionsCut() {
    return cut;
  }

  /** Distinct states recorded (by the explorer's own store; 0 with another store). */
  public int statesSeen() {
    return seen.size();
  }

  /** Switches checkpoints off for this search. */
  void disable(String why) {
    disabledBecause = why;
  }

  /** Why checkpoints were switched off for this search (a state it cannot hash), or null. */
  public String disabledBecause() {
    return disabledBecause;
  }
}
