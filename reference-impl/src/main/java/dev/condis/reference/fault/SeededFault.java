package dev.condis.reference.fault;

import dev.condis.reference.PublicApi;
import dev.condis.reference.rules.RuleCategory;

/**
 * The catalog of faults seeded in the reference drivers, each off by default and switched on
 * by name ({@code --inject NAME}). Each entry names the rule it breaks, that rule's category,
 * and the property (by id) that must catch it.
 *
 * <p>Property ids: {@code exactly-once-completion}, {@code no-use-after-close}, {@code
 * no-leak}, {@code status-discipline}, {@code call-ordering}, {@code deadlock}.
 */
@PublicApi
public enum SeededFault {
  // ---- DOUBLE_COMPLETE: exactly-once-completion -------------------------------------------

  /**
   * The MCM calls NdisMCmCloseCallComplete twice for one pended close. Shows whenever the MCM
   * pends a close ({@code mcm.closeCall.pend} = 1 or 2): NDIS sees a second completion of the
   * CLOSE_CALL token.
   */
  MCM_DOUBLE_CLOSE_COMPLETE(
      "GEN-2",
      RuleCategory.DOUBLE_COMPLETE,
      "exactly-once-completion",
      "The MCM completes a pended close twice (NdisMCmCloseCallComplete called again)."),

  /**
   * The stand-alone CM returns SUCCESS from ProtocolCmMakeCall and then also calls
   * NdisCmMakeCallComplete from a deferred call. Shows on an inline make-call ({@code
   * cm.makeCall.pend} = 0 with the activation inline, {@code miniport.activateVc.pend} = 0).
   */
  CM_COMPLETES_INLINE_MAKE_CALL(
      "GEN-3",
      RuleCategory.DOUBLE_COMPLETE,
      "exactly-once-completion",
      "The CM completes a make-call it already returned SUCCESS for (NdisCmMakeCallComplete after a final return)."),

  /**
   * The client calls NdisClIncomingCallComplete twice for one pended offer. Shows when the
   * client pends an incoming call ({@code client.incomingCall.answer} = 1).
   */
  CLIENT_ANSWERS_INCOMING_CALL_TWICE(
      "GEN-7",
      RuleCategory.DOUBLE_COMPLETE,
      "exactly-once-completion",
      "The client answers a pended incoming call twice (NdisClIncomingCallComplete called again)."),

  /**
   * The client's closeCall action also picks a call whose close is still outstanding and
   * calls NdisClCloseCall on it a second time. Shows with two closeCall actions while the first
   * close pends ({@code cm.closeCall.pend} = 1).
   */
  CLIENT_CLOSES_CALL_TWICE(
      "CLOSE-17",
      RuleCategory.DOUBLE_COMPLETE,
      "exactly-once-completion",
      "The client calls NdisClCloseCall a second time on a call whose close is outstanding."),

  /**
   * The call manager never calls Ndis(M)CmMakeCallComplete for a pended make-call that failed:
   * a missing completion. Shows when the make-call pends and fails ({@code cm.makeCall.pend} =
   * 1, {@code cm.makeCall.status} = 1): the MAKE_CALL token is still outstanding at the end,
   * and the client's VC, party and parameters stay live with it.
   */
  CM_NEVER_COMPLETES_FAILED_MAKE_CALL(
      "GEN-2",
      RuleCategory.DOUBLE_COMPLETE,
      "exactly-once-completion",
      "The call manager never completes a pended make-call that failed (missing completion)."),

  // ---- USE_AFTER_CLOSE: no-use-after-close ------------------------------------------------

