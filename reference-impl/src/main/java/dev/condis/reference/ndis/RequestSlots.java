package dev.condis.reference.ndis;

import dev.condis.reference.event.RequestKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The requests of one VC or party: at most one outstanding per kind, and the last one consumed
 * per kind (to tell a second completion, GEN-2, from a completion after a final return, GEN-3).
 */
final class RequestSlots {
  private final Map<RequestKind, Request> open = new EnumMap<>(RequestKind.class);
  private final Map<RequestKind, Request> last = new EnumMap<>(RequestKind.class);

  Request outstanding(RequestKind kind) {
    return open.get(kind);
  }

  Request lastConsumed(RequestKind kind) {
    return last.get(kind);
  }

  boolean anyOutstanding() {
    return !open.isEmpty();
  }

  void opened(Request request) {
    if (open.putIfAbsent(request.kind(), request) != null) {
      throw new IllegalStateException("NDIS bug: a second " + request.kind() + " opened on one slot");
    }
  }

  void consumed(Request request) {
    open.remove(request.kind(), request);
    last.put(request.kind(), request);
  }
}
