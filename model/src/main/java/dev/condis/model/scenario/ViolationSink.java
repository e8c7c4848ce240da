package dev.condis.model.scenario;

import dev.condis.model.property.Violation;

/**
 * Where a property violation goes. Under the explorer: {@code rt.fail(message, violation)},
 * which ends the execution and hands the violation back with its schedule. Under JPF (and
 * any plain-Java run): {@link #throwing()}, an {@link PropertyViolationError} whose message
 * starts with {@code "PROPERTY <id> RULE <ruleId>: "}, which JPF reports as an uncaught error.
 */
@FunctionalInterface
public interface ViolationSink {

  void report(Violation violation);

  /** Throws a {@link PropertyViolationError} for the first violation. */
  static ViolationSink throwing() {
    return v -> {
      throw new PropertyViolationError(v);
    };
  }

  /** The error a violation surfaces as outside the explorer (JPF, plain Java). */
  final class PropertyViolationError extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final transient Violation violation;

    public PropertyViolationError(Violation violation) {
      super(message(violation));
      this.violation = violation;
    }

    public Violation violation() {
      return violation;
    }

    /** {@code "PROPERTY <id> RULE <ruleId>: <message>"}: what JPF's report shows. */
    public static String message(Violation v) {
      return "PROPERTY " + v.property() + " RULE " + v.ruleId() + ": " + v.message();
    }

    /** Parses a message made by {@link #message}, e.g. from JPF's report; null if not one. */
    public static Violation parse(String text) {
      if (text == null) {
        return null;
      }
      int at = text.indexOf("PROPERTY ");
      if (at < 0) {
        return null;
      }
      String rest = text.substring(at + "PROPERTY ".length());
      int rule = rest.indexOf(" RULE ");
      int colon = rule < 0 ? -1 : rest.indexOf(": ", rule);
      if (rule < 0 || colon < 0) {
        return null;
      }
      return new Violation(
          rest.substring(0, rule), rest.substring(rule + " RULE ".length(), colon), rest.substring(colon + 2));
    }
  }
}
