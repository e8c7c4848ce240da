package dev.condis.reference.ndis;

import dev.condis.reference.context.TrackedContext;

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
      checking(vc); // a deleted VC has discharged what it owed: checked all the same
      if (vc.state != VcState.DELETED && !vc.obligationReported) {
        Overdue overdue = overdue(vc);
        if (overdue != null) {
          vc.obligationReported = true;
          core.violation(overdue.ruleId, overdue.message);
        }
      }
    }
    for (PartyRecord party : core.table.parties()) {
      if (party.incomingDropDispatched()) {
        core.checking("IDROP-2");
      }
      if (party.incomingDropDispatched() && party.state() == PartyState.CONNECTED
          && party.vc().state != VcState.CLOSING && !party.vc().obligationReported) {
        party.vc().obligationReported = true;
        core.violation("IDROP-2", "the incoming drop of " + party.handle() + " was never answered with"
            + " NdisClDropParty or NdisClCloseCall (the scenario ended quiescent with the party still attached)");
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

  /** An obligation found overdue: the rule it breaks and what was left undone. */
  private static final class Overdue {
    final String ruleId;
    final String message;

    Overdue(String ruleId, String message) {
      this.ruleId = ruleId;
      this.message = message;
    }
  }

  /** The first overdue obligation of {@code vc}, or null. */
  private static Overdue overdue(VcRecord vc) {
    VcState s = vc.state;
    if (vc.incomingCloseDispatched && (s == VcState.ACTIVE || s == VcState.CONNECTED || s == VcState.ACCEPTED)) {
      return new Overdue("ICLOSE-4", "the incoming close of " + vc.handle() + " was never acknowledged with"
          + " NdisClCloseCall (the scenario ended quiescent with the call still " + s + ")");
    }
    if (vc.clientCreated() && vc.lastMakeFailed && s == VcState.IDLE_DEACTIVATED) {
      return new Overdue("MAKE-8", "the client neither deleted " + vc.handle() + " after its make-call failed nor"
          + " made another call on it (the scenario ended quiescent; deleting it at shutdown is too late)");
    }
    if (!vc.clientCreated() && vc.lastCallClosed && vc.lastCloseCompleted && s == VcState.IDLE_DEACTIVATED
        && vc.activation == VcActivation.INACTIVE) {
      return new Overdue("CLOSE-10", "the " + vc.creator() + " neither deleted its " + vc.handle() + " after the"
          + " close completed nor offered a new call on it (the scenario ended quiescent; deleting it at shutdown is"
          + " too late)");
    }
    return null;
  }

  /** The obligations {@link #overdue} examines for {@code vc}: the ones its history owes. */
  private void checking(VcRecord vc) {
    if (vc.incomingCloseDispatched) {
      core.checking("ICLOSE-4");
    }
    if (vc.clientCreated() && vc.lastMakeFailed) {
      core.checking("MAKE-8");
    }
    if (!vc.clientCreated() && vc.lastCallClosed && vc.lastCloseCompleted) {
      core.checking("CLOSE-10");
    }
  }

  private void stillLive(TrackedContext context, String ruleId, String message) {
    core.checking(ruleId);
    if (context != null && context.id() != 0 && !core.tracker.isReleased(context)) {
      core.violation(ruleId, message + " (the scenario ended quiescent; releasing it at shutdown is too late)");
    }
  }
}
