package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.event.EventBus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The request tokens (condis-rules.md §1.4). A token is opened when the request is made, before
 * NDIS calls the peer's handler (GEN-8: the completion may overtake the PENDING return), and is
 * consumed exactly once: by the peer's final return (NDIS calls nothing, the requester runs its
 * completion logic itself: GEN-1, GEN-6) or by the completion function after PENDING (GEN-2,
 * GEN-7). Whatever is still outstanding at the end is the "missing completion" evidence
 * (MAKE-10 and its kin). Used only under the NDIS lock.
 */
final class RequestBook {
  private final EventBus events;
  private final Map<Integer, Request> outstanding = new LinkedHashMap<>();
  private int nextId = 1;

  RequestBook(EventBus events) {
    this.events = events;
  }

  Request open(RequestSlots slots, RequestKind kind, VcRecord vc, PartyRecord party) {
    return open(slots, kind, vc, party, null);
  }

  /** Opens a request that lends {@code parameters} (a CO_CALL_PARAMETERS buffer, or null). */
  Request open(RequestSlots slots, RequestKind kind, VcRecord vc, PartyRecord party, CallParameters parameters) {
    RequestToken token = new RequestToken(nextId++, kind, vc.handle(), party == null ? null : party.handle(),
        parameters == null ? null : parameters.ref());
    Request request = new Request(token, slots, vc, party);
    slots.opened(request);
    outstanding.put(token.id(), request);
    events.emit(stamp -> new NdisEvent.RequestOpened(stamp, token));
    return request;
  }

  /** Opens and at once consumes a request that NDIS itself finishes synchronously (OQ-10). */
  void openAndFinish(RequestSlots slots, RequestKind kind, VcRecord vc, CallParameters parameters, NdisStatus status) {
    consume(open(slots, kind, vc, null, parameters), status, false);
  }

  void consume(Request request, NdisStatus status, boolean byCompletion) {
    request.markConsumed(byCompletion);
    request.slots.consumed(request);
    outstanding.remove(request.token.id());
    events.emit(stamp -> new NdisEvent.RequestCompleted(stamp, request.token, status, byCompletion));
  }

  /**
   * The peer's handler returned {@code returned} for {@code request}: PENDING leaves the token to
   * the completion (which may already have run, GEN-8); a final status consumes it and {@code
   * apply} updates NDIS state. A final status after the completion already consumed the token
   * is a double completion (GEN-3 and its kin): reported, and the requester is told PENDING, so
   * it does not run its completion logic a second time. Returns what the requester gets.
   */
  NdisStatus settle(Request request, NdisStatus returned, String handler, Consumer<NdisStatus> apply) {
    if (returned.isPending()) {
      return NdisStatus.PENDING;
    }
    events.checked(afterFinalReturnRule(request.kind()));
    if (request.consumed()) {
      Rules.report(
          events,
          afterFinalReturnRule(request.kind()),
          handler + " returned " + returned + " for " + request.token
              + " after completing it already; the requester is told PENDING");
      return NdisStatus.PENDING;
    }
    consume(request, returned, false);
    apply.accept(returned);
    return returned;
  }

  /**
   * A completion function was called for the {@code kind} request of {@code slots} ({@code
   * slots} null: the handle was never issued). Returns the request, now consumed, or null after
   * reporting why it must not be delivered: PENDING given to a complete function (GEN-4, the
   * token stays), or no such request outstanding (a second completion GEN-2/GEN-7/GEN-6, or a
   * completion after a final return GEN-3).
   */
  Request complete(RequestSlots slots, RequestKind kind, NdisStatus status, String api, String target) {
    events.checked("GEN-4");
    events.checked(secondCompletionRule(kind));
    events.checked(afterFinalReturnRule(kind));
    if (status.isPending()) {
      Rules.report(events, "GEN-4", api + "(" + target + "): PENDING is not a completion status; not delivered");
      return null;
    }
    Request request = slots == null ? null : slots.outstanding(kind);
    if (request == null) {
      Request last = slots == null ? null : slots.lastConsumed(kind);
      boolean afterFinal = last != null && !last.pended();
      Rules.report(
          events,
          afterFinal ? afterFinalReturnRule(kind) : secondCompletionRule(kind),
          api + "(" + target + "): no " + kind + " outstanding"
              + (last == null ? "" : afterFinal
                  ? " (" + last.token + " already finished by its handler's final return)"
                  : " (" + last.token + " already completed)")
              + "; not delivered");
      return null;
    }
    consume(request, status, true);
    return request;
  }

  ImmutableList<RequestToken> outstanding() {
    return outstanding.values().stream().map(r -> r.token).collect(ImmutableList.toImmutableList());
  }

  // Comparisons, not switches on RequestKind: javac's switch-map class RequestBook$1 would
  // share its name with JPF's class for this class's second lambda (jpf-config/README.md).

  /** A second completion of one request. */
  static String secondCompletionRule(RequestKind kind) {
    if (kind == RequestKind.INCOMING_CALL) {
      return "GEN-7";
    }
    return kind == RequestKind.ACTIVATE_VC || kind == RequestKind.DEACTIVATE_VC ? "GEN-6" : "GEN-2";
  }

  /** A completion of a request whose handler returned a final status. */
  static String afterFinalReturnRule(RequestKind kind) {
    if (kind == RequestKind.INCOMING_CALL) {
      return "GEN-7";
    }
    return kind == RequestKind.ACTIVATE_VC || kind == RequestKind.DEACTIVATE_VC ? "GEN-6" : "GEN-3";
  }
}
