package dev.condis.model.scenario;

import com.google.common.hash.HashCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

  /** Each state seen, with the path of the first execution that reached it. */
  private final Map<HashCode, Long> seen = new ConcurrentHashMap<>();
  private final AtomicLong cut = new AtomicLong();
  private volatile String disabledBecause;

  /** Ends the current execution at a checkpoint: the harness catches it and returns. */
  static final class Reached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reached() {
      super("state already explored", null, false, false);
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
    Long first = seen.putIfAbsent(h, path);
    if (first != null && first != path) {
      cut.incrementAndGet();
      throw new Reached();
    }
  }

  /** Executions that stopped at a checkpoint. */
  public long executionsCut() {
    return cut.get();
  }

  /** Distinct states recorded. */
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
