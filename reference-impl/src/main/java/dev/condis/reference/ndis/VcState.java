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

  /**
   * The rule an NdisClMakeCall on the client's own VC in this state breaks, or null if a call
   * may be made: not while one is being made (MAKE-13), nor on a call up or closing (CLOSE-16).
   * A switch is safe here, not in the routers: this class makes no invokedynamic call whose JPF
   * class name the switch map's could take (jpf-config/README.md, Known JPF limitations).
   */
  String makeCallRule() {
    return switch (this) {
      case CREATED, IDLE_DEACTIVATED -> null;
      case MAKING -> "MAKE-13";
      case ACTIVE, CLOSING -> "CLOSE-16";
      default -> "MAKE-1";
    };
  }

  /**
   * The rule an NdisClCloseCall in this state breaks, or null if the call may be closed: an
   * offer not yet connected (INCALL-5), a rejected one (INCALL-8), no call or a second close
   * (CLOSE-17). An accepted offer may be closed once the network closed it (the router checks).
   */
  String closeCallRule() {
    return switch (this) {
      case ACTIVE, CONNECTED -> null;
      case ACCEPTED, OFFERED -> "INCALL-5";
      case REJECTED -> "INCALL-8";
      default -> "CLOSE-17";
    };
  }

  /**
   * The rule an incoming close dispatched in this state breaks, or null if a call is there to
   * close: an offer the client has not answered (INCALL-9), a make-call not yet completed
   * (MAKE-13), a rejected offer (INCALL-8), no call any more (ICLOSE-10).
   */
  String incomingCloseRule() {
    return switch (this) {
      case ACTIVE, ACCEPTED, CONNECTED, CLOSING -> null;
      case OFFERED -> "INCALL-9";
      case MAKING -> "MAKE-13";
      case REJECTED -> "INCALL-8";
      default -> "ICLOSE-10";
    };
  }

  /** Whether a call is up or being set up or torn down, so the VC may not be deleted (VC-5). */
  public boolean hasCall() {
    return switch (this) {
      case MAKING, ACTIVE, CLOSING, OFFERED, ACCEPTED, CONNECTED -> true;
      default -> false;
    };
  }
}
