package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.NdisListener;
import dev.condis.reference.event.RequestToken;
import java.util.ArrayList;
import java.util.List;

/** Records every event and renders it as one short line, for order assertions in tests. */
final class Recorder implements NdisListener {
  final List<NdisEvent> events = new ArrayList<>();

  @Override
  public void onEvent(NdisEvent event) {
    events.add(event);
  }

  void clear() {
    events.clear();
  }

  ImmutableList<String> lines() {
    return events.stream().map(Recorder::line).collect(ImmutableList.toImmutableList());
  }

  /** The lines of events of these kinds only (e.g. "call", "->", "<-", "ret", "open", "done"). */
  ImmutableList<String> lines(String... prefixes) {
    return lines().stream()
        .filter(l -> List.of(prefixes).stream().anyMatch(p -> l.startsWith(p + " ")))
        .collect(ImmutableList.toImmutableList());
  }

  ImmutableList<NdisEvent.RuleViolation> violations() {
    return events.stream()
        .filter(NdisEvent.RuleViolation.class::isInstance)
        .map(NdisEvent.RuleViolation.class::cast)
        .collect(ImmutableList.toImmutableList());
  }

  ImmutableList<String> ruleIds() {
    return violations().stream().map(NdisEvent.RuleViolation::ruleId).collect(ImmutableList.toImmutableList());
  }

  /** Handler names NDIS called, in order. */
  ImmutableList<String> handlers() {
    return events.stream()
        .filter(NdisEvent.HandlerCalled.class::isInstance)
        .map(e -> ((NdisEvent.HandlerCalled) e).handler())
        .collect(ImmutableList.toImmutableList());
  }

  static String line(NdisEvent event) {
    if (event instanceof NdisEvent.ApiCalled e) {
      return "call " + e.caller() + " " + e.api() + "(" + e.args() + ")";
    } else if (event instanceof NdisEvent.ApiReturned e) {
      return "ret " + e.api() + (e.status() == null ? "" : " " + e.status());
    } else if (event instanceof NdisEvent.HandlerCalled e) {
      return "-> " + e.callee() + " " + e.handler() + "(" + e.args() + ")";
    } else if (event instanceof NdisEvent.HandlerReturned e) {
      return "<- " + e.handler() + (e.status() == null ? "" : " " + e.status());
    } else if (event instanceof NdisEvent.RequestOpened e) {
      return "open " + token(e.token());
    } else if (event instanceof NdisEvent.RequestCompleted e) {
      return "done " + token(e.token()) + " " + e.status() + (e.pended() ? " pended" : " final");
    } else if (event instanceof NdisEvent.HandleIssued e) {
      return "issue " + e.handle();
    } else if (event instanceof NdisEvent.HandleInvalidated e) {
      return "invalidate " + e.handle();
    } else if (event instanceof NdisEvent.HandleUsed e) {
      return "use " + e.handle() + (e.valid() ? "" : " INVALID");
    } else if (event instanceof NdisEvent.ContextAllocated e) {
      return "alloc " + e.context();
    } else if (event instanceof NdisEvent.ContextReleased e) {
      return "release " + e.context();
    } else if (event instanceof NdisEvent.RuleViolation e) {
      return "VIOLATION " + e.ruleId() + " " + e.category();
    } else if (event instanceof NdisEvent.Note e) {
      return "note " + e.text();
    }
    throw new AssertionError(event);
  }

  private static String token(RequestToken token) {
    return token.kind() + "[" + token.vc() + (token.hasParty() ? "," + token.party() : "") + "]";
  }
}
