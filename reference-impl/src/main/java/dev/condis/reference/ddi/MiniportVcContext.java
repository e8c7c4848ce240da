package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The CoNDIS miniport's per-VC state under a stand-alone call manager (MiniportCoCreateVc). Drivers subclass it to hold their state. */
@PublicApi
public class MiniportVcContext extends TrackedContext {
  public MiniportVcContext(String tag) {
    super(ContextKind.MINIPORT_VC_CONTEXT, tag);
  }
}
