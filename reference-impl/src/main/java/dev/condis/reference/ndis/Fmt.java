package dev.condis.reference.ndis;

import dev.condis.reference.context.TrackedContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Short, readable argument strings for events ("vc#3, party#5, SUCCESS"): they feed sequence charts. */
final class Fmt {
  private Fmt() {}

  static String args(Object... values) {
    return Arrays.stream(values).map(Fmt::one).collect(Collectors.joining(", "));
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
