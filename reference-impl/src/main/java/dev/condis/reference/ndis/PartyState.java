package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;

/**
 * A party's state (condis-rules.md §1.4): {@code ADDING → CONNECTED → DROPPING → GONE},
 * {@code ADDING → GONE} on a failed make-call or add-party, {@code DROPPING → CONNECTED} when a
 * drop fails (OQ-5, DROP-12), and {@code CONNECTED → GONE} through a successful close.
 */
@PublicApi
public enum PartyState {
  /** Its NdisClMakeCall (first party) or NdisClAddParty is outstanding. */
  ADDING,
  CONNECTED,
  /** Its NdisClDropParty is outstanding. */
  DROPPING,
  /** Dropped, closed, or its make/add failed: the handle is dead. */
  GONE
}
