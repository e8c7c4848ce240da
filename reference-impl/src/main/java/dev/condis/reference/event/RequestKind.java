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
  DEACTIVATE_VC
}
