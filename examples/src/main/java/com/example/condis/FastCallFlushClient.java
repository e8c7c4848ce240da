package com.example.condis;

import dev.condis.reference.ddi.NdisVcHandle;

/**
 * {@link PointToPointClient} with a bug only a fast call shows: a call whose NdisClMakeCall
 * returned SUCCESS at once has a send queued on the fast path, and the hang-up flushes it
 * before acknowledging. That is a send from inside ProtocolClIncomingCloseCall (ICLOSE-2). A
 * call manager that never hangs up a call it finished in-line never shows it.
 */
public class FastCallFlushClient extends PointToPointClient {

  @Override
  protected void hungUp(NdisVcHandle handle, boolean madeInLine) {
    if (madeInLine) {
      ndis().coSendNetBufferLists(handle);
    }
  }
}
