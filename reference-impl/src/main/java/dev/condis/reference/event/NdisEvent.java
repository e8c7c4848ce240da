package dev.condis.reference.event;

import dev.condis.reference.context.ContextRef;
import dev.condis.reference.ndis.NdisStatus;

/**
 * Everything the emulated NDIS sees, as typed immutable values. Properties are listeners on
 * this stream. NDIS emits every event that concerns its own state while holding its lock, so
 * the order a listener sees is the order the checked program established.
 */
public sealed interface NdisEvent {
  Stamp stamp();

  /** A driver called an Ndis* function ({@code api} is e.g. "NdisClCloseCall"). */
  record ApiCalled(Stamp stamp, Actor caller, String api, String args) implements NdisEvent {}

  /** An Ndis* function returned to its caller; {@code status} is null for VOID functions. */
  record ApiReturned(Stamp stamp, Actor caller, String api, NdisStatus status)
      implements NdisEvent {}

  /** NDIS entered a driver's handler ({@code handler} is e.g. "ProtocolClCloseCallComplete"). */
  record HandlerCalled(Stamp stamp, Actor callee, String handler, String args)
      implements NdisEvent {}

  /** A handler returned to NDIS; {@code status} is null for VOID handlers. */
  record HandlerReturned(Stamp stamp, Actor callee, String handler, NdisStatus status)
      implements NdisEvent {}

  /** A request became outstanding. */
  record RequestOpened(Stamp stamp, RequestToken token) implements NdisEvent {}

  /**
   * A request was consumed: {@code pended} says whether through the NDIS-driven completion
   * handler (the request had returned or will return PENDING) or through a final return.
   */
  record RequestCompleted(Stamp stamp, RequestToken token, NdisStatus status, boolean pended)
      implements NdisEvent {}

  /** NDIS issued a handle ("vc#3", "party#5", "af#1", "sap#1"). */
  record HandleIssued(Stamp stamp, String handle, String detail) implements NdisEvent {}

  /** A handle stopped being valid, and why (e.g. "NdisCoDeleteVc returned SUCCESS"). */
  record HandleInvalidated(Stamp stamp, String handle, String reason) implements NdisEvent {}

  /** A driver passed a handle to NDIS; {@code valid} is false for a dead or unknown handle. */
  record HandleUsed(Stamp stamp, Actor user, String handle, String api, boolean valid)
      implements NdisEvent {}

  record ContextAllocated(Stamp stamp, ContextRef context) implements NdisEvent {}

  record ContextReleased(Stamp stamp, ContextRef context, String where) implements NdisEvent {}

  /**
   * A rule broken, as NDIS or the context tracker saw it (unknown handle, PENDING given to a
   * complete function, a second completion, a touch after release, ...).
   */
  record RuleViolation(Stamp stamp, String ruleId, RuleCategory category, String message)
      implements NdisEvent {}

  /** A note from a driver or the harness, shown in sequence charts (e.g. "network hangs up"). */
  record Note(Stamp stamp, Actor actor, String text) implements NdisEvent {}
}
