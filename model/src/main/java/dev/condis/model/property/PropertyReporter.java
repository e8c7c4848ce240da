package dev.condis.model.property;

/** How a property reports a failure: the rule ID it cites and a message a driver engineer reads. */
@FunctionalInterface
public interface PropertyReporter {
  void violation(String ruleId, String message);
}
