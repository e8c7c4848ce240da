package dev.condis.reference.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.cm.ReferenceCallManager;
import dev.condis.reference.cm.ReferenceMiniport;
import dev.condis.reference.ddi.CallManagerDriver;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.ddi.CoNdisMiniport;
import dev.condis.reference.ddi.IntegratedCallManager;
import dev.condis.reference.ddi.StandaloneCallManager;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.mcm.ReferenceMcm;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.platform.ScriptedPlatform;
import dev.condis.reference.system.CallManagerKind;
import dev.condis.reference.system.CoNdisSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One deterministic run of the reference drivers (client, stand-alone CM + miniport or MCM)
 * over the emulated NDIS on a {@link ScriptedPlatform}, recording every event.
 *
 * <p>Choices are scripted by label. Call-manager labels are given without their prefix
 * ("makeCall.pend") and get "cm." or "mcm." for the kind; client and miniport labels
 * ("client.incomingCall.answer", "miniport.activateVc.pend") are used as they are. Every
 * choice not scripted returns 0: inline, SUCCESS, accept.
 */
public final class ReferenceRun {

  public final CallManagerKind kind;
  public final ScriptedPlatform platform;
  public final CoNdisSystem system;
  public final List<NdisEvent> events = new ArrayList<>();

  /**
   * The drivers of a run: the reference ones, unless a test replaces or wraps one (a client
   * whose ProtocolCoCreateVc fails, a call manager that changes parameters, a miniport that
   * fails activation). Only the call manager of the run's kind, and the miniport under a
   * stand-alone one, are wired.
   */
  public static final class Drivers {
    public ClientDriver client = new ReferenceClient();
    public StandaloneCallManager callManager = new ReferenceCallManager();
    public CoNdisMiniport miniport = new ReferenceMiniport();
    public IntegratedCallManager mcm = new ReferenceMcm();
  }

  private ReferenceRun(CallManagerKind kind, Map<String, Integer> choices, FaultSet faults, Drivers drivers) {
    this.kind = kind;
    this.platform = ScriptedPlatform.withChoices(choices);
    CoNdisSystem.Builder builder =
        CoNdisSystem.builder()
            .platform(platform)
            .client(drivers.client)
            .faults(faults)
            .listener(events::add);
    if (kind == CallManagerKind.MCM) {
      builder.integratedCallManager(drivers.mcm);
    } else {
      builder.standaloneCallManager(drivers.callManager, drivers.miniport);
    }
    this.system = builder.build();
  }

  /** Starts a run; {@code labelsAndValues} alternate label, value. */
  public static ReferenceRun start(CallManagerKind kind, Object... labelsAndValues) {
    return start(kind, FaultSet.none(), labelsAndValues);
  }

  public static ReferenceRun start(CallManagerKind kind, FaultSet faults, Object... labelsAndValues) {
    return new ReferenceRun(kind, choices(kind, labelsAndValues), faults, new Drivers());
  }

  /** Starts a run whose drivers {@code customize} may replace or wrap; no fault. */
  public static ReferenceRun startWith(
      CallManagerKind kind, Consumer<Drivers> customize, Object... labelsAndValues) {
    Drivers drivers = new Drivers();
    customize.accept(drivers);
    return new ReferenceRun(kind, choices(kind, labelsAndValues), FaultSet.none(), drivers);
  }

  public static ReferenceRun withFault(CallManagerKind kind, SeededFault fault, Object... labelsAndValues) {
    return start(kind, FaultSet.of(fault), labelsAndValues);
  }

