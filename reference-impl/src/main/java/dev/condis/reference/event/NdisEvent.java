package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.ContextRef;
import dev.condis.reference.ndis.NdisStatus;
import java.util.Objects;

/**
 * Everything the emulated NDIS sees, as typed immutable values. Properties are listeners on
 * this stream. NDIS emits every event that concerns its own state while holding its lock, so
 * the order a listener sees is the order the checked program established.
 */
@PublicApi
public sealed interface NdisEvent {
  Stamp stamp();

  /** A driver called an Ndis* function ({@code api} is e.g. "NdisClCloseCall"). */
  record ApiCalled(Stamp stamp, Actor caller, String api, String args) implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof ApiCalled other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(caller, other.caller)
          && Objects.equals(api, other.api)
          && Objects.equals(args, other.args);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(caller);
      h = 31 * h + Objects.hashCode(api);
      h = 31 * h + Objects.hashCode(args);
      return h;
    }

    @Override
    public String toString() {
      return "ApiCalled[stamp=" + stamp
          + ", caller=" + caller
          + ", api=" + api
          + ", args=" + args
          + "]";
    }
  }

  /** An Ndis* function returned to its caller; {@code status} is null for VOID functions. */
  record ApiReturned(Stamp stamp, Actor caller, String api, NdisStatus status)
      implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof ApiReturned other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(caller, other.caller)
          && Objects.equals(api, other.api)
          && Objects.equals(status, other.status);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(caller);
      h = 31 * h + Objects.hashCode(api);
      h = 31 * h + Objects.hashCode(status);
      return h;
    }

    @Override
    public String toString() {
      return "ApiReturned[stamp=" + stamp
          + ", caller=" + caller
          + ", api=" + api
          + ", status=" + status
          + "]";
    }
  }

  /** NDIS entered a driver's handler ({@code handler} is e.g. "ProtocolClCloseCallComplete"). */
  record HandlerCalled(Stamp stamp, Actor callee, String handler, String args)
      implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof HandlerCalled other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(callee, other.callee)
          && Objects.equals(handler, other.handler)
          && Objects.equals(args, other.args);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(callee);
      h = 31 * h + Objects.hashCode(handler);
      h = 31 * h + Objects.hashCode(args);
      return h;
    }

    @Override
    public String toString() {
      return "HandlerCalled[stamp=" + stamp
          + ", callee=" + callee
          + ", handler=" + handler
          + ", args=" + args
          + "]";
    }
  }

  /** A handler returned to NDIS; {@code status} is null for VOID handlers. */
  record HandlerReturned(Stamp stamp, Actor callee, String handler, NdisStatus status)
      implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof HandlerReturned other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(callee, other.callee)
          && Objects.equals(handler, other.handler)
          && Objects.equals(status, other.status);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(callee);
      h = 31 * h + Objects.hashCode(handler);
      h = 31 * h + Objects.hashCode(status);
      return h;
    }

    @Override
    public String toString() {
      return "HandlerReturned[stamp=" + stamp
          + ", callee=" + callee
          + ", handler=" + handler
          + ", status=" + status
          + "]";
    }
  }

  /** A request became outstanding. */
  record RequestOpened(Stamp stamp, RequestToken token) implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof RequestOpened other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(token, other.token);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(token);
      return h;
    }

    @Override
    public String toString() {
      return "RequestOpened[stamp=" + stamp + ", token=" + token + "]";
    }
  }

  /**
   * A request was consumed: {@code pended} says whether through the NDIS-driven completion
   * handler (the request had returned or will return PENDING) or through a final return.
   */
  record RequestCompleted(Stamp stamp, RequestToken token, NdisStatus status, boolean pended)
      implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof RequestCompleted other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(token, other.token)
          && Objects.equals(status, other.status)
          && pended == other.pended;
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(token);
      h = 31 * h + Objects.hashCode(status);
      h = 31 * h + Boolean.hashCode(pended);
      return h;
    }

    @Override
    public String toString() {
      return "RequestCompleted[stamp=" + stamp
          + ", token=" + token
          + ", status=" + status
          + ", pended=" + pended
          + "]";
    }
  }

  /** NDIS issued a handle ("vc#3", "party#5", "af#1", "sap#1"). */
  record HandleIssued(Stamp stamp, String handle, String detail) implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof HandleIssued other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(handle, other.handle)
          && Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(handle);
      h = 31 * h + Objects.hashCode(detail);
      return h;
    }

    @Override
    public String toString() {
      return "HandleIssued[stamp=" + stamp + ", handle=" + handle + ", detail=" + detail + "]";
    }
  }

  /** A handle stopped being valid, and why (e.g. "NdisCoDeleteVc returned SUCCESS"). */
  record HandleInvalidated(Stamp stamp, String handle, String reason) implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof HandleInvalidated other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(handle, other.handle)
          && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(handle);
      h = 31 * h + Objects.hashCode(reason);
      return h;
    }

    @Override
    public String toString() {
      return "HandleInvalidated[stamp=" + stamp + ", handle=" + handle + ", reason=" + reason + "]";
    }
  }

  /** A driver passed a handle to NDIS; {@code valid} is false for a dead or unknown handle. */
  record HandleUsed(Stamp stamp, Actor user, String handle, String api, boolean valid)
      implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof HandleUsed other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(user, other.user)
          && Objects.equals(handle, other.handle)
          && Objects.equals(api, other.api)
          && valid == other.valid;
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(user);
      h = 31 * h + Objects.hashCode(handle);
      h = 31 * h + Objects.hashCode(api);
      h = 31 * h + Boolean.hashCode(valid);
      return h;
    }

    @Override
    public String toString() {
      return "HandleUsed[stamp=" + stamp
          + ", user=" + user
          + ", handle=" + handle
          + ", api=" + api
          + ", valid=" + valid
          + "]";
    }
  }

  record ContextAllocated(Stamp stamp, ContextRef context) implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof ContextAllocated other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(context, other.context);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(context);
      return h;
    }

    @Override
    public String toString() {
      return "ContextAllocated[stamp=" + stamp + ", context=" + context + "]";
    }
  }

  record ContextReleased(Stamp stamp, ContextRef context, String where) implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof ContextReleased other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(context, other.context)
          && Objects.equals(where, other.where);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(context);
      h = 31 * h + Objects.hashCode(where);
      return h;
    }

    @Override
    public String toString() {
      return "ContextReleased[stamp=" + stamp + ", context=" + context + ", where=" + where + "]";
    }
  }

  /**
   * A rule broken, as NDIS or the context tracker saw it (unknown handle, PENDING given to a
   * complete function, a second completion, a touch after release, ...).
   */
  record RuleViolation(Stamp stamp, String ruleId, RuleCategory category, String message)
      implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof RuleViolation other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(ruleId, other.ruleId)
          && Objects.equals(category, other.category)
          && Objects.equals(message, other.message);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(ruleId);
      h = 31 * h + Objects.hashCode(category);
      h = 31 * h + Objects.hashCode(message);
      return h;
    }

    @Override
    public String toString() {
      return "RuleViolation[stamp=" + stamp
          + ", ruleId=" + ruleId
          + ", category=" + category
          + ", message=" + message
          + "]";
    }
  }

  /** A note from a driver or the harness, shown in sequence charts (e.g. "network hangs up"). */
  record Note(Stamp stamp, Actor actor, String text) implements NdisEvent {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof Note other
          && Objects.equals(stamp, other.stamp)
          && Objects.equals(actor, other.actor)
          && Objects.equals(text, other.text);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(stamp);
      h = 31 * h + Objects.hashCode(actor);
      h = 31 * h + Objects.hashCode(text);
      return h;
    }

    @Override
    public String toString() {
      return "Note[stamp=" + stamp + ", actor=" + actor + ", text=" + text + "]";
    }
  }
}
