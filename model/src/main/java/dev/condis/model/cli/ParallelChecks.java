package dev.condis.model.cli;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import dev.condis.model.engine.VerificationResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The scenario instances of one {@code verify}, checked by up to {@code workers} threads and
 * handed back in submission order, so the report reads the same for any number of workers.
 * One worker checks each instance when it is asked for, on the caller's thread, as before
 * {@code --workers} existed. Instances are independent searches (each its own explorer, its own
 * state cache), so running several at once changes no verdict, counterexample or figure.
 */
final class ParallelChecks implements AutoCloseable {
  private final ExecutorService pool;
  private final Deque<Supplier<VerificationResult>> inline = new ArrayDeque<>();
  private final Deque<Future<VerificationResult>> running = new ArrayDeque<>();

  ParallelChecks(int workers) {
    if (workers <= 1) {
      pool = null;
      return;
    }
    pool = Executors.newFixedThreadPool(workers, new ThreadFactoryBuilder()
        .setNameFormat("condis-verify-worker-%d").setDaemon(true).build());
  }

  void submit(Supplier<VerificationResult> check) {
    if (pool == null) {
      inline.add(check);
    } else {
      running.add(pool.submit(check::get));
    }
  }

  /** The next instance's result, in submission order; its failure is rethrown as it was thrown. */
  VerificationResult next() {
    if (pool == null) {
      return inline.remove().get();
    }
    Future<VerificationResult> f = running.remove();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while waiting for a scenario's check", e);
    } catch (ExecutionException e) {
      close();
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stops the checks not asked for yet (after a failure that ends the run). */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
