package dev.condis.reference.ndis;

import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;

/**
 * One outstanding request and how it was consumed. Lives in the {@link RequestSlots} of the VC
 * or party it concerns; touched only under the NDIS lock.
 */
final class Request {
  final RequestToken token;
  final RequestSlots slots;
  final VcRecord vc;
  /** The party the request is about (the make-call's first party, the added or dropped party, the closing last party), or null. */
  final PartyRecord party;
  private boolean consumed;
  private boolean pended;

  Request(RequestToken token, RequestSlots slots, VcRecord vc, PartyRecord party) {
    this.token = token;
    this.slots = slots;
    this.vc = vc;
    this.party = party;
  }

  RequestKind kind() {
    return token.kind();
  }

  boolean consumed() {
    return consumed;
  }

  /** True if consumed through an Ndis(M)CmXxxComplete-style call, false if by a final return. */
  boolean pended() {
    return pended;
  }

  void markConsumed(boolean byCompletion) {
    this.consumed = true;
    this.pended = byCompletion;
  }
}
