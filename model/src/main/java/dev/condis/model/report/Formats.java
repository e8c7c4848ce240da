package dev.condis.model.report;

import dev.condis.model.engine.Figures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How numbers, durations and figures read in text output. */
public final class Formats {
  private Formats() {}

  /** "1,234,567"; "?" for an unknown (negative) count. */
  public static String count(long n) {
    return n < 0 ? "?" : String.format(Locale.ROOT, "%,d", n);
  }

  /** "0.84 s", "12.3 s", "4 min 05 s". */
  public static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis < 10_000) {
      return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    } else if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = d.toSeconds();
    return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }

  /** "1,234 executions, 56 pruned, max depth 48, 0.84 s (1,469 executions/s)"; JPF adds states. */
  public static String figures(Figures f) {
    List<String> parts = new ArrayList<>();
    if (f.executions() >= 0) {
      parts.add(count(f.executions()) + " executions");
    }
    if (f.pruned() >= 0) {
      parts.add(count(f.pruned()) + " pruned");
    }
    if (f.states() >= 0) {
      parts.add(count(f.states()) + " states");
    }
    if (f.maxDepth() >= 0) {
      parts.add("max depth " + count(f.maxDepth()));
    }
    if (f.decisionPoints() >= 0) {
      parts.add(count(f.decisionPoints()) + " decision points");
    }
    String time = duration(f.wallTime());
    if (f.executions() > 0 && f.wallTime().toMillis() > 0) {
      time += " (" + count(Math.round(f.executionsPerSecond())) + " executions/s)";
    }
    parts.add(time);
    if (f.peakHeapMiB() >= 0) {
      parts.add("peak heap " + count(f.peakHeapMiB()) + " MiB");
    }
    return String.join(", ", parts);
  }
}
