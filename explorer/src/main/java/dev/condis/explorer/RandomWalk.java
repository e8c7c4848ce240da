package dev.condis.explorer;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random walks, for hunting bugs where the search cannot finish: each decision of walk number
 * {@code i} is drawn uniformly from a generator seeded with the search's seed and {@code i}, so
 * an early data choice varies from one execution to the next, where depth-first order varies
 * it last. A walker takes the walks {@code first, first + stride, ...}: walker {@code k} of
 * {@code n} in shard {@code s} of {@code m} starts at {@code s + m k} with stride {@code m n},
 * so the walks are the same for any {@code n} and {@code m}. No tree, no reduction, no claim:
 * a walk search never ends COMPLETE (explorer/README.md, "Random walks").
 */
final class RandomWalk implements Decider {
  private final long seed;
  private final int maxDepth;
  private final long first;
  private final long stride;
  /** The lowest walk that failed in any walker of this search; walkers stop past it. */
  private final AtomicLong lowestFailing;
  private SplittableRandom random;
  /** The walk being run, or -1 before the first. */
  long current = -1;
  /** This walker's first failing walk, or -1. */
  long firstFailing = -1;

  RandomWalk(long seed, int maxDepth, long first, long stride, AtomicLong lowestFailing) {
    this.seed = seed;
    this.maxDepth = maxDepth;
    this.first = first;
    this.stride = stride;
    this.lowestFailing = lowestFailing;
  }

  /** The number of this walker's {@code n}-th walk (0-based). */
  long walkNumber(long n) {
    return first + n * stride;
  }

  /** How many of this walker's walks are numbered {@code f} or less. */
  long walksUpTo(long f) {
    return f < first ? 0 : (f - first) / stride + 1;
  }

  /** Whether a lower walk has failed, so that walk {@code number} need not run. */
  boolean pastAFailure(long number) {
    return number > lowestFailing.get();
  }

  /** Starts walk {@code number}: its decisions depend on the seed and the number alone. */
  void start(long number) {
    current = number;
    random = new SplittableRandom(mix(seed ^ mix(number + 0x9E3779B97F4A7C15L)));
  }

  /** The current walk failed. */
  void failed() {
    if (firstFailing < 0) {
      firstFailing = current;
    }
    lowestFailing.accumulateAndGet(current, Math::min);
  }

  /** A 64-bit finaliser (Stafford's variant 13, as in SplittableRandom): nearby seeds, unrelated streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
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
