package dev.condis.model.report;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.event.NdisEvent;
import java.util.List;

/**
 * A counterexample as a Mermaid {@code sequenceDiagram}: one participant per actor column,
 * calls and handler entries as solid arrows, returns as dashed arrows, NDIS bookkeeping,
 * notes and violations as notes over their column. Every message starts with the step
 * number and thread, e.g. {@code CLIENT->>NDIS: 4 [client] NdisClCloseCall(vc#1)}.
 */
public final class MermaidDiagram {
  private MermaidDiagram() {}

  public static String render(List<NdisEvent> trace) {
    return renderSteps(TraceStep.of(trace));
  }

  public static String renderSteps(List<TraceStep> steps) {
    StringBuilder out = new StringBuilder("sequenceDiagram\n");
    for (Actor a : TraceStep.columns(steps)) {
      out.append("    participant ").append(a.name()).append('\n');
    }
    for (TraceStep step : steps) {
      String label = step.seq() + " [" + step.thread() + "] " + step.text();
      String actor = step.column().name();
      boolean arrow = step.column() != Actor.NDIS;
      switch (step.kind()) {
        case CALL -> line(out, arrow ? actor + "->>NDIS" : null, actor, label);
        case RETURN -> line(out, arrow ? "NDIS-->>" + actor : null, actor, label);
        case HANDLER -> line(out, arrow ? "NDIS->>" + actor : null, actor, label);
        case HANDLER_RETURN -> line(out, arrow ? actor + "-->>NDIS" : null, actor, label);
        case NOTE -> line(out, null, actor, label);
        case VIOLATION -> line(out, null, actor, "!! " + label);
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String arrow, String actor, String label) {
    out.append("    ");
    if (arrow != null) {
      out.append(arrow);
    } else {
      out.append("Note over ").append(actor);
    }
    out.append(": ").append(escape(label)).append('\n');
  }

  /** Mermaid ends a statement at ';' and a line break; keep both out of message text. */
  static String escape(String text) {
    return text.replace("\r", " ").replace("\n", " ").replace(";", "#59;");
  }
}
