package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.context.ContextRef;
import dev.condis.reference.ndis.NdisStatus;

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
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof ApiCalled other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("ApiCalled", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, caller, api, args};
    }

    private static final String[] NAMES = {"stamp", "caller", "api", "args"};
  }

  /** An Ndis* function returned to its caller; {@code status} is null for VOID functions. */
  record ApiReturned(Stamp stamp, Actor caller, String api, NdisStatus status)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof ApiReturned other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("ApiReturned", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, caller, api, status};
    }

    private static final String[] NAMES = {"stamp", "caller", "api", "status"};
  }

  /** NDIS entered a driver's handler ({@code handler} is e.g. "ProtocolClCloseCallComplete"). */
  record HandlerCalled(Stamp stamp, Actor callee, String handler, String args)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof HandlerCalled other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("HandlerCalled", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, callee, handler, args};
    }

    private static final String[] NAMES = {"stamp", "callee", "handler", "args"};
  }

  /** A handler returned to NDIS; {@code status} is null for VOID handlers. */
  record HandlerReturned(Stamp stamp, Actor callee, String handler, NdisStatus status)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof HandlerReturned other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("HandlerReturned", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, callee, handler, status};
    }

    private static final String[] NAMES = {"stamp", "callee", "handler", "status"};
  }

  /** A request became outstanding. */
  record RequestOpened(Stamp stamp, RequestToken token) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof RequestOpened other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("RequestOpened", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, token};
    }

    private static final String[] NAMES = {"stamp", "token"};
  }

  /**
   * A request was consumed: {@code pended} says whether through the NDIS-driven completion
   * handler (the request had returned or will return PENDING) or through a final return.
   */
  record RequestCompleted(Stamp stamp, RequestToken token, NdisStatus status, boolean pended)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof RequestCompleted other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("RequestCompleted", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, token, status, pended};
    }

    private static final String[] NAMES = {"stamp", "token", "status", "pended"};
  }

  /** NDIS issued a handle ("vc#3", "party#5", "af#1", "sap#1"). */
  record HandleIssued(Stamp stamp, String handle, String detail) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof HandleIssued other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("HandleIssued", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, handle, detail};
    }

    private static final String[] NAMES = {"stamp", "handle", "detail"};
  }

  /** A handle stopped being valid, and why (e.g. "NdisCoDeleteVc returned SUCCESS"). */
  record HandleInvalidated(Stamp stamp, String handle, String reason) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof HandleInvalidated other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("HandleInvalidated", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, handle, reason};
    }

    private static final String[] NAMES = {"stamp", "handle", "reason"};
  }

  /** A driver passed a handle to NDIS; {@code valid} is false for a dead or unknown handle. */
  record HandleUsed(Stamp stamp, Actor user, String handle, String api, boolean valid)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof HandleUsed other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("HandleUsed", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, user, handle, api, valid};
    }

    private static final String[] NAMES = {"stamp", "user", "handle", "api", "valid"};
  }

  record ContextAllocated(Stamp stamp, ContextRef context) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof ContextAllocated other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("ContextAllocated", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, context};
    }

    private static final String[] NAMES = {"stamp", "context"};
  }

  record ContextReleased(Stamp stamp, ContextRef context, String where) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof ContextReleased other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("ContextReleased", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, context, where};
    }

    private static final String[] NAMES = {"stamp", "context", "where"};
  }

  /**
   * A rule broken, as NDIS or the context tracker saw it (unknown handle, PENDING given to a
   * complete function, a second completion, a touch after release, ...).
   */
  record RuleViolation(Stamp stamp, String ruleId, RuleCategory category, String message)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof RuleViolation other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("RuleViolation", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, ruleId, category, message};
    }

    private static final String[] NAMES = {"stamp", "ruleId", "category", "message"};
  }

  /** A note from a driver or the harness, shown in sequence charts (e.g. "network hangs up"). */
  record Note(Stamp stamp, Actor actor, String text) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof Note other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("Note", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {stamp, actor, text};
    }

    private static final String[] NAMES = {"stamp", "actor", "text"};
  }
}
