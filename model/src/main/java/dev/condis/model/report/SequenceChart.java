package dev.condis.model.report;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.event.NdisEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A counterexample as a text sequence chart: one row per step, in order, with the step
 * number, the thread that acted, and the step in its actor's column (CLIENT, NDIS,
 * CALL_MANAGER or MCM, MINIPORT, NETWORK).
 *
 * <pre>
 * step  thread    CLIENT                       NDIS                       MCM
 * ----  --------  ---------------------------  -------------------------  ---------------------
 *    4  client    call NdisClCloseCall(vc#1)
 *    5  client                                 open CLOSE_CALL#2[vc#1]
 *    6  client                                                            enter ProtocolCmCloseCall(...)
 * </pre>
 */
public final class SequenceChart {
  /** About how wide a chart gets: actor columns share what step and thread leave. */
  static final int TARGET_WIDTH = 160;
  /** Narrowest an actor column's wrap width gets however many actors act. */
  static final int MIN_ACTOR_COLUMN = 28;

  private SequenceChart() {}

  public static String render(List<NdisEvent> trace, int indent) {
    return renderSteps(TraceStep.of(trace), indent);
  }

  public static String renderSteps(List<TraceStep> steps, int indent) {
    ImmutableList<Actor> actors = TraceStep.columns(steps);
    List<String> header = new ArrayList<>();
    header.add("step");
    header.add("thread");
    actors.forEach(a -> header.add(a.name()));
    int[] caps = new int[header.size()];
    caps[0] = 6;
    caps[1] = 16;
    int actorCap = Math.max(MIN_ACTOR_COLUMN, (TARGET_WIDTH - 26) / actors.size() - 2);
    for (int i = 2; i < caps.length; i++) {
      caps[i] = actorCap;
    }
    Tables table = Tables.withHeader(header, caps);
    for (TraceStep step : steps) {
      String[] row = new String[header.size()];
      java.util.Arrays.fill(row, "");
      row[0] = Long.toString(step.seq());
      row[1] = step.thread();
      row[2 + actors.indexOf(step.column())] = cell(step);
      table.row(row);
    }
    return table.render(indent);
  }

  /** The text of a step in its column: the verb says what kind of step it is. */
  static String cell(TraceStep step) {
    return switch (step.kind()) {
      case CALL -> "call " + step.text();
      case HANDLER -> "enter " + step.text();
      case RETURN, HANDLER_RETURN, NOTE -> step.text();
      case VIOLATION -> "!! " + step.text();
    };
  }
}
