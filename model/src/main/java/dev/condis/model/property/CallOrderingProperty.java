package dev.condis.model.property;

import dev.condis.reference.event.RuleCategory;

/**
 * {@code call-ordering}: requests come in the order the rules require (ORDERING rules, e.g.
 * CLOSE-1: drop all parties but one before NdisClCloseCall; MAKE-13: nothing else on a VC
 * while its make-call is outstanding; VC-5: delete only after the close succeeded).
 */
public final class CallOrderingProperty extends CategoryProperty {
  public static final String ID = "call-ordering";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Requests in the order the rules require: CLOSE-1 (close with one party left), "
        + "MAKE-13, ADD-9, DROP-10, VC-5 and the other ORDERING rules.";
  }

  @Override
  protected boolean owns(RuleCategory category) {
    return category == RuleCategory.ORDERING;
  }
}
