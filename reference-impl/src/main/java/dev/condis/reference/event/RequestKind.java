package dev.condis.reference.event;

import dev.condis.reference.PublicApi;

/** Each kind of outstanding request is a token consumed by exactly one completion (§1.4). */
@PublicApi
public enum RequestKind {
  MAKE_CALL,
  CLOSE_CALL,
  ADD_PARTY,
  DROP_PARTY,
  INCOMING_CALL,
  ACTIVATE_VC,
  DEACTIVATE_VC;

  /**
   * The rule that asks for exactly one completion of a request of this kind: GEN-7 for an
   * offered incoming call, GEN-6 for a VC activation or deactivation, GEN-2 for a client's
   * request that the call manager pended.
   */
  public String completionRule() {
    return switch (this) {
      case INCOMING_CALL -> "GEN-7";
      case ACTIVATE_VC, DEACTIVATE_VC -> "GEN-6";
      case MAKE_CALL, CLOSE_CALL, ADD_PARTY, DROP_PARTY -> "GEN-2";
    };
  }
}
