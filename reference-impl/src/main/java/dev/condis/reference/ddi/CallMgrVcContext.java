package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** The call manager's per-VC state. For an MCM this is also its MiniportVcContext: the MCM has one VC context. Drivers subclass it to hold their state. */
@PublicApi
public class CallMgrVcContext extends TrackedContext {
  public CallMgrVcContext(String tag) {
    super(ContextKind.CALL_MGR_VC_CONTEXT, tag);
  }
}
