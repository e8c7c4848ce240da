package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;

/**
 * The call-lifecycle state NDIS keeps for a VC (condis-rules.md §1.4). Activation is tracked
 * separately ({@link VcActivation}), because it overlaps the call states.
 *
 * <p>Client-created: {@code CREATED → MAKING → ACTIVE → CLOSING → IDLE_DEACTIVATED}, a failed
 * make-call {@code MAKING → IDLE_DEACTIVATED}, and from {@code IDLE_DEACTIVATED} back to
 * {@code MAKING} (CLOSE-16, OQ-21) or {@code DELETED}.
 *
 * <p>CM/MCM-created: {@code CREATED → ACTIVATED → OFFERED → ACCEPTED → CONNECTED → CLOSING →
 * IDLE_DEACTIVATED}, or {@code OFFERED → REJECTED → IDLE_DEACTIVATED} once deactivated; from
 * {@code IDLE_DEACTIVATED} back to {@code ACTIVATED} for a new offer (VC-17) or {@code DELETED}.
 */
@PublicApi
public enum VcState {
  /** Created; no call has been made or offered on it yet. */
  CREATED,
  /** An NdisClMakeCall is outstanding. */
  MAKING,
  /** Outgoing call established (make-call completed with SUCCESS). */
  ACTIVE,
  /** NdisClCloseCall accepted by NDIS, ProtocolCmCloseCall called, close not yet completed. */
  CLOSING,
  /** No call: the last one closed with SUCCESS, a make-call failed, or a rejected offer was deactivated. */
  IDLE_DEACTIVATED,
  /** CM/MCM-created and activated, ready to be offered. */
  ACTIVATED,
  /** Ndis(M)CmDispatchIncomingCall delivered; the client has not answered yet. */
  OFFERED,
  /** The client accepted the offer; connected or incoming close must follow (INCALL-5). */
  ACCEPTED,
  /** The client rejected the offer; the CM deactivates, then deletes or re-offers (INCALL-7). */
  REJECTED,
  /** ProtocolClCallConnected delivered: data may flow (INCALL-6). */
  CONNECTED,
  /** Deleted with SUCCESS, or its creation failed: the handle is dead (VC-7). */
  DELETED;

  /** Whether a call is up or being set up or torn down, so the VC may not be deleted (VC-5). */
  public boolean hasCall() {
    return switch (this) {
      case MAKING, ACTIVE, CLOSING, OFFERED, ACCEPTED, CONNECTED -> true;
      default -> false;
    };
  }
}
