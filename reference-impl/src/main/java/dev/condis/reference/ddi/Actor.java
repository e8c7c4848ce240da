package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The parties to the CoNDIS conversation (condis-rules.md §1.1), plus the harness's network. */
@PublicApi
public enum Actor {
  CLIENT,
  CALL_MANAGER,
  MCM,
  MINIPORT,
  NDIS,
  /** The remote side, driven by a scenario: incoming calls, hang-ups, leaves dropping. */
  NETWORK
}
