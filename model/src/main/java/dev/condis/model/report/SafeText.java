package dev.condis.model.report;

/**
 * Text every report format can carry, whatever a driver or property put in a message: a lone
 * surrogate cannot be encoded in UTF-8 (the writer fails and the verdict is lost), and XML 1.0
 * forbids most control characters (U+0000, U+0007, ...) even as character references. Each such
 * character is written as the six characters {@code \\uXXXX} instead, so nothing is dropped
 * silently and the reader sees where it was.
 */
public final class SafeText {
  private SafeText() {}

  /** Lone surrogates as {@code \\uXXXX}; everything else as it is. */
  public static String wellFormed(String s) {
    return escape(s, false);
  }

  /** {@link #wellFormed}, and every character XML 1.0 does not allow as {@code \\uXXXX}. */
  public static String xml(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean xml) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean bad = !pair && Character.isSurrogate(c) || xml && !allowedInXml(c);
      if (bad && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (bad) {
        out.append(String.format("\\u%04X", (int) c));
      } else if (out != null) {
        out.append(c);
        if (pair) {
          out.append(s.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    return out == null ? s : out.toString();
  }

  /** XML 1.0's Char production, for one UTF-16 unit (surrogates are judged as pairs above). */
  private static boolean allowedInXml(char c) {
    return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xFFFD && c != 0xFFFE;
  }
}
