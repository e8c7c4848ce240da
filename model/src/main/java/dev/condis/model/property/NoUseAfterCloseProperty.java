package dev.condis.model.property;

import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.rules.RuleCategory;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code no-use-after-close}: no handle is used after it stopped being valid, and no context
 * is touched or released after it was released (USE_AFTER_CLOSE rules: VC-7, VC-8, CLOSE-11,
 * CLOSE-15, DROP-3, DROP-7, MAKE-9, MAKE-12, ...).
 *
 * <p>Raw check, independent of NDIS's reports: it records every HandleInvalidated event and
 * flags a later HandleUsed of that handle, and any HandleUsed that NDIS marked invalid.
 */
public final class NoUseAfterCloseProperty extends CategoryProperty {
  public static final String ID = "no-use-after-close";

  private final Map<NdisHandle, String> dead = new HashMap<>();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "No handle used after it became invalid and no context used or released after "
        + "release (VC-7, CLOSE-11, CLOSE-15, DROP-3, MAKE-12 and the other USE_AFTER_CLOSE rules).";
  }

  @Override
  protected boolean owns(RuleCategory category) {
    return category == RuleCategory.USE_AFTER_CLOSE;
  }

  @Override
  protected void check(NdisEvent event) {
    if (event instanceof NdisEvent.HandleIssued i) {
      dead.remove(i.handle());
    } else if (event instanceof NdisEvent.HandleInvalidated inv) {
      dead.put(inv.handle(), inv.reason());
    } else if (event instanceof NdisEvent.HandleUsed u) {
      String why = dead.get(u.handle());
      if (why != null || !u.valid()) {
        rawFinding(
            ruleFor(u.handle()),
            u.user() + " passed " + u.handle() + " to " + u.api() + " after it became invalid"
                + (why == null ? "" : " (" + why + ")"));
      }
    }
  }

  /** The rule that governs a handle's end of life, by its kind (a SAP's too is VC-7's). */
  static String ruleFor(NdisHandle handle) {
    if (handle instanceof NdisPartyHandle) {
      return "DROP-3";
    }
    if (handle instanceof NdisAfHandle) {
      return "AF-2";
    }
    return "VC-7";
  }
}
