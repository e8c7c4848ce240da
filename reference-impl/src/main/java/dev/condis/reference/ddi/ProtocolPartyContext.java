package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The client's per-party state (NdisClMakeCall for the first party, NdisClAddParty). Drivers subclass it to hold their state. */
@PublicApi
public class ProtocolPartyContext extends TrackedContext {
  public ProtocolPartyContext(String tag) {
    super(ContextKind.PROTOCOL_PARTY_CONTEXT, tag);
  }
}
