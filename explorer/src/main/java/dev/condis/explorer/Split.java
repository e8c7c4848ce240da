package dev.condis.explorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * least loaded worker, the largest split again below twice the depth ({@link #plan(int, int,
 * long[], long[])}). Every worker runs every prefix, so all number the units alike, and all
 * compute the same assignment.
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
    return new Plan(depth, count, null, null, Map.of(), null);
  }

  /**
   * A split whose units are assigned by their sizes, measured in an earlier run of the same
   * split depth ({@code SplitFigures.unitExecutions}): {@code unitSizes[i]} is unit i's work,
   * negative where unknown (it then counts as the mean of the known sizes). Units are taken
   * largest first (ties: lower number first), each to the least loaded worker (ties: lower
   * index), the LPT rule; units numbered beyond the array go i modulo {@code count}.
   */
  public static Plan plan(int depth, int count, long[] unitSizes) {
    return plan(depth, count, unitSizes, new long[0]);
  }

  /**
   * As {@link #plan(int, int, long[])}, and the units numbered in {@code splitAgain} are split
   * again: their own top levels are expanded in full down to {@link Plan#refineDepth()} (twice
   * the depth), and each subtree below them is a unit of its own, a part, the j-th of unit i
   * going to worker (i + j) modulo {@code count}; their work counts as spread over all workers
   * when the others are assigned. Which units are split again is given, not derived from
   * {@code count}, so the units, and so the reported failure, are the same for any number of
   * workers ({@link #unitsToSplitAgain} is the rule merge uses). Only the assignment and where
   * units begin depend on these arguments, both alike in every worker: any sizes, stale or
   * wrong, still give every unit exactly one owner, so they can cost balance, never soundness.
   */
  public static Plan plan(int depth, int count, long[] unitSizes, long[] splitAgain) {
    return plan(depth, count, unitSizes, splitAgain, Map.of());
  }

  /**
   * As {@link #plan(int, int, long[], long[])}, with the sizes of the parts of units split
   * again, measured by a run that split them ({@code SplitFigures.partExecutions}): {@code
   * partSizes.get(i)[j]} is the j-th part of unit i (-1: unknown, counted as the mean of the
   * unit's known parts). Known parts are placed largest first with the other units; parts past
   * those known still go round robin.
   */
  public static Plan plan(int depth, int count, long[] unitSizes, long[] splitAgain, Map<Long, long[]> partSizes) {
    return plan(depth, count, unitSizes, splitAgain, partSizes, new long[count]);
  }

  /**
   * As {@link #plan(int, int, long[], long[], Map)}, the workers starting from the loads {@code
   * loadBefore} (by worker) instead of none: the work other searches already gave them, such
   * as the instances before this one in a run whose shards each take a share of every
   * instance. Largest first then fills the least loaded workers of the whole run, not of this
   * search alone, so that the largest units of many searches do not all land on worker 0.
   * {@link Plan#loads()} is what the next search starts from.
   */
  public static Plan plan(int depth, int count, long[] unitSizes, long[] splitAgain, Map<Long, long[]> partSizes,
      long[] loadBefore) {
    Plan p = plan(depth, count);
    if (loadBefore.length != count) {
      throw new IllegalArgumentException("loads of " + loadBefore.length + " workers for a split into " + count);
    }
    long[] sizes = unknownAsMean(unitSizes);
    boolean[] refined = new boolean[sizes.length];
    for (long u : splitAgain) {
      if (u >= 0 && u < sizes.length) {
        refined[(int) u] = true;
      }
    }
    List<Item> items = new ArrayList<>();
    long[] load = loadBefore.clone();
    for (int i = 0; i < sizes.length; i++) {
      long[] parts = partSizes.get((long) i);
      if (!refined[i]) {
        items.add(new Item(i, -1, sizes[i]));
      } else if (parts != null && parts.length > 0) {
        long[] known = unknownAsMean(parts);
        for (int j = 0; j < known.length; j++) {
          items.add(new Item(i, j, known[j]));
        }
      } else {
        for (int w = 0; w < count; w++) {
          load[w] += sizes[i] / count; // its parts' sizes are not known: they go round robin
        }
      }
    }
    items.sort(Comparator.comparingLong(Item::size).reversed().thenComparingInt(Item::unit).thenComparingInt(Item::part));
    int[] owners = new int[sizes.length];
    Arrays.fill(owners, -1);
    Map<Long, int[]> partOwners = new HashMap<>();
    for (Item item : items) {
      int least = 0;
      for (int w = 1; w < count; w++) {
        if (load[w] < load[least]) {
          least = w;
        }
      }
      load[least] += Math.max(item.size(), 1);
      if (item.part() < 0) {
        owners[item.unit()] = least;
      } else {
        partOwners.computeIfAbsent((long) item.unit(), u -> new int[partSizes.get(u).length])[item.part()] = least;
      }
    }
    return new Plan(p.depth, p.count, owners, refined, partOwners, load);
  }

  /** One thing largest first assigns: a unit ({@code part} -1), or a part of a unit split again. */
  private record Item(int unit, int part, long size) {}

  /** The sizes with each unknown one (negative) replaced by the mean of the known ones. */
  private static long[] unknownAsMean(long[] sizes) {
    long known = Arrays.stream(sizes).filter(x -> x >= 0).count();
    long mean = known == 0 ? 1 : Arrays.stream(sizes).filter(x -> x >= 0).sum() / known;
    return Arrays.stream(sizes).map(x -> x < 0 ? mean : x).toArray();
  }

  /**
   * The units worth splitting again for {@code count} workers: those larger than 1.5 times a
   * worker's share of the sizes' total (unknown sizes, -1, left out), which no assignment can
   * fit within 1.5 times the mean. Splitting a unit again costs reduction in its new top
   * levels, so smaller ones are left whole for largest first to place. None for one worker.
   */
  public static long[] unitsToSplitAgain(long[] unitSizes, int count) {
    return unitsToSplitAgain(unitSizes, count, Arrays.stream(unitSizes).filter(x -> x > 0).sum());
  }

  /**
   * As {@link #unitsToSplitAgain(long[], int)}, against a worker's share of {@code total}: the
   * work of a whole run whose workers (shards) take a share of this search and of others, and
   * so can hold a unit larger than their share of this search alone.
   */
  public static long[] unitsToSplitAgain(long[] unitSizes, int count, long total) {
    return count < 2 ? new long[0]
        : java.util.stream.IntStream.range(0, unitSizes.length).filter(i -> 2 * unitSizes[i] * count > 3 * total)
            .asLongStream().toArray();
  }

  /** What the workers of one split share. Thread-safe. */
  public static final class Plan {
    private final int depth;
    private final int count;
    /** Each unit's worker by the units' sizes, or null: unit i to worker i modulo count. */
    private final int[] owners;
    /** The units split again below {@link #refineDepth()}, by number; null: none. */
    private final boolean[] refined;
    /** The known parts' workers of units split again, by unit, else round robin. */
    private final Map<Long, int[]> partOwners;
    /** By sizes: each worker's load after the assignment (sizes of units, known parts, spread parts); else null. */
    private final long[] loads;
    private final AtomicLong lowestFailingUnit = new AtomicLong(Long.MAX_VALUE);

    private Plan(int depth, int count, int[] owners, boolean[] refined, Map<Long, int[]> partOwners, long[] loads) {
      this.depth = depth;
      this.count = count;
      this.owners = owners;
      this.refined = refined;
      this.partOwners = partOwners;
      this.loads = loads;
    }

    /**
     * Each worker's load once this plan's units are assigned by size, counting the loads it
     * started from; all zero for round robin, which measures nothing.
     */
    public long[] loads() {
      return loads == null ? new long[count] : loads.clone();
    }

    /** Where the units of a unit split again begin: twice the depth. */
    public int refineDepth() {
      return 2 * depth;
    }

    /** Whether the unit numbered {@code unit} at the split's depth is split again. */
    public boolean refined(long unit) {
      return refined != null && unit < refined.length && refined[(int) unit];
    }

    /** How many units the sizes split again. */
    public int refinedUnits() {
      int n = 0;
      for (int i = 0; refined != null && i < refined.length; i++) {
        n += refined[i] ? 1 : 0;
      }
      return n;
    }

    /** The worker (0-based) that owns the {@code j}-th part of unit {@code unit}, split again. */
    public int ownerOf(long unit, long j) {
      int[] known = partOwners.get(unit);
      return known != null && j < known.length ? known[(int) j] : (int) ((unit + j) % count);
    }

    /** Whether units are assigned by sizes from an earlier run, not round robin. */
    public boolean bySize() {
      return owners != null;
    }

    /** The worker (0-based) that owns {@code unit}, numbered at the split's depth and not split again. */
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

  /** Whether this worker owns the {@code j}-th unit below refined unit {@code unit}. */
  boolean owns(long unit, long j) {
    return plan.ownerOf(unit, j) == index;
  }

  @Override
  public String toString() {
    return "worker " + (index + 1) + " of " + plan.count + " (units below depth " + plan.depth + ")";
  }
}
