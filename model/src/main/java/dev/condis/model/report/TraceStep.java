package dev.condis.model.report;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.event.NdisEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of a sequence chart: the event's position and thread, the actor column it goes in,
 * what happened, and how a diagram draws it. Both the text chart and the Mermaid diagram are
 * drawn from these rows, so they always show the same steps in the same order.
 *
 * <p>A handle use that NDIS found valid is not a row of its own: the NDIS call it belongs to
 * is. A handle use NDIS rejected is a row.
 */
public record TraceStep(long seq, String thread, Actor column, Kind kind, String text) {

  /** How a step is drawn: an arrow between the actor and NDIS, or a note over one column. */
  public enum Kind {
    /** A driver calls an Ndis* function: actor → NDIS. */
    CALL,
    /** The Ndis* function returns to the driver: NDIS ⇢ actor. */
    RETURN,
    /** NDIS enters a driver's handler: NDIS → actor. */
    HANDLER,
    /** The handler returns to NDIS: actor ⇢ NDIS. */
    HANDLER_RETURN,
    /** Bookkeeping NDIS or a driver did (requests, handles, contexts, notes). */
    NOTE,
    /** A rule broken. */
    VIOLATION
  }

  /** The rows for a trace, in trace order. */
  public static ImmutableList<TraceStep> of(List<NdisEvent> trace) {
    Set<Actor> actors = EnumSet.noneOf(Actor.class);
    for (NdisEvent e : trace) {
      actorOf(e, EnumSet.allOf(Actor.class)).ifPresent(actors::add);
    }
    ImmutableList.Builder<TraceStep> steps = ImmutableList.builder();
    for (NdisEvent e : trace) {
      TraceStep step = step(e, actors);
      if (step != null) {
        steps.add(step);
      }
    }
    return steps.build();
  }

  /**
   * The columns of a chart for these rows, in a fixed order: CLIENT, NDIS, CALL_MANAGER, MCM,
   * MINIPORT, NETWORK; CLIENT and NDIS always, the others when they act.
   */
  public static ImmutableList<Actor> columns(List<TraceStep> steps) {
    Set<Actor> used = EnumSet.of(Actor.CLIENT, Actor.NDIS);
    steps.forEach(s -> used.add(s.column()));
    ImmutableList.Builder<Actor> columns = ImmutableList.builder();
    for (Actor a :
        List.of(
            Actor.CLIENT,
            Actor.NDIS,
            Actor.CALL_MANAGER,
            Actor.MCM,
            Actor.MINIPORT,
            Actor.NETWORK)) {
      if (used.contains(a)) {
        columns.add(a);
      }
    }
    return columns.build();
  }

  private static java.util.Optional<Actor> actorOf(NdisEvent e, Set<Actor> present) {
    if (e instanceof NdisEvent.ApiCalled c) {
      return java.util.Optional.of(c.caller());
    } else if (e instanceof NdisEvent.ApiReturned r) {
      return java.util.Optional.of(r.caller());
    } else if (e instanceof NdisEvent.HandlerCalled h) {
      return java.util.Optional.of(h.callee());
    } else if (e instanceof NdisEvent.HandlerReturned h) {
      return java.util.Optional.of(h.callee());
    } else if (e instanceof NdisEvent.Note n) {
      return java.util.Optional.of(n.actor());
    } else if (e instanceof NdisEvent.HandleUsed u) {
      return java.util.Optional.of(u.user());
    }
    return java.util.Optional.empty();
  }

