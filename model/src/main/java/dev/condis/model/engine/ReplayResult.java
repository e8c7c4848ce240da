package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.property.Violation;
import dev.condis.reference.event.NdisEvent;
import java.util.List;
import java.util.Optional;

/**
 * One execution re-run along a schedule (the explorer engine's replay): its NDIS events in
 * order, the violation it ended in (if any; a deadlock, an escaped exception or a runaway
 * execution are reported as violations of {@code deadlock}, {@code no-uncaught-exception} and
 * {@code livelock}), and, if the program left the schedule, where and how ({@code
 * divergence}). {@code followed} is the schedule the execution actually took. {@code sources}
 * maps an event's sequence number to the driver source line that caused it, where the
 * replay could capture one ({@link SourceFrame}).
 */
public record ReplayResult(
    String schedule,
    String followed,
    ImmutableList<NdisEvent> trace,
    Optional<Violation> violation,
    Optional<String> divergence,
    Optional<String> error,
    ImmutableMap<Long, SourceFrame> sources) {

  public ReplayResult(
      String schedule,
      String followed,
      List<NdisEvent> trace,
      Optional<Violation> violation,
      Optional<String> divergence,
      Optional<String> error) {
    this(schedule, followed, ImmutableList.copyOf(trace), violation, divergence, error, ImmutableMap.of());
  }

  public boolean diverged() {
    return divergence.isPresent();
  }

  /**
   * Empty when this replay of a counterexample reproduced {@code expected}; otherwise what
   * the report says about it (the search's or a shard's violation did not come back).
   */
  public Optional<String> mismatch(Violation expected) {
    if (!diverged() && violation.equals(Optional.of(expected))) {
      return Optional.empty();
    }
    return Optional.of("the counterexample did not replay to the same violation"
        + divergence.map(d -> " (diverged: " + d + ")").orElse("")
        + "; replay gave " + violation.map(Violation::toString).orElse("no violation"));
  }
}
