package dev.condis.explorer;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Prints executions per second and what the reduction prunes, on the test corpus and on a
 * synthetic 3-thread, 30-step program. Not a test. Run from the repository root:
 *
 * <pre>mvn -q -pl explorer test-compile exec:java</pre>
 *
 * (optional argument: seconds per measurement, default 2). Each row repeats the search until
 * the time is up and reports the mean; the first round of every row is a discarded warm-up.
 * Without reduction a row may hit the time bound: its full/reduced ratio is then a lower bound.
 * Rows with one execution per search mostly measure the per-search set-up (~0.1 ms).
 */
public final class ExplorerBenchmark {
  private static final long FULL_CAP = 2_000_000;

  private ExplorerBenchmark() {}

  private record Row(String name, Supplier<Program> program, boolean stopOnFirstFailure) {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("independent 3x2", () -> Corpus.independent(3, 2), true));
    rows.add(new Row("lock orders k=4", () -> Corpus.lockOrders(4, s -> {}), true));
    rows.add(new Row("choose(3) in a thread", () -> Corpus.chooseInThread(s -> {}), true));
    rows.add(new Row("lost update (all)", () -> Corpus.lostUpdate(false, s -> {}), false));
    rows.add(new Row("ABBA (all)", () -> Corpus.abba(false, s -> {}), false));
    rows.add(new Row("philosophers 3 (all)", () -> Corpus.philosophers(3, false, s -> {}), false));
    rows.add(new Row("philosophers 3 fixed", () -> Corpus.philosophers(3, true, s -> {}), true));
    rows.add(new Row("philosophers 4 fixed", () -> Corpus.philosophers(4, true, s -> {}), true));
    rows.add(new Row("callback once", () -> Corpus.callbackOnce(true, s -> {}), true));
    rows.add(new Row("deferred chain", () -> Corpus.deferredChain(s -> {}), true));
    rows.add(new Row("synthetic 3 threads x 10 steps", ExplorerBenchmark::synthetic, true));

    System.out.printf(Locale.ROOT, "%d cores, load average %.1f, %.1f s per row%n",
        java.lang.Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), seconds);
    System.out.printf(Locale.ROOT, "%-32s %-4s %11s %7s %10s %9s %11s %s%n", "program", "red.",
        "executions", "pruned", "alt.pruned", "exec/s", "full/red.", "end");
    for (Row row : rows) {
      Measure on = measure(row, true, seconds);
      Measure off = measure(row, false, seconds);
      String ratio = off.result.boundsReached().isEmpty()
          ? String.format(Locale.ROOT, "%.1fx", (double) off.result.executions() / on.result.executions())
          : "> " + String.format(Locale.ROOT, "%.0fx", (double) off.result.executions() / on.result.executions());
      print(row.name, "on", on, ratio);
      print("", "off", off, "");
    }
  }

  private record Measure(SearchResult result, double perSecond) {}

  private static Measure measure(Row row, boolean reduction, double seconds) {
    SearchOptions o = SearchOptions.builder()
        .reduction(reduction)
        .stopOnFirstFailure(row.stopOnFirstFailure)
        .maxExecutions(FULL_CAP)
        .timeBudget(Duration.ofMillis((long) (seconds * 1000)))
        .build();
    SearchResult first = Explorer.explore(row.program.get(), o); // warm-up
    long executions = 0;
    long nanos = 0;
    SearchResult last = first;
    do {
      last = Explorer.explore(row.program.get(), o);
      executions += last.executions();
      nanos += last.wallTime().toNanos();
    } while (nanos < seconds * 1e9);
    return new Measure(last, executions / (nanos / 1e9));
  }

  private static void print(String name, String red, Measure m, String ratio) {
    SearchResult r = m.result;
    String end = r.outcome().toString().toLowerCase(Locale.ROOT)
        + (r.boundsReached().isEmpty() ? "" : " (time bound)");
    System.out.printf(Locale.ROOT, "%-32s %-4s %11d %7d %10d %9.0f %11s %s%n", name, red,
        r.executions(), r.prunedExecutions(), r.prunedAlternatives(), m.perSecond, ratio, end);
  }

  /**
   * 3 threads, 10 scheduling points each (5 critical sections over two locks, alternating and
   * shifted per thread): 30 steps in all.
   */
  static Program synthetic() {
    return rt -> {
      LockRef[] locks = {rt.newLock("A"), rt.newLock("B")};
      int[] counters = new int[2];
      for (int t = 0; t < 3; t++) {
        int id = t;
        rt.spawn("t" + t, () -> {
          for (int k = 0; k < 5; k++) {
            int l = (id + k) % 2;
            rt.acquire(locks[l]);
            counters[l]++;
            rt.release(locks[l]);
          }
        });
      }
    };
  }
}
