package dev.condis.reference.client;

import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.ProtocolPartyContext;

/**
 * The reference client's per-party state (ProtocolPartyContext), for the first party of a
 * multipoint NdisClMakeCall or an NdisClAddParty. Guarded by the client's lock.
 */
final class ClientParty extends ProtocolPartyContext {

  /** §1.4: ADDING → CONNECTED → DROPPING → GONE. */
  enum State {
    ADDING,
    CONNECTED,
    DROPPING,
    GONE
  }

  final ClientVc vc;
  /** Valid only once the make-call or add-party completed with SUCCESS (MAKE-6, ADD-4). */
  NdisPartyHandle handle;
  State state = State.ADDING;
  /** ProtocolClIncomingDropParty arrived for it: one acknowledgement owed (IDROP-2). */
  boolean remoteDropped;
  /** The drop data lent to the outstanding NdisClDropParty (OQ-18). */
  CloseData dropData;

  ClientParty(String tag, ClientVc vc) {
    super(tag);
    this.vc = vc;
  }
}
