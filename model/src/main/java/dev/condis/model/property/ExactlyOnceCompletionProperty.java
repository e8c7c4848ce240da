package dev.condis.model.property;

import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.rules.RuleCategory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code exactly-once-completion}: every request that becomes outstanding (make-call,
 * close-call, add-party, drop-party, incoming-call offer, activation, deactivation) is
 * consumed by exactly one completion — neither twice (GEN-1, GEN-2, GEN-3, GEN-6, GEN-7,
 * CLOSE-17, ICLOSE-10, DROP-11, VC-15) nor never.
 *
 * <p>Besides NDIS's own DOUBLE_COMPLETE reports it keeps its own ledger of request tokens
 * from the raw RequestOpened/RequestCompleted events: a second completion of a token, and a
 * token still open at the end of the run (a missing completion), are violations even if NDIS
 * said nothing. At the end it also checks NDIS's own list of outstanding requests.
 */
public final class ExactlyOnceCompletionProperty extends CategoryProperty {
  public static final String ID = "exactly-once-completion";

  private final Map<Integer, RequestToken> open = new LinkedHashMap<>();
  private final Map<Integer, Boolean> completedPended = new HashMap<>();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Every request is completed exactly once: no double completion (GEN-1/2/3/6/7, "
        + "CLOSE-17, DROP-11) and no missing completion at the end of the run.";
  }

  @Override
  protected boolean owns(RuleCategory category) {
    return category == RuleCategory.DOUBLE_COMPLETE;
  }

  @Override
  protected void check(NdisEvent event) {
    if (event instanceof NdisEvent.RequestOpened o) {
      open.put(o.token().id(), o.token());
      checked(o.token().kind().completionRule()); // at the end of the execution
    } else if (event instanceof NdisEvent.RequestCompleted c) {
      int id = c.token().id();
      checked(c.token().kind().completionRule());
      if (open.remove(id) != null) {
        completedPended.put(id, c.pended());
      } else if (completedPended.containsKey(id)) {
        boolean firstPended = completedPended.get(id);
        String rule = !firstPended && c.pended() ? "GEN-3" : c.token().kind().completionRule();
        rawFinding(rule, c.token() + " completed a second time (status " + c.status() + ")");
      } else {
        rawFinding(c.token().kind().completionRule(), c.token() + " completed but was never opened");
      }
    }
  }

  @Override
  protected void checkEnd(NdisSnapshot finalState) {
    Map<Integer, RequestToken> missing = new LinkedHashMap<>(open);
    for (RequestToken t : finalState.outstandingRequests()) {
      missing.putIfAbsent(t.id(), t);
    }
    for (RequestToken t : missing.values()) {
      rawFinding(t.kind().completionRule(), t + " was never completed (missing completion)");
    }
  }

}
