package dev.condis.model.engine;

import java.util.Objects;

/**
 * A property failure: which property ({@code exactly-once-completion}, ...), the rule ID it
 * cites (e.g. "CLOSE-13"), and what happened.
 */
public record Violation(String property, String ruleId, String message) {
  @Override
  public String toString() {
    return property + " [" + ruleId + "]: " + message;
  }

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof Violation other
        && Objects.equals(property, other.property)
        && Objects.equals(ruleId, other.ruleId)
        && Objects.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(property);
    h = 31 * h + Objects.hashCode(ruleId);
    h = 31 * h + Objects.hashCode(message);
    return h;
  }
}
