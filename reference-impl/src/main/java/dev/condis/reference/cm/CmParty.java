package dev.condis.reference.cm;

import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.NdisPartyHandle;

/**
 * The reference call manager's per-party state (CallMgrPartyContext), allocated in
 * ProtocolCmMakeCall (first party) or ProtocolCmAddParty and holding the NdisPartyHandle
 * (ADD-6). Guarded by the call manager's lock.
 */
final class CmParty extends CallMgrPartyContext {

  enum State {
    /** Make-call or add-party received, not completed. */
    ADDING,
    CONNECTED,
    /** ProtocolCmDropParty received (OQ-14: no incoming drop any more). */
    DROPPING
  }

  final CmVc vc;
  final NdisPartyHandle handle;
  State state = State.ADDING;
  /** The first party, which came with ProtocolCmMakeCall. */
  boolean firstParty;
  /** The completion that connected the party has returned (OQ-13). */
  boolean established;
  /** An incoming drop was dispatched for it (IDROP-1, OQ-14). */
  boolean incomingDropDispatched;

  CmParty(String tag, CmVc vc, NdisPartyHandle handle) {
    super(tag);
    this.vc = vc;
    this.handle = handle;
  }
}
