package dev.condis.reference.context;

/** The call manager's per-party state (ProtocolCmMakeCall for the first party, ProtocolCmAddParty). Drivers subclass it to hold their state. */
public class CallMgrPartyContext extends TrackedContext {
  public CallMgrPartyContext(String tag) {
    super(ContextKind.CALL_MGR_PARTY_CONTEXT, tag);
  }
}
