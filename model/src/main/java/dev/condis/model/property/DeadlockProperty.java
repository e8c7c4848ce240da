package dev.condis.model.property;

import dev.condis.reference.rules.RuleCategory;

/**
 * {@code deadlock}: no execution reaches a state where every live thread is blocked (GEN-9,
 * IRQL-4: no handler may wait for a completion its own request set off, nor hold a lock
 * across a call that can re-enter). The engine reports it: the explorer when every live
 * controlled thread is blocked on a lock or a join, JPF through its deadlock property. As a
 * listener this property also reports the IRQL-category violations NDIS raises (e.g. a
 * driver calling into NDIS while holding its own lock).
 */
public final class DeadlockProperty extends CategoryProperty {
  public static final String ID = "deadlock";
  /** The rule a deadlock found by the engine is reported under. */
  public static final String RULE = "IRQL-4";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "No execution where every live thread is blocked (reported by the engine; "
        + "IRQL-4, GEN-9), and no IRQL-category violation.";
  }

  @Override
  protected boolean owns(RuleCategory category) {
    return category == RuleCategory.IRQL;
  }
}
