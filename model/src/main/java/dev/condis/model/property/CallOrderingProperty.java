package dev.condis.model.property;

import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.rules.RuleCategory;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code call-ordering}: requests come in the order the rules require (ORDERING rules, e.g.
 * CLOSE-1: drop all parties but one before NdisClCloseCall; DROP-10: no close while a drop the
 * client issued has not completed; MAKE-13: nothing else on a VC while its make-call is
 * outstanding; VC-5: delete only after the close succeeded).
 *
 * <p>Raw checks, independent of NDIS's reports: it follows the parties attached to each VC
 * (a make-call or add-party completed with SUCCESS attaches the party; its handle being
 * invalidated detaches it) and the client's outstanding drops (a drop is complete for the
 * client when the request returned a final status, or when NDIS calls its
 * ProtocolClDropPartyComplete), and checks both when a close becomes outstanding.
 */
public final class CallOrderingProperty extends CategoryProperty {
  public static final String ID = "call-ordering";

  private final Map<NdisVcHandle, Set<NdisPartyHandle>> attached = new HashMap<>();
  private final Map<NdisVcHandle, Integer> dropsOutstanding = new HashMap<>();
  /** Per thread: the VC whose pended drop completion NDIS is about to deliver. */
  private final Map<String, NdisVcHandle> dropCompletionFor = new HashMap<>();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Requests in the order the rules require: CLOSE-1 (close with one party left), "
        + "DROP-10 (close after every drop completed), MAKE-13, ADD-9, VC-5 and the other "
        + "ORDERING rules.";
  }

  @Override
  protected boolean owns(RuleCategory category) {
    return category == RuleCategory.ORDERING;
  }

  @Override
  protected void check(NdisEvent event) {
    if (event instanceof NdisEvent.RequestCompleted c) {
      RequestToken t = c.token();
      boolean partyCall = t.kind() == RequestKind.MAKE_CALL || t.kind() == RequestKind.ADD_PARTY;
      if (partyCall && c.status().isSuccess() && t.hasParty()) {
        attached.computeIfAbsent(t.vc(), vc -> new LinkedHashSet<>()).add(t.party());
      } else if (t.kind() == RequestKind.DROP_PARTY) {
        if (c.pended()) {
          dropCompletionFor.put(c.stamp().thread(), t.vc());
        } else {
          dropsOutstanding.merge(t.vc(), -1, (a, b) -> a + b); // a lambda: JPF cannot run Integer::sum here
        }
      }
    } else if (event instanceof NdisEvent.HandlerCalled h
        && h.handler().equals("ProtocolClDropPartyComplete")) {
      NdisVcHandle vc = dropCompletionFor.remove(h.stamp().thread());
      if (vc != null) {
        dropsOutstanding.merge(vc, -1, (a, b) -> a + b); // a lambda: JPF cannot run Integer::sum here
      }
    } else if (event instanceof NdisEvent.HandleInvalidated gone && gone.handle() instanceof NdisPartyHandle) {
      attached.values().forEach(parties -> parties.remove(gone.handle()));
    } else if (event instanceof NdisEvent.RequestOpened o) {
      RequestToken t = o.token();
      if (t.kind() == RequestKind.DROP_PARTY) {
        dropsOutstanding.merge(t.vc(), 1, (a, b) -> a + b); // a lambda: JPF cannot run Integer::sum here
      } else if (t.kind() == RequestKind.CLOSE_CALL) {
        Set<NdisPartyHandle> parties = attached.getOrDefault(t.vc(), Set.of());
        int drops = dropsOutstanding.getOrDefault(t.vc(), 0);
        if (drops > 0) {
          rawFinding("DROP-10", "NdisClCloseCall on " + t.vc() + " while " + drops
              + " NdisClDropParty on it had not completed");
        } else if (parties.size() > 1) {
          rawFinding("CLOSE-1", "NdisClCloseCall on " + t.vc() + " with " + parties.size()
              + " parties attached " + parties);
        }
      }
    }
  }
}
