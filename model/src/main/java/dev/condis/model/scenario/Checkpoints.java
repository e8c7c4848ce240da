package dev.condis.model.scenario;

import com.google.common.hash.HashCode;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The states seen at quiescent points during one search (see {@link StateFingerprint}): an
 * execution that reaches, at the same point of its scenario, a state an earlier execution
 * already reached, stops there, since the earlier one explored every continuation. One
 * instance per search; never shared between searches, never used on replay.
 */
public final class Checkpoints {
  private final Set<HashCode> seen = ConcurrentHashMap.newKeySet();
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
   * At the {@code point}-th quiescent point of the scenario: throws {@link Reached} if this
   * state was seen there before, else records it.
   */
  void check(int point, Object... roots) {
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
    if (!seen.add(h)) {
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

  /** Why checkpoints were switched off for this search (a state it cannot hash), or null. */
  public String disabledBecause() {
    return disabledBecause;
  }
}
