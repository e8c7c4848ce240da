package dev.condis.explorer;

import java.util.ArrayList;

/**
 * The depth-first search state: the stack of decision points of the current execution. Each
 * execution replays the stack as a prefix, then extends it with default decisions; after it,
 * {@link #advance()} moves to the next unexplored alternative of the deepest node.
 */
final class SearchTree implements Decider {
  private final boolean reduction;
  private final int maxDepth;
  private final ArrayList<Node> nodes = new ArrayList<>();
  /** First state the next execution has not seen before: the race analysis starts there. */
  int analysisFrom;
  long decisionPoints;
  long prunedAlternatives;

  SearchTree(boolean reduction, int maxDepth) {
    this.reduction = reduction;
    this.maxDepth = maxDepth;
  }

  @Override
  public int pickThread(Execution ex, long enabled, int preferred) {
    int pos = ex.decisionCount;
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
      n.backtrack = reduction ? n.done : enabled;
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

  /** Moves to the next alternative; false when the whole tree is explored. */
  boolean advance() {
    for (int last = nodes.size() - 1; last >= 0; last--) {
      Node n = nodes.get(last);
      if (n.pick) {
        long rest = n.backtrack & ~n.done & ~n.sleep;
        if (rest != 0) {
          n.chosen = Long.numberOfTrailingZeros(rest);
          n.done |= 1L << n.chosen;
          analysisFrom = n.state + 1;
          return true;
        }
        prunedAlternatives += Long.bitCount(n.enabled & ~n.done);
      } else if (n.value + 1 < n.arity) {
        n.value++;
        analysisFrom = n.state;
        return true;
      }
      nodes.remove(last);
    }
    return false;
  }
}
