package dev.condis.model.property;

import dev.condis.reference.PublicApi;

/** How a property reports a failure: the rule ID it cites and a message a driver engineer reads. */
@FunctionalInterface
@PublicApi
public interface PropertyReporter {
  void violation(String ruleId, String message);

  /**
   * A check of {@code ruleId} ran, whatever it found: what {@code verify --coverage} counts as
   * the rule tested. Optional; a property that never calls it adds nothing to the coverage.
   */
  default void checked(String ruleId) {}
}
