package dev.condis.model.property;

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
  private Object[] parts() { return new Object[] {property, ruleId, message}; }
  @Override public boolean equals(Object o) { return o instanceof Violation r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
}