  /** The full label map: call-manager labels get the kind's prefix. */
  public static Map<String, Integer> choices(CallManagerKind kind, Object... labelsAndValues) {
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < labelsAndValues.length; i += 2) {
      map.put(label(kind, (String) labelsAndValues[i]), (Integer) labelsAndValues[i + 1]);
    }
    return map;
  }

  public static String label(CallManagerKind kind, String label) {
    return label.startsWith("client.") || label.startsWith("miniport.")
        ? label
        : prefix(kind) + "." + label;
  }

  public static String prefix(CallManagerKind kind) {
    return kind == CallManagerKind.MCM ? "mcm" : "cm";
  }

  public ClientDriver client() {
    return system.client();
  }

  public CallManagerDriver callManager() {
    return system.callManager();
  }

  /** Runs every deferred call queued so far (DPCs, pended answers). */
  public ReferenceRun settle() {
    platform.awaitDeferred();
    return this;
  }

  public NdisSnapshot finish() {
    return system.finish();
  }

  // ------------------------------------------------------------------- event queries

  public List<NdisEvent.RuleViolation> violations() {
    return of(NdisEvent.RuleViolation.class);
  }

  public <E extends NdisEvent> List<E> of(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Names of the Ndis* functions called, in order ("NdisClMakeCall", ...). */
  public List<String> apiCalls() {
    return of(NdisEvent.ApiCalled.class).stream().map(NdisEvent.ApiCalled::api).toList();
  }

  /** Names of the handlers NDIS called, in order ("ProtocolCmMakeCall", ...). */
  public List<String> handlerCalls() {
    return of(NdisEvent.HandlerCalled.class).stream().map(NdisEvent.HandlerCalled::handler).toList();
  }

  public long apiCount(String api) {
    return apiCalls().stream().filter(api::equals).count();
  }

  public long handlerCount(String handler) {
    return handlerCalls().stream().filter(handler::equals).count();
  }

  /** Index in the event stream of the first event matching {@code what}; -1 if none. */
  public int indexOf(Predicate<NdisEvent> what) {
    for (int i = 0; i < events.size(); i++) {
      if (what.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the last event matching {@code what}; -1 if none. */
  public int lastIndexOf(Predicate<NdisEvent> what) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (what.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  public static Predicate<NdisEvent> api(String name) {
    return e -> e instanceof NdisEvent.ApiCalled a && a.api().equals(name);
  }

  public static Predicate<NdisEvent> apiReturned(String name) {
    return e -> e instanceof NdisEvent.ApiReturned a && a.api().equals(name);
  }

  public static Predicate<NdisEvent> handler(String name) {
    return e -> e instanceof NdisEvent.HandlerCalled h && h.handler().equals(name);
  }

  public static Predicate<NdisEvent> handlerReturned(String name) {
    return e -> e instanceof NdisEvent.HandlerReturned h && h.handler().equals(name);
  }

  /** Status the named handler returned, for every call of it, in order. */
  public List<String> handlerStatuses(String name) {
    return of(NdisEvent.HandlerReturned.class).stream()
        .filter(h -> h.handler().equals(name))
        .map(h -> String.valueOf(h.status()))
        .toList();
  }

  /** How each request of {@code kind} was consumed: "pended" or "final", in order. */
  public List<String> completions(RequestKind kind) {
    return of(NdisEvent.RequestCompleted.class).stream()
        .filter(c -> c.token().kind() == kind)
        .map(c -> c.pended() ? "pended" : "final")
        .toList();
  }

  /** Tags of contexts allocated during the run ("client.party", "cm.vc", ...), in order. */
  public List<String> allocatedTags() {
    return of(NdisEvent.ContextAllocated.class).stream().map(a -> a.context().tag()).toList();
  }

  /** The CM-side labels drawn, without the kind prefix, and every other label as is. */
  public ImmutableList<String> choicesDrawn() {
    String pre = prefix(kind) + ".";
    return platform.choices().stream()
        .map(c -> c.label().startsWith(pre) ? c.label().substring(pre.length()) : c.label())
        .collect(ImmutableList.toImmutableList());
  }

  // ------------------------------------------------------------------- assertions

  /** Finishes the run and asserts it was correct: no violation, nothing outstanding or live. */
  public NdisSnapshot finishClean() {
    NdisSnapshot end = finish();
    assertClean(end);
    return end;
  }

  public void assertClean(NdisSnapshot end) {
    assertThat(violations()).as("rule violations").isEmpty();
    assertThat(end.outstandingRequests()).as("outstanding requests").isEmpty();
    assertThat(end.liveContexts()).as("live contexts").isEmpty();
    assertThat(end.undeletedVcs()).as("undeleted VCs").isEmpty();
    assertThat(end.isClean()).isTrue();
    // every request completed exactly once
    List<Integer> opened =
        of(NdisEvent.RequestOpened.class).stream().map(o -> o.token().id()).sorted().toList();
    List<Integer> completed =
        of(NdisEvent.RequestCompleted.class).stream().map(c -> c.token().id()).sorted().toList();
    assertThat(completed).as("each request completed exactly once").isEqualTo(opened);
  }
}
