package dev.condis.explorer;

import java.util.Locale;

/**
 * The explorer's system properties, read and checked in one place, so that a bad value is one
 * clear {@link IllegalArgumentException} ({@link Explorer#checkProperties()}) instead of a
 * failed class initialisation in the middle of a search.
 */
final class ExplorerProperties {
  /** {@code platform} or {@code virtual}: what carries program threads ({@link CarrierThreads}). */
  static final String CARRIERS = "condis.explorer.carriers";
  /** {@code auto} or {@code off}: whether platform carriers are pinned ({@link CarrierAffinity}). */
  static final String PINNING = "condis.explorer.pinning";

  private ExplorerProperties() {}

  /** "", "platform" or "virtual" (virtual only from JDK 21 on). */
  static String carriers() {
    return carriers(System.getProperty(CARRIERS, ""));
  }

  static String carriers(String value) {
    String asked = oneOf(CARRIERS, value, "platform", "virtual");
    if (asked.equals("virtual") && java.lang.Runtime.version().feature() < 21) {
      throw new IllegalArgumentException(
          "-D" + CARRIERS + "=virtual needs JDK 21 or later; this is Java " + System.getProperty("java.version"));
    }
    return asked;
  }

  /** "auto" (also when unset) or "off". */
  static String pinning() {
    return pinning(System.getProperty(PINNING, ""));
  }

  static String pinning(String value) {
    String asked = oneOf(PINNING, value, "auto", "off");
    return asked.isEmpty() ? "auto" : asked;
  }

  /** {@code value} trimmed and in lower case: empty, {@code a} or {@code b}, or bad input. */
  private static String oneOf(String key, String value, String a, String b) {
    String asked = value.trim().toLowerCase(Locale.ROOT);
    if (!asked.isEmpty() && !asked.equals(a) && !asked.equals(b)) {
      throw new IllegalArgumentException("-D" + key + " must be '" + a + "' or '" + b + "', not '" + asked + "'");
    }
    return asked;
  }
}
