package dev.condis.explorer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Immutable settings of a search (and of a replay: steps and timeout). Build with {@link #builder()}. */
public final class SearchOptions {
  /** No progress for this long is a stuck thread, not a slow machine: an execution is ~1 ms. */
  public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

  public static final SearchOptions DEFAULTS = builder().build();

  private final long maxExecutions;
  private final int maxDepth;
  private final long maxStepsPerExecution;
  private final Duration timeBudget;
  private final Duration stallTimeout;
  private final boolean reduction;
  private final boolean stopOnFirstFailure;
  private final Split split;
  private final Long randomWalkSeed;
  private final int randomWalkers;
  private final int randomWalkShard;
  private final int randomWalkShards;
  private final ProgressListener progressListener;
  private final Duration progressInterval;
  private final ExecutionListener executionListener;

  private SearchOptions(Builder b) {
    maxExecutions = b.maxExecutions;
    maxDepth = b.maxDepth;
    maxStepsPerExecution = b.maxStepsPerExecution;
    timeBudget = b.timeBudget;
    stallTimeout = b.stallTimeout;
    reduction = b.reduction;
    stopOnFirstFailure = b.stopOnFirstFailure;
    split = b.split;
    randomWalkSeed = b.randomWalkSeed;
    randomWalkers = b.randomWalkers;
    randomWalkShard = b.randomWalkShard;
    randomWalkShards = b.randomWalkShards;
    progressListener = b.progressListener;
    progressInterval = b.progressInterval;
    executionListener = b.executionListener;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** At most this many executions; reaching it with work left is {@link Bound#MAX_EXECUTIONS}. */
  public long maxExecutions() {
    return maxExecutions;
  }

  /** At most this many decisions per execution; deeper executions are cut ({@link Bound#MAX_DEPTH}). */
  public int maxDepth() {
    return maxDepth;
  }

  /** Runtime calls allowed per execution; more is a {@link FailureKind#STEP_BOUND} failure. */
  public long maxStepsPerExecution() {
    return maxStepsPerExecution;
  }

  /** Wall-clock budget of the whole search, checked between executions; empty = none. */
  public Optional<Duration> timeBudget() {
    return Optional.ofNullable(timeBudget);
  }

  /**
   * The watchdog: the longest an execution may go without making progress (a runtime call that
   * reaches the scheduler: a scheduling point, a choice, a thread's end). More is a
   * {@link FailureKind#TIMEOUT} failure naming the stuck thread and its stack: a thread blocked
   * outside the runtime or looping without calling it. Progress-based, so a slow or loaded
   * machine does not trip it; empty = no watchdog (a replay paused in a debugger).
   */
  public Optional<Duration> stallTimeout() {
    return Optional.ofNullable(stallTimeout);
  }

  /** Partial-order reduction (DPOR with sleep sets) on; off explores every interleaving. */
  public boolean reduction() {
    return reduction;
  }

  public boolean stopOnFirstFailure() {
    return stopOnFirstFailure;
  }

  /** This search's share of a split search ({@link Split}); empty: the whole search. */
  public Optional<Split> split() {
    return Optional.ofNullable(split);
  }

  /**
   * Random walks with this seed instead of the depth-first search ({@link RandomWalk}): a bug
   * hunt, never COMPLETE; needs an execution bound or a time budget. Empty: the search.
   */
  public Optional<Long> randomWalkSeed() {
    return Optional.ofNullable(randomWalkSeed);
  }

  /**
   * Random walks: on how many threads at once. The walks are numbered, and walker k takes
   * numbers k, k + n, ...: the first failure (the lowest-numbered failing walk) and, with
   * {@link #stopOnFirstFailure()} or the execution bound, the execution count are the same for
   * any number; listeners are called from every walker.
   */
  public int randomWalkers() {
    return randomWalkers;
  }

  /**
   * Random walks: this search's shard (0-based) of {@link #randomWalkShards()}, a process of
   * its own: it runs the walks numbered {@code shard, shard + shards, ...} below the execution
   * bound, which stays the bound of the whole. The lowest failing walk of all the shards is the
   * one an unsharded search reports, and each shard's result names its own ({@code
   * split().failureUnit()}). Default 0 of 1.
   */
  public int randomWalkShard() {
    return randomWalkShard;
  }

  public int randomWalkShards() {
    return randomWalkShards;
  }

  public Optional<ProgressListener> progressListener() {
    return Optional.ofNullable(progressListener);
  }

  public Duration progressInterval() {
    return progressInterval;
  }

  public Optional<ExecutionListener> executionListener() {
    return Optional.ofNullable(executionListener);
  }

  @Override
  public String toString() {
    return "SearchOptions{maxExecutions=" + maxExecutions + ", maxDepth=" + maxDepth
        + ", maxStepsPerExecution=" + maxStepsPerExecution + ", timeBudget=" + timeBudget
        + ", stallTimeout=" + stallTimeout + ", reduction=" + reduction
        + ", stopOnFirstFailure=" + stopOnFirstFailure + (split == null ? "" : ", split=" + split)
        + (randomWalkSeed == null ? "" : ", randomWalkSeed=" + randomWalkSeed + ", randomWalkers=" + randomWalkers
            + ", randomWalkShard=" + randomWalkShard + "/" + randomWalkShards) + "}";
  }

  /** Mutable builder; every setter validates its argument. */
  public static final class Builder {
    private long maxExecutions = Long.MAX_VALUE;
    private int maxDepth = Integer.MAX_VALUE;
    private long maxStepsPerExecution = 1_000_000;
    private Duration timeBudget;
    private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
    private boolean reduction = true;
    private boolean stopOnFirstFailure = true;
    private Split split;
    private Long randomWalkSeed;
    private int randomWalkers = 1;
    private int randomWalkShard;
    private int randomWalkShards = 1;
    private ProgressListener progressListener;
    private Duration progressInterval = Duration.ofSeconds(1);
    private ExecutionListener executionListener;

    private Builder() {}

    private Builder(SearchOptions o) {
      maxExecutions = o.maxExecutions;
      maxDepth = o.maxDepth;
      maxStepsPerExecution = o.maxStepsPerExecution;
      timeBudget = o.timeBudget;
      stallTimeout = o.stallTimeout;
      reduction = o.reduction;
      stopOnFirstFailure = o.stopOnFirstFailure;
      split = o.split;
      randomWalkSeed = o.randomWalkSeed;
      randomWalkers = o.randomWalkers;
      randomWalkShard = o.randomWalkShard;
      randomWalkShards = o.randomWalkShards;
      progressListener = o.progressListener;
      progressInterval = o.progressInterval;
      executionListener = o.executionListener;
    }

    public Builder maxExecutions(long n) {
      maxExecutions = positive(n, "maxExecutions");
      return this;
    }

    public Builder maxDepth(int n) {
      maxDepth = (int) positive(n, "maxDepth");
      return this;
    }

    public Builder maxStepsPerExecution(long n) {
      maxStepsPerExecution = positive(n, "maxStepsPerExecution");
      return this;
    }

    /** The search budget; null for none. */
    public Builder timeBudget(Duration d) {
      timeBudget = d == null ? null : positive(d, "timeBudget");
      return this;
    }

    /** The watchdog's limit ({@link SearchOptions#stallTimeout()}); null for no watchdog. */
    public Builder stallTimeout(Duration d) {
      stallTimeout = d == null ? null : positive(d, "stallTimeout");
      return this;
    }

    public Builder reduction(boolean on) {
      reduction = on;
      return this;
    }

    public Builder stopOnFirstFailure(boolean stop) {
      stopOnFirstFailure = stop;
      return this;
    }

    /** This search's share of a split search; null for the whole search. */
    public Builder split(Split s) {
      split = s;
      return this;
    }

    /** Random walks with this seed ({@link SearchOptions#randomWalkSeed()}); null for the search. */
    public Builder randomWalk(Long seed) {
      randomWalkSeed = seed;
      return this;
    }

    /** Random walks with this seed on {@code walkers} threads ({@link SearchOptions#randomWalkers()}). */
    public Builder randomWalk(long seed, int walkers) {
      randomWalkSeed = seed;
      randomWalkers = (int) positive(walkers, "walkers");
      return this;
    }

    /** Random walks: shard {@code shard} (0-based) of {@code shards} ({@link SearchOptions#randomWalkShard()}). */
    public Builder randomWalkShard(int shard, int shards) {
      positive(shards, "shards");
      if (shard < 0 || shard >= shards) {
        throw new IllegalArgumentException("shard " + shard + " is not one of 0 to " + (shards - 1));
      }
      randomWalkShard = shard;
      randomWalkShards = shards;
      return this;
    }

    /** Null for none. */
    public Builder progressListener(ProgressListener l) {
      progressListener = l;
      return this;
    }

    public Builder progressInterval(Duration d) {
      progressInterval = positive(Objects.requireNonNull(d, "progressInterval"), "progressInterval");
      return this;
    }

    /** Null for none. */
    public Builder executionListener(ExecutionListener l) {
      executionListener = l;
      return this;
    }

    /** Throws {@link IllegalArgumentException} for random walks with a split or without an end. */
    public SearchOptions build() {
      if (randomWalkSeed != null && split != null) {
        throw new IllegalArgumentException("random walks cannot be split: they explore no tree to divide");
      }
      if (randomWalkSeed != null && maxExecutions == Long.MAX_VALUE && timeBudget == null) {
        throw new IllegalArgumentException("random walks need an execution bound or a time budget: they never end by themselves");
      }
      return new SearchOptions(this);
    }

    private static long positive(long n, String what) {
      if (n <= 0) {
        throw new IllegalArgumentException(what + " must be positive: " + n);
      }
      return n;
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
