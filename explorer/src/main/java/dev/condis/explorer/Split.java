package dev.condis.explorer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker's share of a search split into work units (explorer/README.md, "Splitting a
 * search"). The first {@code depth} decision points of every execution are expanded in full
 * (every enabled thread is a backtrack point there, not only those the race analysis asks
 * for), so no race found below them can ask for a backtrack point above them: the subtrees
 * below depth {@code depth} are independent. Each distinct prefix of {@code depth}
 * decisions, and each execution that ends before it decides that often, is a work unit,
 * numbered in the search's depth-first order; worker {@code index} of {@code count} explores
 * the units whose number is {@code index} modulo {@code count} and cuts the others where
 * they begin. Every worker runs every prefix, so all number the units alike.
 *
 * <p>The workers of one split share a {@link Plan}: the lowest unit in which a worker found
 * a failure. A worker stops when its next unit is numbered above it (no failure it could
 * still find comes first in depth-first order), so the failure reported is that of the
 * lowest failing unit, whatever the number of workers.
 */
public final class Split {
  private final Plan plan;
  private final int index;

  private Split(Plan plan, int index) {
    this.plan = plan;
    this.index = index;
  }

  /** A split of {@code count} workers expanding the first {@code depth} decisions in full. */
  public static Plan plan(int depth, int count) {
    if (depth < 1 || count < 1) {
      throw new IllegalArgumentException("a split needs a depth and a worker count of at least 1: " + depth + ", " + count);
    }
    return new Plan(depth, count);
  }

  /** What the workers of one split share. Thread-safe. */
  public static final class Plan {
    private final int depth;
    private final int count;
    private final AtomicLong lowestFailingUnit = new AtomicLong(Long.MAX_VALUE);

    private Plan(int depth, int count) {
      this.depth = depth;
      this.count = count;
    }

    /** Worker {@code index}'s share (0-based). */
    public Split worker(int index) {
      if (index < 0 || index >= count) {
        throw new IllegalArgumentException("worker " + index + " of a split into " + count);
      }
      return new Split(this, index);
    }

    public int depth() {
      return depth;
    }

    public int count() {
      return count;
    }

    /** The lowest unit a worker found a failure in; {@link Long#MAX_VALUE} if none yet. */
    public long lowestFailingUnit() {
      return lowestFailingUnit.get();
    }

    void failedIn(long unit) {
      lowestFailingUnit.accumulateAndGet(unit, Math::min);
    }
  }

  public Plan plan() {
    return plan;
  }

  public int index() {
    return index;
  }

  public int depth() {
    return plan.depth;
  }

  public int count() {
    return plan.count;
  }

  boolean owns(long unit) {
    return unit % plan.count == index;
  }

  @Override
  public String toString() {
    return "worker " + (index + 1) + " of " + plan.count + " (units below depth " + plan.depth + ")";
  }
}
