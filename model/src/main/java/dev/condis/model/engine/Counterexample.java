package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.event.NdisEvent;
import java.util.List;

/**
 * A violating execution: the property that failed, the schedule that reproduces it exactly
 * (explorer engine; JPF gives its own trace), and the NDIS events of that execution in
 * order, from which reports draw the sequence chart.
 */
public record Counterexample(
    Violation violation, String schedule, ImmutableList<NdisEvent> trace, String replayCommand) {

  public Counterexample(
      Violation violation, String schedule, List<NdisEvent> trace, String replayCommand) {
    this(violation, schedule, ImmutableList.copyOf(trace), replayCommand);
  }
}
