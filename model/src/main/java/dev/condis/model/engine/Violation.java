package dev.condis.model.engine;

/**
 * A property failure: which property ({@code exactly-once-completion}, ...), the rule ID it
 * cites (e.g. "CLOSE-13"), and what happened.
 */
public record Violation(String property, String ruleId, String message) {
  @Override
  public String toString() {
    return property + " [" + ruleId + "]: " + message;
  }
}
