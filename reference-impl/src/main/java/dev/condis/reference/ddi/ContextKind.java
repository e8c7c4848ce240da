package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** What a tracked allocation is, in the digest's own names (condis-rules.md §1.3). */
@PublicApi
public enum ContextKind {
  PROTOCOL_VC_CONTEXT("ProtocolVcContext"),
  PROTOCOL_PARTY_CONTEXT("ProtocolPartyContext"),
  CALL_MGR_VC_CONTEXT("CallMgrVcContext"),
  CALL_MGR_PARTY_CONTEXT("CallMgrPartyContext"),
  MINIPORT_VC_CONTEXT("MiniportVcContext"),
  CALL_PARAMETERS("CallParameters"),
  CLOSE_DATA("CloseData");

  private final String ndisName;

  ContextKind(String ndisName) {
    this.ndisName = ndisName;
  }

  public String ndisName() {
    return ndisName;
  }
}
