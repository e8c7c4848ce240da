package dev.condis.explorer;

import java.util.SplittableRandom;

/**
 * Random walks, for hunting bugs where the search cannot finish: every decision of every
 * execution is drawn uniformly from one seeded generator, so an early data choice varies from
 * one execution to the next, where depth-first order varies it last. No tree, no reduction, no
 * claim: a walk search never ends COMPLETE (explorer/README.md, "Random walks"). The same seed
 * gives the same executions and the same first failure.
 */
final class RandomWalk implements Decider {
  private final SplittableRandom random;
  private final int maxDepth;

  RandomWalk(long seed, int maxDepth) {
    this.random = new SplittableRandom(seed);
    this.maxDepth = maxDepth;
  }

  @Override
  public int pickThread(Execution ex, long enabled, int preferred) {
    if (ex.decisionCount >= maxDepth) {
      return ex.cutAtDepth();
    }
    long rest = enabled;
    for (int skip = random.nextInt(Long.bitCount(enabled)); skip > 0; skip--) {
      rest &= rest - 1; // drop the lowest enabled thread
    }
    int thread = Long.numberOfTrailingZeros(rest);
    ex.decided(null, Decisions.pick(thread));
    return thread;
  }

  @Override
  public int chooseValue(Execution ex, ControlledThread t, String label, int arity) {
    if (ex.decisionCount >= maxDepth) {
      return ex.cutAtDepth();
    }
    int value = random.nextInt(arity);
    ex.decided(null, Decisions.choice(value, arity));
    return value;
  }
}
