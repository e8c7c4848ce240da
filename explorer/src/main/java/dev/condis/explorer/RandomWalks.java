package dev.condis.explorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** A random-walk search ({@link SearchOptions#randomWalkSeed()}): its walkers, and their results as one. */
final class RandomWalks {
  private RandomWalks() {}

  /**
   * Random walks on {@link SearchOptions#randomWalkers()} walkers, each an engine of its own
   * on a thread of its own (this one for the first), numbered as {@link RandomWalk} says. The
   * failure reported is the lowest-numbered walk's, and with it the execution count is the
   * number of this shard's walks up to it: every one of them ran (explorer/README.md, "Random
   * walks"), so both are the same for any number of walkers.
   */
  static SearchResult search(Program program, SearchOptions options, long seed) {
    int shard = options.randomWalkShard();
    int shards = options.randomWalkShards();
    long stride = (long) shards * options.randomWalkers();
    // Walkers whose first walk is past the execution bound have none to run.
    long ofShard = options.maxExecutions() <= shard ? 0 : (options.maxExecutions() - shard - 1) / shards + 1;
    int n = (int) Math.min(options.randomWalkers(), ofShard);
    if (n == 0) {
      return new SearchResult(EnumSet.of(Bound.MAX_EXECUTIONS), List.of(), 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, false,
          new SearchResult.SplitFigures(0, 0, 0, -1));
    }
    AtomicLong lowestFailing = new AtomicLong(Long.MAX_VALUE);
    ProgressListener progress = options.progressListener().orElse(null);
    AtomicLongArray counts = new AtomicLongArray(n);
    Engine[] engines = new Engine[n];
    for (int k = 0; k < n; k++) {
      int mine = k;
      SearchOptions own = progress == null || n == 1 ? options : options.toBuilder()
          .progressListener((executions, elapsed) -> {
            counts.set(mine, executions);
            long sum = 0;
            for (int i = 0; i < n; i++) {
              sum += counts.get(i);
            }
            progress.onProgress(sum, elapsed);
          }).build();
      engines[k] = new Engine(program, own, null,
          new RandomWalk(seed, options.maxDepth(), shard + (long) shards * k, stride, lowestFailing));
    }
    long start = System.nanoTime();
    runAll(engines);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    List<Failure> failures = new ArrayList<>();
    EnumSet<Bound> bounds = EnumSet.noneOf(Bound.class);
    long executions = 0;
    long failing = 0;
    long depthCuts = 0;
    int maxDepth = 0;
    Engine first = null;
    for (Engine e : engines) {
      synchronized (e.lock) {
        bounds.addAll(e.bounds);
        executions += e.executions;
        failing += e.failingExecutions;
        depthCuts += e.depthCuts;
        maxDepth = Math.max(maxDepth, e.maxDepth);
        if (e.walk.firstFailing >= 0 && (first == null || e.walk.firstFailing < first.walk.firstFailing)) {
          first = e;
        }
      }
    }
    if (first != null) {
      failures.addAll(first.failures.values());
      for (Engine e : engines) {
        if (e != first) {
          e.failures.values().stream().filter(f -> !failures.contains(f)).forEach(failures::add);
        }
      }
      if (options.stopOnFirstFailure()) {
        failures.subList(1, failures.size()).clear();
        executions = walksUpTo(engines, first.walk.firstFailing);
        failing = 1;
        bounds.remove(Bound.MAX_EXECUTIONS); // a walker stopped at the bound past the failure
      }
    } else if (bounds.isEmpty()) {
      throw new IllegalStateException("explorer internal error: random walks ended without a failure or a bound");
    }
    return new SearchResult(bounds, failures, failing, executions, 0, 0, depthCuts, maxDepth, 0, wall, false,
        new SearchResult.SplitFigures(0, 0, 0, first == null ? -1 : first.walk.firstFailing));
  }

  /**
   * How many walks numbered up to {@code f} ran: those of this shard numbered up to {@code f}
   * ({@code f + 1} unsharded) unless the time budget stopped a walker before it got there.
   */
  private static long walksUpTo(Engine[] engines, long f) {
    long sum = 0;
    for (Engine e : engines) {
      synchronized (e.lock) {
        sum += Math.min(e.executions, e.walk.walksUpTo(f));
      }
    }
    return sum;
  }

  /** Runs the engines at once, the first on this thread; an internal error of any is thrown. */
  private static void runAll(Engine[] engines) {
    List<Thread> threads = new ArrayList<>();
    Throwable[] thrown = new Throwable[engines.length];
    for (int k = 1; k < engines.length; k++) {
      int mine = k;
      Thread t = new Thread(() -> {
        try {
          engines[mine].run();
        } catch (Throwable e) {
          thrown[mine] = e;
        }
      }, "condis-explorer-walker-" + k);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    try {
      engines[0].run();
    } finally {
      for (Thread t : threads) {
        joinUninterruptibly(t);
      }
    }
    for (Throwable e : thrown) {
      if (e instanceof RuntimeException r) {
        throw r;
      } else if (e != null) {
        throw new IllegalStateException("explorer internal error: " + e, e);
      }
    }
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
