package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.property.Violation;
import dev.condis.reference.event.NdisEvent;
import java.util.List;
import java.util.Optional;

/**
 * A violating execution: the property that failed, the schedule that reproduces it exactly
 * (explorer engine; JPF gives its own trace), and the NDIS events of that execution in
 * order, from which reports draw the sequence chart. {@code sources} gives, by event sequence
 * number, the driver source line behind an event where the replay captured it (explorer
 * engine only).
 */
public record Counterexample(
    Violation violation,
    String schedule,
    ImmutableList<NdisEvent> trace,
    String replayCommand,
    ImmutableMap<Long, SourceFrame> sources) {

  public Counterexample(
      Violation violation, String schedule, List<NdisEvent> trace, String replayCommand) {
    this(violation, schedule, ImmutableList.copyOf(trace), replayCommand, ImmutableMap.of());
  }

  public Counterexample(
      Violation violation,
      String schedule,
      List<NdisEvent> trace,
      String replayCommand,
      ImmutableMap<Long, SourceFrame> sources) {
    this(violation, schedule, ImmutableList.copyOf(trace), replayCommand, sources);
  }

  /** The driver source line behind the event numbered {@code seq}, if the replay captured it. */
  public Optional<SourceFrame> source(long seq) {
    return Optional.ofNullable(sources.get(seq));
  }
}
