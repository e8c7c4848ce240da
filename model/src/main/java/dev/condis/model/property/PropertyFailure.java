package dev.condis.model.property;

/**
 * A property listener threw: the property's own error, not a violation by the drivers under
 * check. The engines report it as an ERROR naming the property and its class (exit 4; the
 * certificate says NO_RESULT), never as {@code no-uncaught-exception}. An {@link Error}, so
 * that a driver catching RuntimeException around an NDIS call does not swallow it.
 */
public final class PropertyFailure extends Error {
  private static final long serialVersionUID = 1L;

  /** What every message starts with, so the JPF engine can tell it from its report. */
  public static final String PREFIX = "PROPERTY-ERROR ";

  public PropertyFailure(PropertyListener property, String method, Throwable cause) {
    super(PREFIX + "property '" + idOf(property) + "' (" + property.getClass().getName() + ") threw in "
        + method + ": " + cause, cause);
  }

  private static String idOf(PropertyListener property) {
    try {
      return property.id();
    } catch (RuntimeException e) {
      return "?";
    }
  }

  /** The report's text: the message without its prefix. */
  public static String describe(String message) {
    int at = message.indexOf(PREFIX);
    return at < 0 ? message : message.substring(at + PREFIX.length());
  }
}
