package dev.condis.reference.ndis;

import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.ProtocolPartyContext;

/** NDIS's record of one party (one NdisPartyHandle). Touched only under the NDIS lock. */
final class PartyRecord {

  /** How the party came to be: the first party of NdisClMakeCall, or NdisClAddParty. */
  enum Origin {
    MAKE,
    ADD
  }

  /** Why a party is GONE, with the rule a later use of its handle breaks, per side. */
  enum End {
    MAKE_FAILED("MAKE-6", "MAKE-9"),
    ADD_FAILED("ADD-4", "ADD-4"),
    DROPPED("DROP-3", "DROP-7"),
    CLOSED("CLOSE-9", "CLOSE-9");

    final String clientRule;
    final String callManagerRule;

    End(String clientRule, String callManagerRule) {
      this.clientRule = clientRule;
      this.callManagerRule = callManagerRule;
    }
  }

  /** What the client passes a party handle to: the only two client functions that take one. */
  enum ClientUse {
    CLOSE,
    DROP
  }

  private final NdisPartyHandle handle;
  private final VcRecord vc;
  private final Origin origin;
  private final ProtocolPartyContext clientContext;
  private final RequestSlots requests = new RequestSlots();
  private CallMgrPartyContext callManagerContext;
  private PartyState state = PartyState.ADDING;
  private End end;
  /** OQ-5: a drop failed because this is the last party; the handle serves only the closing NdisClCloseCall. */
  private boolean reservedForClose;
  private boolean incomingDropDispatched;

  PartyRecord(NdisPartyHandle handle, VcRecord vc, Origin origin, ProtocolPartyContext clientContext) {
    this.handle = handle;
    this.vc = vc;
    this.origin = origin;
    this.clientContext = clientContext;
  }

  NdisPartyHandle handle() {
    return handle;
  }

  VcRecord vc() {
    return vc;
  }

  ProtocolPartyContext clientContext() {
    return clientContext;
  }

  CallMgrPartyContext callManagerContext() {
    return callManagerContext;
  }

  PartyState state() {
    return state;
  }

  RequestSlots requests() {
    return requests;
  }

  /** Why the party is GONE; null while it is not. */
  End endedBy() {
    return end;
  }

  boolean incomingDropDispatched() {
    return incomingDropDispatched;
  }

  void markIncomingDropDispatched() {
    incomingDropDispatched = true;
  }

  boolean attached() {
    return state == PartyState.CONNECTED || state == PartyState.DROPPING;
  }

  void connect(CallMgrPartyContext context) {
    callManagerContext = context;
    state = PartyState.CONNECTED;
    reservedForClose = false;
  }

  void startDrop() {
    state = PartyState.DROPPING;
  }

  /** A drop failed: attached again; with {@code lastParty}, usable only for the close (OQ-5). */
  void dropFailed(boolean lastParty) {
    state = PartyState.CONNECTED;
    reservedForClose = lastParty;
  }

  void end(End why) {
    state = PartyState.GONE;
    end = why;
  }

  /** Null if the client may pass this handle to {@code use}; otherwise the rule that use breaks. */
  String clientDeadRule(ClientUse use) {
    return switch (state) {
      case GONE -> end.clientRule;
      // During the make-call the client may not touch the call at all (MAKE-13); an added
      // party's handle is valid only once its add succeeded (ADD-4).
      case ADDING -> origin == Origin.MAKE ? "MAKE-13" : "ADD-4";
      case DROPPING -> use == ClientUse.DROP ? "DROP-11" : "DROP-3";
      case CONNECTED -> reservedForClose && use != ClientUse.CLOSE ? "DROP-3" : null;
    };
  }

  /** Null if the call manager may still use this handle; otherwise the rule a use breaks. */
  String callManagerDeadRule() {
    return state == PartyState.GONE ? end.callManagerRule : null;
  }
}
