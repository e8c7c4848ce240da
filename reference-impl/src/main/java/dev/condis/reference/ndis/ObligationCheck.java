package dev.condis.reference.ndis;

import dev.condis.reference.ddi.TrackedContext;

/**
 * The obligations the rules tie to a handler, checked when they are overdue: at the end of a
 * scenario, once it is quiescent (every thread joined, every deferred call run) and before
 * the drivers' {@code shutdown()}. By then every handler the drivers will get has run and
 * returned, so what a rule says a handler (or the work it starts) must do has been done or
 * never will be; cleanup in {@code shutdown()} comes later and cannot discharge it.
 *
 * <p>Only obligations with no "or keep it for later" are checked here: a VC kept for reuse
 * (CLOSE-16, VC-17), a party context recycled (DROP-4, ADD-5), or a close the call manager
 * finished in-line (it has no moment after the client's completion logic to delete its VC)
 * are left to the end-of-run leak check.
 */
final class ObligationCheck {
  private final NdisCore core;

  ObligationCheck(NdisCore core) {
    this.core = core;
  }

  void run() {
    core.requireLock();
    for (VcRecord vc : core.table.vcs()) {
      vcObligations(vc); // a deleted VC has discharged what it owed: checked all the same
    }
    for (PartyRecord party : core.table.parties()) {
      if (party.incomingDropDispatched()) {
        core.checking("IDROP-2");
        if (party.state() == PartyState.CONNECTED && party.vc().state != VcState.CLOSING) {
          overdue(party.vc(), "IDROP-2", "the incoming drop of " + party.handle() + " was never answered with"
              + " NdisClDropParty or NdisClCloseCall (the scenario ended quiescent with the party still attached)");
        }
      }
      if (party.state() != PartyState.GONE) {
        continue;
      }
      if (party.endedBy() == PartyRecord.End.DROPPED) {
        stillLive(party.callManagerContext(), "DROP-6", "the call manager never freed the CallMgrPartyContext of "
            + party.handle() + " after its drop succeeded");
      }
      if (party.endedBy() == PartyRecord.End.MAKE_FAILED) {
        stillLive(party.clientContext(), "MAKE-8", "the client never released the ProtocolPartyContext of "
            + party.handle() + " after its make-call failed");
      } else if (party.endedBy() == PartyRecord.End.CLOSED) {
        stillLive(party.clientContext(), "CLOSE-13", "the client never released the ProtocolPartyContext of "
            + party.handle() + " after the close of " + party.vc().handle() + " completed");
        stillLive(party.callManagerContext(), "CLOSE-4", "the call manager never freed the CallMgrPartyContext of "
            + party.handle() + " that ProtocolCmCloseCall handed it");
      }
    }
  }

  /** Each obligation {@code vc}'s history owes is checked; the first one overdue is reported. */
  private void vcObligations(VcRecord vc) {
    VcState s = vc.state;
    if (vc.incomingCloseDispatched) {
      core.checking("ICLOSE-4");
      if (s == VcState.ACTIVE || s == VcState.CONNECTED || s == VcState.ACCEPTED) {
        overdue(vc, "ICLOSE-4", "the incoming close of " + vc.handle() + " was never acknowledged with"
            + " NdisClCloseCall (the scenario ended quiescent with the call still " + s + ")");
      }
    }
    if (vc.clientCreated() && vc.incomingCloseFailed) {
      core.checking("ICLOSE-7");
      if (s == VcState.IDLE_DEACTIVATED) {
        overdue(vc, "ICLOSE-7", "the client did not delete " + vc.handle() + " after the network closed its call"
            + " with a failure (the scenario ended quiescent; deleting it at shutdown is too late)");
      }
    }
    if (vc.clientCreated() && vc.lastMakeFailed) {
      core.checking("MAKE-8");
      if (s == VcState.IDLE_DEACTIVATED) {
        overdue(vc, "MAKE-8", "the client neither deleted " + vc.handle() + " after its make-call failed nor"
            + " made another call on it (the scenario ended quiescent; deleting it at shutdown is too late)");
      }
    }
    if (!vc.clientCreated() && vc.lastCallClosed && vc.lastCloseCompleted) {
      core.checking("CLOSE-10");
      if (s == VcState.IDLE_DEACTIVATED && vc.activation == VcActivation.INACTIVE) {
        overdue(vc, "CLOSE-10", "the " + vc.creator() + " neither deleted its " + vc.handle() + " after the"
            + " close completed nor offered a new call on it (the scenario ended quiescent; deleting it at shutdown"
            + " is too late)");
      }
    }
  }

  /** An obligation of {@code vc} is overdue: reported unless one of the VC's already was. */
  private void overdue(VcRecord vc, String ruleId, String message) {
    if (!vc.obligationReported) {
      vc.obligationReported = true;
      core.violation(ruleId, message);
    }
  }

  private void stillLive(TrackedContext context, String ruleId, String message) {
    core.checking(ruleId);
    if (context != null && context.id() != 0 && !core.tracker.isReleased(context)) {
      core.violation(ruleId, message + " (the scenario ended quiescent; releasing it at shutdown is too late)");
    }
  }
}
