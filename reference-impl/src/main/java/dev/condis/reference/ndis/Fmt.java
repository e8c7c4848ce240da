package dev.condis.reference.ndis;

import dev.condis.reference.ddi.TrackedContext;

/** Short, readable argument strings for events ("vc#3, party#5, SUCCESS"): they feed sequence charts. */
final class Fmt {
  private Fmt() {}

  static String args(Object... values) {
    // A StringBuilder, not Collectors.joining: JPF cannot run StringJoiner (jpf-config/README.md).
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(one(values[i]));
    }
    return sb.toString();
  }

  /** A context as its pool tag and id ("client.vc#3"); handles and statuses as themselves. */
  static String one(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof TrackedContext context) {
      return context.tag() + "#" + context.id();
    }
    return value.toString();
  }
}
