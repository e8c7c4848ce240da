package dev.condis.explorer;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The depth-first search state: the stack of decision points of the current execution. Each
 * execution replays the stack as a prefix, then extends it with default decisions; after it,
 * {@link #advance()} moves to the next unexplored alternative of the deepest node.
 */
final class SearchTree implements Decider {
  private final boolean reduction;
  private final int maxDepth;
  /** This worker's share of a split search, or null. */
  private final Split split;
  /** Split: the next execution starts a unit not numbered yet (its prefix is new). */
  private boolean newUnit = true;
  /**
   * Split: the next execution starts a new prefix of {@code split.depth()} decisions, a "base"
   * unit (the same as a unit unless the plan splits it again below {@code refineDepth()}).
   */
  private boolean newBase = true;
  /** Split: base units numbered so far, the current one, and whether the plan splits it again. */
  private long bases;
  private long currentBase = -1;
  private boolean currentRefined;
  /** Split: the current unit's number among its base unit's parts, or -1 (a base unit not split again). */
  private long currentPart = -1;
  /** Split: units numbered so far, owned among them, and the current execution's unit. */
  long units;
  long unitsOwned;
  long currentUnit = -1;
  private boolean currentOwned = true;
  /**
   * Split: the executions counted in each base unit, by its number (this worker's units only):
   * the sizes a later run balances by, which number units at the split's depth.
   */
  private long[] unitExecutions = new long[0];
  /** Split: the executions counted in each part of a base unit split again, by base unit. */
  private final Map<Long, long[]> partExecutions = new HashMap<>();
  /** Split: the search passed the lowest failing unit of the split, and stops. */
  boolean passedFailure;
  private final ArrayList<Node> nodes = new ArrayList<>();
  /** First state the next execution has not seen before: the race analysis starts there. */
  int analysisFrom;
  long decisionPoints;
  long prunedAlternatives;

  /** Split: stop past the lowest failing unit (the search stops at its first failure). */
  private final boolean stopPastFailure;

  SearchTree(boolean reduction, int maxDepth, Split split, boolean stopPastFailure) {
    this.reduction = reduction;
    this.maxDepth = maxDepth;
    this.split = split;
    this.stopPastFailure = stopPastFailure;
  }

  /**
   * At decision {@code pos}: whether the execution leaves this worker's share here. At depth
   * {@code split.depth()} a new prefix begins the next base unit, numbered in depth-first
   * order; unless the plan splits it again, it is the next unit. A base unit split again goes
   * on in full to {@code refineDepth()}, where a new prefix begins the next unit. Units are
   * numbered in depth-first order either way.
   */
  private boolean leavesShare(int pos) {
    if (split == null) {
      return false;
    }
    if (pos == split.depth()) {
      if (newBase) {
        enterBase();
      }
      if (currentRefined) {
        return false; // its units begin deeper
      }
    } else if (!(currentRefined && pos == split.plan().refineDepth())) {
      return false;
    }
    if (newUnit) {
      enterUnit();
    }
    return !currentOwned;
  }

  private void enterBase() {
    newBase = false;
    currentBase = bases++;
    currentRefined = split.plan().refined(currentBase);
    currentPart = -1;
  }

  /**
   * Split: the base unit (prefix of the split's depth) of an execution that has made {@code
   * decisions} decisions, once it has made them all, in a unit split again's top levels too;
   * else -1.
   */
  long baseUnit(int decisions) {
    return split != null && decisions > split.depth() ? currentBase : -1;
  }

  /** Split: whether decision {@code pos} is in the top levels, expanded in full. */
  private boolean inTopLevels(int pos) {
    return split != null && (pos < split.depth() || currentRefined && pos < split.plan().refineDepth());
  }

  private void enterUnit() {
    newUnit = false;
    currentUnit = units++;
    if (stopPastFailure && currentUnit > split.plan().lowestFailingUnit()) {
      passedFailure = true; // a unit numbered lower failed: nothing from here can come first
      currentOwned = false;
      return;
    }
    currentPart = currentRefined ? currentPart + 1 : -1;
    currentOwned = currentRefined ? split.owns(currentBase, currentPart) : split.owns(currentBase);
    if (currentOwned) {
      unitsOwned++;
    }
  }

  /**
   * Split: whether an execution that has made {@code decisions} decisions has not entered its
   * unit yet (the unit begins with decision number {@code depth}, counted from 0).
   */
  boolean inSplitPrefix(int decisions) {
    return inTopLevels(decisions - 1); // every decision made so far (if any) is in the top levels
  }

  /** Split: whether the execution that just ended is this worker's to count and report. */
  boolean ownsEndedExecution() {
    if (split == null) {
      return true;
    }
    if (newBase) {
      enterBase(); // it ended before its prefix was complete: a base unit of its own
      newBase = true;
    }
    if (newUnit) {
      enterUnit(); // it ended before its (base or refined) prefix was complete: a unit of its own
      newUnit = true;
    }
    return currentOwned;
  }

  /** Split: the execution that just ended counted, in the current unit (this worker's). */
  void countedInCurrentUnit() {
    if (split == null) {
      return;
    }
    unitExecutions = counted(unitExecutions, currentBase);
    if (currentPart >= 0) {
      partExecutions.put(currentBase, counted(partExecutions.getOrDefault(currentBase, new long[0]), currentPart));
    }
  }

  /** {@code counts} with one more at {@code index}, grown (doubling) if too short. */
  private static long[] counted(long[] counts, long index) {
    long[] out = index < counts.length ? counts : Arrays.copyOf(counts, (int) Math.max(index + 1, 2L * counts.length));
    out[(int) index]++;
    return out;
  }

  /** Split: executions per part of each base unit split again this worker explored (some of), "unit.part". */
  ImmutableSortedMap<String, Long> partExecutions() {
    ImmutableSortedMap.Builder<String, Long> out = ImmutableSortedMap.naturalOrder();
    partExecutions.forEach((unit, parts) -> {
      for (int j = 0; j < parts.length; j++) {
        if (parts[j] > 0) {
          out.put(unit + "." + j, parts[j]);
        }
      }
    });
    return out.build();
  }

  /** Split: executions per base unit this worker explored (some of), by its number. */
  ImmutableSortedMap<Long, Long> unitExecutions() {
    ImmutableSortedMap.Builder<Long, Long> out = ImmutableSortedMap.naturalOrder();
    for (int u = 0; u < unitExecutions.length; u++) {
      if (unitExecutions[u] > 0) {
        out.put((long) u, unitExecutions[u]);
      }
    }
    return out.build();
  }

  /** Split: a failure in the current unit, which this worker owns. */
  void failedInCurrentUnit() {
    if (split != null) {
      split.plan().failedIn(currentUnit);
    }
  }

  @Override
  public int pickThread(Execution ex, long enabled, int preferred) {
    int pos = ex.decisionCount;
    if (leavesShare(pos)) {
      return ex.leftShare();
    }
    Node n;
    if (pos < nodes.size()) {
      n = nodes.get(pos);
      if (!n.pick || n.enabled != enabled) {
        return ex.nondeterministic(pos, n.pick ? "threads " + ex.names(n.enabled) : "a choice",
            "threads " + ex.names(enabled));
      }
    } else {
      if (pos >= maxDepth) {
        return ex.cutAtDepth();
      }
      long sleep = reduction ? ex.sleep & enabled : 0;
      long allowed = enabled & ~sleep;
      if (allowed == 0) {
        return ex.sleepSetBlocked();
      }
      n = Node.pick(ex.traceLength(), enabled, sleep);
      // Prefer the running thread: fewer switches, and the default order reads naturally.
      long p = preferred >= 0 ? allowed & (1L << preferred) : 0;
      n.chosen = Long.numberOfTrailingZeros(p != 0 ? p : allowed);
      n.done = 1L << n.chosen;
      // In a split's top levels every enabled thread is explored: no backtrack point is ever
      // needed there, so the units below are independent.
      n.backtrack = reduction && !inTopLevels(pos) ? n.done : enabled;
      nodes.add(n);
      decisionPoints++;
    }
    ex.decided(n, Decisions.pick(n.chosen));
    if (reduction) {
      ex.sleep = Dpor.sleepAfter(ex, n.sleep | (n.done & ~(1L << n.chosen)), n.chosen);
    }
    return n.chosen;
  }

  @Override
  public int chooseValue(Execution ex, ControlledThread t, String label, int arity) {
    int pos = ex.decisionCount;
    if (leavesShare(pos)) {
      return ex.leftShare();
    }
    Node n;
    if (pos < nodes.size()) {
      n = nodes.get(pos);
      if (n.pick || n.arity != arity || n.thread != t.id) {
        return ex.nondeterministic(pos, n.pick ? "a thread pick" : "choose of " + n.arity + " in thread #" + n.thread,
            "choose(" + label + ") of " + arity + " in thread " + t);
      }
    } else {
      if (pos >= maxDepth) {
        return ex.cutAtDepth();
      }
      n = Node.choice(ex.traceLength(), arity, t.id);
      nodes.add(n);
      decisionPoints++;
    }
    ex.decided(null, Decisions.choice(n.value, arity));
    return n.value;
  }

  /** Split: the next execution differs from this one at decision {@code last}: a new unit if in its prefix. */
  private void nextPrefix(int last) {
    if (split == null) {
      return;
    }
    if (last < split.depth()) {
      newBase = true;
      newUnit = true;
    } else if (inTopLevels(last)) {
      newUnit = true;
    }
  }

  /** Moves to the next alternative; false when the whole tree is explored. */
  boolean advance() {
    if (passedFailure) {
      return false;
    }
    for (int last = nodes.size() - 1; last >= 0; last--) {
      Node n = nodes.get(last);
      if (n.pick) {
        long rest = n.backtrack & ~n.done & ~n.sleep;
        if (rest != 0) {
          n.chosen = Long.numberOfTrailingZeros(rest);
          n.done |= 1L << n.chosen;
          analysisFrom = n.state + 1;
          nextPrefix(last);
          return true;
        }
        prunedAlternatives += Long.bitCount(n.enabled & ~n.done);
      } else if (n.value + 1 < n.arity) {
        n.value++;
        analysisFrom = n.state;
        nextPrefix(last);
        return true;
      }
      nodes.remove(last);
    }
    return false;
  }
}
