package dev.condis.model.property;

import dev.condis.reference.PublicApi;

/** How a property reports a failure: the rule ID it cites and a message a driver engineer reads. */
@FunctionalInterface
@PublicApi
public interface PropertyReporter {
  void violation(String ruleId, String message);
}