  /**
   * The client's sendData action also picks a call whose make-call is still outstanding.
   * Shows when the make-call pends ({@code cm.makeCall.pend} = 1) and the send comes first.
   */
  CLIENT_SENDS_BEFORE_MAKE_CALL_COMPLETES(
      "MAKE-7",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The client sends on its VC while its make-call is still outstanding."),

  /**
   * On a VC the call manager created, the client sends on the NdisVcHandle from its
   * ProtocolClCloseCallComplete. Shows on every close of an accepted incoming call.
   */
  CLIENT_USES_VC_AFTER_CLOSE(
      "CLOSE-11",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The client uses the NdisVcHandle of a CM-created VC after ProtocolClCloseCallComplete."),

  /**
   * The call manager writes its CallMgrVcContext after Ndis(M)CmCloseCallComplete returns on a
   * client-created VC, which the client deleted from inside its completion handler. Shows when
   * the close pends ({@code cm.closeCall.pend} = 1 or 2) on an outgoing call.
   */
  CM_TOUCHES_VC_AFTER_CLOSE(
      "CLOSE-15",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The call manager touches CallMgrVcContext after completing a close the client may delete on."),

  /**
   * After a successful ProtocolClDropPartyComplete the client sends a second NdisClDropParty
   * with the dead NdisPartyHandle. Shows on every successful client-initiated drop.
   */
  CLIENT_USES_PARTY_AFTER_DROP(
      "DROP-3",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The client uses an NdisPartyHandle after its drop completed with SUCCESS."),

  /**
   * The client releases the last party's ProtocolPartyContext as soon as NdisClCloseCall
   * returns PENDING, before ProtocolClCloseCallComplete hands it back (OQ-6 counts this as a
   * use after close). Shows when the close of a multipoint call pends ({@code cm.closeCall.pend}
   * = 1).
   */
  CLIENT_FREES_PARTY_BEFORE_CLOSE_COMPLETES(
      "CLOSE-13",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The client frees the last party's context before its close completes."),

  /**
   * Rejecting the call manager's changed parameters, the client closes from inside
   * ProtocolClMakeCallComplete and frees the party's context as soon as NdisClCloseCall
   * returns PENDING, not in ProtocolClCloseCallComplete (MAKE-11). Shows in changed-parameters
   * when the close pends.
   */
  CLIENT_FREES_PARTY_ON_PARAMETER_REJECTION(
      "MAKE-11",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "Rejecting changed call parameters, the client frees the party context when NdisClCloseCall returns."),

  /**
   * In ProtocolCmCloseCall the call manager frees the last CallMgrPartyContext first and then
   * reads the NdisPartyHandle out of it for the completion. Shows on every close of a
   * multipoint call.
   */
  CM_READS_PARTY_AFTER_FREE(
      "CLOSE-14",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The call manager reads the party handle out of party state it already freed."),

  /**
   * The client releases its own ProtocolVcContext before NdisCoDeleteVc instead of after it
   * returned, and never touches it again. NDIS still holds the context of a VC it has not
   * deleted, so the release itself is the violation. Shows on every delete of a client-created
   * VC.
   */
  CLIENT_FREES_VC_BEFORE_DELETE(
      "VC-11",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The client releases its own ProtocolVcContext before NdisCoDeleteVc has returned."),

  /**
   * The call manager frees its CallMgrPartyContext in a ProtocolCmDropParty that pends, and
   * at the completion reads the party handle out of the freed state with a plain Java read
   * (no touch). NDIS has the context in hand at Ndis(M)CmDropPartyComplete and checks it.
   * Shows on a pended drop ({@code dropParty.pend} = 1) of a multipoint call.
   */
  CM_FREES_PARTY_BEFORE_DROP_COMPLETES(
      "DROP-7",
      RuleCategory.USE_AFTER_CLOSE,
      "no-use-after-close",
      "The call manager frees its party state in a pended ProtocolCmDropParty, before the completion."),

  // ---- LEAK: no-leak ----------------------------------------------------------------------

  /**
   * The client keeps the first party's ProtocolPartyContext when a multipoint make-call fails.
   * Shows when {@code cm.makeCall.status} = 1 on a multipoint call: a live ProtocolPartyContext
   * at the end.
   */
  CLIENT_LEAKS_PARTY_ON_MAKE_FAILURE(
      "MAKE-8",
      RuleCategory.LEAK,
      "no-leak",
      "The client does not release its ProtocolPartyContext when the make-call fails."),

  /**
   * ProtocolCmCloseCall forgets to free the last party's CallMgrPartyContext. Shows on every
   * close of a multipoint call: a live CallMgrPartyContext at the end.
   */
  CM_LEAKS_PARTY_ON_CLOSE(
      "CLOSE-4",
      RuleCategory.LEAK,
      "no-leak",
      "The call manager does not free CallMgrPartyContext in ProtocolCmCloseCall."),

  /**
   * The client never deletes a VC it created, after a close or a failed make-call. Shows on
   * every outgoing call: the VC handle, ProtocolVcContext and CallMgrVcContext (and the
   * miniport's MiniportVcContext) are live at the end.
   */
  CLIENT_NEVER_DELETES_VC(
      "VC-16",
      RuleCategory.LEAK,
      "no-leak",
      "The client never deletes its VC (NdisCoDeleteVc) once the call is over."),

  /**
   * The client keeps the CallParameters it lent to NdisClAddParty when the add-party fails.
   * Shows when {@code cm.addParty.status} = 1: a live CallParameters at the end.
   */
  CLIENT_LEAKS_ADD_PARTY_PARAMETERS(
      "ADD-5",
      RuleCategory.LEAK,
      "no-leak",
      "The client does not free the add-party CallParameters when the add-party fails."),

  /**
   * The client forgets its ProtocolVcContext when NdisCoCreateVc fails instead of freeing it:
   * no handle exists, so nothing will ever hand it back (VC-3). Shows when the call manager
   * refuses the client's VC ({@code createVc.status} = 1).
   */
  CLIENT_KEEPS_VC_CONTEXT_AFTER_FAILED_CREATE(
      "VC-3",
      RuleCategory.LEAK,
      "no-leak",
      "The client does not free its VC context when NdisCoCreateVc fails."),

  /**
   * The client keeps its VC after a failed make-call instead of deleting it from
   * ProtocolClMakeCallComplete, and makes no other call on it; only its shutdown() deletes it.
   * Shows on every failed make-call ({@code makeCall.status} = 1): NDIS reports the obligation
   * overdue when the scenario ends, before shutdown.
   */
  CLIENT_KEEPS_VC_AFTER_FAILED_MAKE_CALL(
      "MAKE-8",
      RuleCategory.LEAK,
      "no-leak",
      "The client does not delete its VC after a failed make-call; only its shutdown does."),

  /**
   * The call manager keeps its own VC after a pended close completed instead of deleting it;
   * only its shutdown() deletes it. Shows on a close of an incoming call that the call manager
   * pends ({@code closeCall.pend} = 1).
   */
  CM_KEEPS_VC_AFTER_CLOSE(
      "CLOSE-10",
      RuleCategory.LEAK,
      "no-leak",
      "The call manager does not delete its own VC after a pended close; only its shutdown does."),

  /**
   * The client's ProtocolClIncomingCloseCall returns without acknowledging the close with
   * NdisClCloseCall; only its shutdown() closes the call. Shows on every incoming close.
   */
  CLIENT_IGNORES_INCOMING_CLOSE(
      "ICLOSE-4",
      RuleCategory.LEAK,
      "no-leak",
      "The client ignores ProtocolClIncomingCloseCall; only its shutdown closes the call."),

  // ---- ORDERING: call-ordering ------------------------------------------------------------

  /**
   * The client's first NdisClCloseCall on a multipoint call skips dropping the other parties.
   * Shows on every close of a call with two or more parties (the call manager fails the close,
   * the client then drops and closes again).
   */
  CLIENT_CLOSES_WITH_PARTIES_ATTACHED(
      "CLOSE-1",
      RuleCategory.ORDERING,
      "call-ordering",
      "The client closes a multipoint call with two parties still attached."),

  /**
   * The client calls NdisCoDeleteVc as soon as NdisClCloseCall returns PENDING, before the
   * close completed. Shows when the close of an outgoing call pends ({@code cm.closeCall.pend}
   * = 1).
   */
  CLIENT_DELETES_VC_BEFORE_CLOSE_COMPLETES(
      "VC-5",
      RuleCategory.ORDERING,
      "call-ordering",
      "The client deletes its VC while its close is still outstanding."),

  // ---- STATUS: status-discipline ----------------------------------------------------------

  /**
   * The call manager passes PENDING as the status of Ndis(M)CmMakeCallComplete. Shows when the
   * make-call pends ({@code cm.makeCall.pend} = 1) and succeeds.
   */
  CM_COMPLETES_WITH_PENDING(
      "GEN-4",
      RuleCategory.STATUS,
      "status-discipline",
      "The call manager gives PENDING to a complete function (Ndis(M)CmMakeCallComplete)."),

  /**
   * The call manager's ProtocolCoCreateVc returns PENDING for a client-created VC. Shows on
   * every NdisCoCreateVc the client makes.
   */
  CM_CREATE_VC_PENDING(
      "GEN-5",
      RuleCategory.STATUS,
      "status-discipline",
      "The call manager's ProtocolCoCreateVc returns PENDING."),

  // ---- deadlock ---------------------------------------------------------------------------

  /**
   * The client holds its own lock across NdisClCloseCall. When the call manager completes the
   * close from inside ProtocolCmCloseCall ({@code cm.closeCall.pend} = 2, GEN-8),
   * ProtocolClCloseCallComplete runs nested on the same thread and waits for that lock: a
   * self-deadlock (the explorer reports it; the single-threaded ScriptedPlatform throws).
   */
  CLIENT_HOLDS_LOCK_ACROSS_CLOSE(
      "IRQL-4",
      RuleCategory.IRQL,
      "deadlock",
      "The client holds its own lock across NdisClCloseCall, so a nested completion blocks on it (GEN-9).");

  private final String ruleId;
  private final RuleCategory category;
  private final String property;
  private final String description;

  SeededFault(String ruleId, RuleCategory category, String property, String description) {
    this.ruleId = ruleId;
    this.category = category;
    this.property = property;
    this.description = description;
  }

  public String ruleId() {
    return ruleId;
  }

  public RuleCategory category() {
    return category;
  }

  /** The id of the property that must catch this fault. */
  public String property() {
    return property;
  }

  public String description() {
    return description;
  }

  /** The command-line name: lower-case with dashes, e.g. "mcm-double-close-complete". */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
