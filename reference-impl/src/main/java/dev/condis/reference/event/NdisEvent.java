package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.rules.RuleCategory;

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
    private Object[] parts() { return new Object[] {stamp, caller, api, args}; }
    private static final String[] NAMES = {"stamp", "caller", "api", "args"};
    @Override public boolean equals(Object o) { return o instanceof ApiCalled r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("ApiCalled", NAMES, parts()); }
  }

  /** An Ndis* function returned to its caller; {@code status} is null for VOID functions. */
  record ApiReturned(Stamp stamp, Actor caller, String api, NdisStatus status)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, caller, api, status}; }
    private static final String[] NAMES = {"stamp", "caller", "api", "status"};
    @Override public boolean equals(Object o) { return o instanceof ApiReturned r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("ApiReturned", NAMES, parts()); }
  }

  /** NDIS entered a driver's handler ({@code handler} is e.g. "ProtocolClCloseCallComplete"). */
  record HandlerCalled(Stamp stamp, Actor callee, String handler, String args)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, callee, handler, args}; }
    private static final String[] NAMES = {"stamp", "callee", "handler", "args"};
    @Override public boolean equals(Object o) { return o instanceof HandlerCalled r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("HandlerCalled", NAMES, parts()); }
  }

  /** A handler returned to NDIS; {@code status} is null for VOID handlers. */
  record HandlerReturned(Stamp stamp, Actor callee, String handler, NdisStatus status)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, callee, handler, status}; }
    private static final String[] NAMES = {"stamp", "callee", "handler", "status"};
    @Override public boolean equals(Object o) { return o instanceof HandlerReturned r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("HandlerReturned", NAMES, parts()); }
  }

  /** A request became outstanding. */
  record RequestOpened(Stamp stamp, RequestToken token) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, token}; }
    private static final String[] NAMES = {"stamp", "token"};
    @Override public boolean equals(Object o) { return o instanceof RequestOpened r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("RequestOpened", NAMES, parts()); }
  }

  /**
   * A request was consumed: {@code pended} says whether through the NDIS-driven completion
   * handler (the request had returned or will return PENDING) or through a final return.
   */
  record RequestCompleted(Stamp stamp, RequestToken token, NdisStatus status, boolean pended)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, token, status, pended}; }
    private static final String[] NAMES = {"stamp", "token", "status", "pended"};
    @Override public boolean equals(Object o) { return o instanceof RequestCompleted r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("RequestCompleted", NAMES, parts()); }
  }

  /** NDIS issued a handle ("vc#3", "party#5", "af#1", "sap#1"). */
  record HandleIssued(Stamp stamp, NdisHandle handle, String detail) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, handle, detail}; }
    private static final String[] NAMES = {"stamp", "handle", "detail"};
    @Override public boolean equals(Object o) { return o instanceof HandleIssued r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("HandleIssued", NAMES, parts()); }
  }

  /** A handle stopped being valid, and why (e.g. "NdisCoDeleteVc returned SUCCESS"). */
  record HandleInvalidated(Stamp stamp, NdisHandle handle, String reason) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, handle, reason}; }
    private static final String[] NAMES = {"stamp", "handle", "reason"};
    @Override public boolean equals(Object o) { return o instanceof HandleInvalidated r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("HandleInvalidated", NAMES, parts()); }
  }

  /** A driver passed a handle to NDIS; {@code valid} is false for a dead or unknown handle. */
  record HandleUsed(Stamp stamp, Actor user, NdisHandle handle, String api, boolean valid)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, user, handle, api, valid}; }
    private static final String[] NAMES = {"stamp", "user", "handle", "api", "valid"};
    @Override public boolean equals(Object o) { return o instanceof HandleUsed r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("HandleUsed", NAMES, parts()); }
  }

  record ContextAllocated(Stamp stamp, ContextRef context) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, context}; }
    private static final String[] NAMES = {"stamp", "context"};
    @Override public boolean equals(Object o) { return o instanceof ContextAllocated r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("ContextAllocated", NAMES, parts()); }
  }

  record ContextReleased(Stamp stamp, ContextRef context, String where) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, context, where}; }
    private static final String[] NAMES = {"stamp", "context", "where"};
    @Override public boolean equals(Object o) { return o instanceof ContextReleased r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("ContextReleased", NAMES, parts()); }
  }

  /**
   * A rule broken, as NDIS or the context tracker saw it (unknown handle, PENDING given to a
   * complete function, a second completion, a touch after release, ...).
   */
  record RuleViolation(Stamp stamp, String ruleId, RuleCategory category, String message)
      implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, ruleId, category, message}; }
    private static final String[] NAMES = {"stamp", "ruleId", "category", "message"};
    @Override public boolean equals(Object o) { return o instanceof RuleViolation r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("RuleViolation", NAMES, parts()); }
  }

  /** A note from a driver or the harness, shown in sequence charts (e.g. "network hangs up"). */
  record Note(Stamp stamp, Actor actor, String text) implements NdisEvent {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {stamp, actor, text}; }
    private static final String[] NAMES = {"stamp", "actor", "text"};
    @Override public boolean equals(Object o) { return o instanceof Note r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("Note", NAMES, parts()); }
  }
}
