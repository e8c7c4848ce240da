package dev.condis.explorer;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker's share of a search split into work units (explorer/README.md, "Splitting a
 * search"). The first {@code depth} decision points of every execution are expanded in full
 * (every enabled thread is a backtrack point there, not only those the race analysis asks
 * for), so no race found below them can ask for a backtrack point above them: the subtrees
 * below depth {@code depth} are independent. Each distinct prefix of {@code depth}
 * decisions, and each execution that ends before it decides that often, is a work unit,
 * numbered in the search's depth-first order; worker {@code index} of {@code count} explores
 * the units the plan assigns to it and cuts the others where they begin: unit i to worker i
 * modulo {@code count}, or, given the units' sizes from an earlier run, largest first to the
 * least loaded worker ({@link #plan(int, int, long[])}). Every worker runs every prefix, so
 * all number the units alike, and all compute the same assignment.
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
    return new Plan(depth, count, null);
  }

  /**
   * A split whose units are assigned by their sizes, measured in an earlier run of the same
   * split depth ({@code SplitFigures.unitExecutions}): {@code unitSizes[i]} is unit i's work,
   * negative where unknown (it then counts as the mean of the known sizes). Units are taken
   * largest first (ties: lower number first) and each goes to the least loaded worker (ties:
   * lower index), the LPT rule; units numbered beyond the array go i modulo {@code count}.
   * Only the assignment depends on the sizes: any sizes, stale or wrong, still give every unit
   * exactly one owner, so they can cost balance, never soundness.
   */
  public static Plan plan(int depth, int count, long[] unitSizes) {
    Plan p = plan(depth, count);
    return new Plan(p.depth, p.count, largestFirst(unitSizes.clone(), count));
  }

  /** The LPT assignment of {@link #plan(int, int, long[])}: each unit's worker. */
  private static int[] largestFirst(long[] sizes, int count) {
    long known = Arrays.stream(sizes).filter(x -> x >= 0).count();
    long mean = known == 0 ? 1 : Arrays.stream(sizes).filter(x -> x >= 0).sum() / known;
    Integer[] order = new Integer[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      order[i] = i;
      sizes[i] = sizes[i] < 0 ? mean : sizes[i];
    }
    Arrays.sort(order, (a, b) -> sizes[a] != sizes[b] ? Long.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
    long[] load = new long[count];
    int[] owner = new int[sizes.length];
    for (int unit : order) {
      int least = 0;
      for (int w = 1; w < count; w++) {
        if (load[w] < load[least]) {
          least = w;
        }
      }
      owner[unit] = least;
      load[least] += Math.max(sizes[unit], 1);
    }
    return owner;
  }

  /** What the workers of one split share. Thread-safe. */
  public static final class Plan {
    private final int depth;
    private final int count;
    /** Each unit's worker by the units' sizes, or null: unit i to worker i modulo count. */
    private final int[] owners;
    private final AtomicLong lowestFailingUnit = new AtomicLong(Long.MAX_VALUE);

    private Plan(int depth, int count, int[] owners) {
      this.depth = depth;
      this.count = count;
      this.owners = owners;
    }

    /** Whether units are assigned by sizes from an earlier run, not round robin. */
    public boolean bySize() {
      return owners != null;
    }

    /** The worker (0-based) that owns {@code unit}. */
    public int ownerOf(long unit) {
      return owners != null && unit < owners.length ? owners[(int) unit] : (int) (unit % count);
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
    return plan.ownerOf(unit) == index;
  }

  @Override
  public String toString() {
    return "worker " + (index + 1) + " of " + plan.count + " (units below depth " + plan.depth + ")";
  }
}
