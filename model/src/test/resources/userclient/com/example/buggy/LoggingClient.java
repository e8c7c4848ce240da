package com.example.buggy;

import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;

/**
 * A user's client with a bug, compiled at test time and loaded with --client from its own
 * classpath: it is the reference client plus "logging" that reads the last party's context
 * after ProtocolClCloseCallComplete has released it (OQ-6, CLOSE-13: a use after close).
 */
public class LoggingClient extends ReferenceClient {
  @Override
  public void protocolClCloseCallComplete(
      NdisStatus status, ProtocolVcContext protocolVcContext, ProtocolPartyContext protocolPartyContext) {
    super.protocolClCloseCallComplete(status, protocolVcContext, protocolPartyContext);
    if (protocolPartyContext != null) {
      // The bug: the context was released by the close completion above.
      protocolPartyContext.touch("CLOSE-13", "LoggingClient.protocolClCloseCallComplete: log party");
    }
  }
}
