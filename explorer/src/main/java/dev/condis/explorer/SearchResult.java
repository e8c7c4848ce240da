package dev.condis.explorer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Sets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a search found and covered. Immutable.
 *
 * <p>{@link #outcome()} is {@link Outcome#FAILURE_FOUND} when any execution failed, else
 * {@link Outcome#BOUND_REACHED} when any bound was reached (see {@link #boundsReached()}), else
 * {@link Outcome#COMPLETE}. Figures other than the wall time are deterministic.
 */
public final class SearchResult {
  private final Outcome outcome;
  private final Set<Bound> boundsReached;
  private final ImmutableList<Failure> failures;
  private final long failingExecutions;
  private final long executions;
  private final long sleepSetBlocked;
  private final long prunedAlternatives;
  private final long depthCutExecutions;
  private final int maxDepth;
  private final long decisionPoints;
  private final Duration wallTime;
  private final boolean reduction;
  private final SplitFigures split;

  /**
   * A split search's share ({@link Split}): the units this worker numbered (every unit of the
   * split, or all up to the lowest failing one), those it owned and explored, the executions
   * it ran only to number other workers' units (not in {@link #executions()}), and the unit
   * of its failure (-1: none), or of random walks the number of the failing walk reported.
   * All zero for a search that was not split. {@code
   * unitExecutions}: the executions counted in each unit at the split's depth this worker
   * explored (or, for one split again, explored parts of), by unit number, the sizes a later
   * run of the same split can balance by ({@link Split#plan(int, int, long[])}); {@code
   * partExecutions}: those of each part of a unit split again, keyed "unit.part".
   */
  public record SplitFigures(long units, long unitsOwned, long othersExecutions, long failureUnit,
      ImmutableSortedMap<Long, Long> unitExecutions, ImmutableSortedMap<String, Long> partExecutions) {
    static final SplitFigures NONE = new SplitFigures(0, 0, 0, -1);

    public SplitFigures {
      unitExecutions = ImmutableSortedMap.copyOf(unitExecutions);
      partExecutions = ImmutableSortedMap.copyOf(partExecutions);
    }

    /** Figures without unit sizes. */
    public SplitFigures(long units, long unitsOwned, long othersExecutions, long failureUnit) {
      this(units, unitsOwned, othersExecutions, failureUnit, ImmutableSortedMap.of(), ImmutableSortedMap.of());
    }
  }

  SearchResult(
      Set<Bound> boundsReached,
      List<Failure> failures,
      long failingExecutions,
      long executions,
      long sleepSetBlocked,
      long prunedAlternatives,
      long depthCutExecutions,
      int maxDepth,
      long decisionPoints,
      Duration wallTime,
      boolean reduction,
      SplitFigures split) {
    this.boundsReached = Sets.immutableEnumSet(boundsReached);
    this.failures = ImmutableList.copyOf(failures);
    this.outcome =
        !failures.isEmpty()
            ? Outcome.FAILURE_FOUND
            : !boundsReached.isEmpty() ? Outcome.BOUND_REACHED : Outcome.COMPLETE;
    this.failingExecutions = failingExecutions;
    this.executions = executions;
    this.sleepSetBlocked = sleepSetBlocked;
    this.prunedAlternatives = prunedAlternatives;
    this.depthCutExecutions = depthCutExecutions;
    this.maxDepth = maxDepth;
    this.decisionPoints = decisionPoints;
    this.wallTime = wallTime;
    this.reduction = reduction;
    this.split = split;
  }

  /** This worker's figures of a split search; {@link SplitFigures#NONE}-like zeros otherwise. */
  public SplitFigures split() {
    return split;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The bounds reached; empty unless the search was cut. Reported even alongside a failure. */
  public Set<Bound> boundsReached() {
    return boundsReached;
  }

  /**
   * Distinct failures (by kind and message) in the order found, each with the schedule of the
   * first execution that showed it. With {@code stopOnFirstFailure}, at most one.
   */
  public List<Failure> failures() {
    return failures;
  }

  public Optional<Failure> firstFailure() {
    return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
  }

  /** Executions that failed, duplicates included. */
  public long failingExecutions() {
    return failingExecutions;
  }

  /** Executions run, whatever their end (including pruned and cut ones). */
  public long executions() {
    return executions;
  }

  /**
   * Executions pruned by the reduction: started, then found redundant because every thread that
   * could run was in the sleep set (an equivalent execution was already explored).
   */
  public long prunedExecutions() {
    return sleepSetBlocked;
  }

  /**
   * Alternatives the reduction never started: at each decision point, the threads that could run
   * but were not explored from there, summed over all decision points.
   */
  public long prunedAlternatives() {
    return prunedAlternatives;
  }

  /** Executions cut by {@link SearchOptions#maxDepth()}. */
  public long depthCutExecutions() {
    return depthCutExecutions;
  }

  /** The most decisions taken by one execution. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Decision points (thread picks and data choices) created, i.e. nodes of the search tree. */
  public long decisionPoints() {
    return decisionPoints;
  }

  public Duration wallTime() {
    return wallTime;
  }

  public double executionsPerSecond() {
    double s = wallTime.toNanos() / 1e9;
    return s <= 0 ? 0 : executions / s;
  }

  public boolean reduction() {
    return reduction;
  }

  @Override
  public String toString() {
    return outcome
        + (boundsReached.isEmpty() ? "" : " " + boundsReached)
        + ": executions=" + executions
        + ", pruned=" + sleepSetBlocked
        + ", prunedAlternatives=" + prunedAlternatives
        + ", maxDepth=" + maxDepth
        + ", decisionPoints=" + decisionPoints
        + ", failing=" + failingExecutions
        + ", wall=" + wallTime.toMillis() + "ms"
        + String.format(", %.0f exec/s", executionsPerSecond())
        + (failures.isEmpty() ? "" : ", first failure: " + failures.get(0));
  }
}