  private static TraceStep step(NdisEvent e, Set<Actor> present) {
    long seq = e.stamp().seq();
    String thread = e.stamp().thread();
    if (e instanceof NdisEvent.ApiCalled c) {
      return new TraceStep(seq, thread, c.caller(), Kind.CALL, c.api() + "(" + c.args() + ")");
    } else if (e instanceof NdisEvent.ApiReturned r) {
      return new TraceStep(
          seq, thread, r.caller(), Kind.RETURN, r.api() + " returned" + status(r.status()));
    } else if (e instanceof NdisEvent.HandlerCalled h) {
      return new TraceStep(
          seq, thread, h.callee(), Kind.HANDLER, h.handler() + "(" + h.args() + ")");
    } else if (e instanceof NdisEvent.HandlerReturned h) {
      return new TraceStep(
          seq, thread, h.callee(), Kind.HANDLER_RETURN, h.handler() + " returned" + status(h.status()));
    } else if (e instanceof NdisEvent.RequestOpened o) {
      return new TraceStep(seq, thread, Actor.NDIS, Kind.NOTE, "open " + o.token());
    } else if (e instanceof NdisEvent.RequestCompleted c) {
      return new TraceStep(
          seq,
          thread,
          Actor.NDIS,
          Kind.NOTE,
          "complete " + c.token() + " " + c.status() + (c.pended() ? " (pended)" : " (in-line)"));
    } else if (e instanceof NdisEvent.HandleIssued i) {
      return new TraceStep(
          seq, thread, Actor.NDIS, Kind.NOTE, "issue " + i.handle() + detail(i.detail()));
    } else if (e instanceof NdisEvent.HandleInvalidated i) {
      return new TraceStep(
          seq, thread, Actor.NDIS, Kind.NOTE, "invalidate " + i.handle() + detail(i.reason()));
    } else if (e instanceof NdisEvent.HandleUsed u) {
      return u.valid()
          ? null
          : new TraceStep(
              seq,
              thread,
              u.user(),
              Kind.VIOLATION,
              "uses dead handle " + u.handle() + " in " + u.api());
    } else if (e instanceof NdisEvent.ContextAllocated a) {
      return new TraceStep(
          seq, thread, owner(a.context(), present), Kind.NOTE, "allocate " + a.context());
    } else if (e instanceof NdisEvent.ContextReleased r) {
      return new TraceStep(
          seq,
          thread,
          owner(r.context(), present),
          Kind.NOTE,
          "release " + r.context() + detail(r.where()));
    } else if (e instanceof NdisEvent.RuleViolation v) {
      return new TraceStep(
          seq,
          thread,
          Actor.NDIS,
          Kind.VIOLATION,
          "VIOLATION " + v.ruleId() + " (" + v.category() + "): " + v.message());
    } else if (e instanceof NdisEvent.Note n) {
      return new TraceStep(seq, thread, n.actor(), Kind.NOTE, n.text());
    }
    return new TraceStep(seq, thread, Actor.NDIS, Kind.NOTE, String.valueOf(e));
  }

  /**
   * Which column a context's allocation is drawn in: the driver whose tracker allocated it
   * ({@link ContextRef#owner}); for a reference that names none, the driver that owns that kind.
   */
  private static Actor owner(ContextRef context, Set<Actor> present) {
    if (context.owner() != null) {
      return context.owner();
    }
    return switch (context.kind()) {
      case PROTOCOL_VC_CONTEXT, PROTOCOL_PARTY_CONTEXT -> Actor.CLIENT;
      case CALL_MGR_VC_CONTEXT, CALL_MGR_PARTY_CONTEXT ->
          present.contains(Actor.MCM) && !present.contains(Actor.CALL_MANAGER)
              ? Actor.MCM
              : Actor.CALL_MANAGER;
      case MINIPORT_VC_CONTEXT ->
          present.contains(Actor.MCM) && !present.contains(Actor.MINIPORT)
              ? Actor.MCM
              : Actor.MINIPORT;
      case CALL_PARAMETERS, CLOSE_DATA -> Actor.NDIS;
    };
  }

  private static String status(NdisStatus status) {
    return status == null ? "" : " " + status;
  }

  private static String detail(String detail) {
    return detail == null || detail.isBlank() ? "" : ": " + detail;
  }
}
