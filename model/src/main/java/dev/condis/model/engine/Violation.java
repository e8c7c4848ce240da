package dev.condis.model.engine;

import dev.condis.reference.RecordMethods;

/**
 * A property failure: which property ({@code exactly-once-completion}, ...), the rule ID it
 * cites (e.g. "CLOSE-13"), and what happened.
 */
public record Violation(String property, String ruleId, String message) {
  @Override
  public String toString() {
    return property + " [" + ruleId + "]: " + message;
  }

  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof Violation other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  private Object[] components() {
    return new Object[] {property, ruleId, message};
  }
}
