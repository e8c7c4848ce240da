package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The client's per-VC state (NdisCoCreateVc, or the client's ProtocolCoCreateVc for a CM/MCM-created VC). Drivers subclass it to hold their state. */
@PublicApi
public class ProtocolVcContext extends TrackedContext {
  public ProtocolVcContext(String tag) {
    super(ContextKind.PROTOCOL_VC_CONTEXT, tag);
  }
}
