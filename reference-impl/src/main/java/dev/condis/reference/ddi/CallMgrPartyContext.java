package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The call manager's per-party state (ProtocolCmMakeCall for the first party, ProtocolCmAddParty). Drivers subclass it to hold their state. */
@PublicApi
public class CallMgrPartyContext extends TrackedContext {
  public CallMgrPartyContext(String tag) {
    super(ContextKind.CALL_MGR_PARTY_CONTEXT, tag);
  }
}
