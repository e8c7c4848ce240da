package dev.condis.reference.ndis;

import dev.condis.reference.RecordMethods;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.MiniportCoHandlers;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolClientHandlers;
import dev.condis.reference.ddi.ProtocolCmHandlers;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.TrackedContext;
import dev.condis.reference.event.EventBus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state and the mechanics shared by the routers: the one NDIS lock, the handle table, the
 * request book, the registered drivers, handle look-ups that report misuse, and the call-out
 * to driver handlers.
 *
 * <p>Lock discipline: every API entry takes the "ndis" lock ({@link #api}), all NDIS state is
 * read and written under it ({@link #requireLock} asserts it), events about NDIS state are
 * emitted while it is held, and {@link #callOut} releases it around every driver handler,
 * because handlers may call straight back into NDIS (GEN-9) and platform locks are
 * non-reentrant. State may have changed when a call-out returns; callers re-read it.
 */
final class NdisCore {

  /** The API function being executed and who called it. */
  record Call(Actor actor, String api) {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {actor, api}; }
    private static final String[] NAMES = {"actor", "api"};
    @Override public boolean equals(Object o) { return o instanceof Call r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("Call", NAMES, parts()); }
  }

  final Platform platform;
  final EventBus events;
  final ContextTracker tracker;
  private final ContextTracker.Holds holds;
  final HandleTable table = new HandleTable();
  final RequestBook requests;
  private final PlatformLock lock;

  // Registered drivers; written under the lock at registration, read under it afterwards.
  private ProtocolClientHandlers client;
  private ProtocolCmHandlers callManager;
  private Actor callManagerActor;
  private MiniportCoHandlers miniport;

  NdisCore(Platform platform) {
    this.platform = Objects.requireNonNull(platform);
    this.lock = platform.newLock("ndis");
    this.events = new EventBus(platform);
    this.tracker = ContextTracker.create(events);
    this.holds = tracker.holds(); // NDIS's alone, taken before any driver sees the tracker
    this.requests = new RequestBook(events);
  }

  // ---------------------------------------------------------------- lock discipline

  /** Runs an NDIS API function: takes the lock, emits ApiCalled / ApiReturned around {@code body}. */
  <T> T api(Actor caller, String api, String args, Function<Call, T> body, Function<T, NdisStatus> statusOf) {
    enter(caller, api, args);
    try {
      T result = body.apply(new Call(caller, api));
      NdisStatus status = statusOf.apply(result);
      events.emit(stamp -> new NdisEvent.ApiReturned(stamp, caller, api, status));
      return result;
    } finally {
      platform.unlock(lock);
    }
  }

  /** {@link #api} for a VOID function. */
  void apiVoid(Actor caller, String api, String args, Consumer<Call> body) {
    api(caller, api, args, call -> {
      body.accept(call);
      return null;
    }, result -> null);
  }

  /** Runs {@code body} under the lock without API events (registration, snapshots). */
  <T> T locked(Supplier<T> body) {
    requireUnlocked("NDIS internal");
    platform.lock(lock);
    try {
      return body.get();
    } finally {
      platform.unlock(lock);
    }
  }

  private void enter(Actor caller, String api, String args) {
    requireUnlocked(api);
    platform.lock(lock);
    events.emit(stamp -> new NdisEvent.ApiCalled(stamp, caller, api, args));
  }

  /** Asserts that the calling thread holds the NDIS lock: NDIS state is touched only under it. */
  void requireLock() {
    if (!platform.holdsLock(lock)) {
      throw new IllegalStateException("NDIS bug: NDIS state touched without the ndis lock");
    }
  }

  private void requireUnlocked(String where) {
    if (platform.holdsLock(lock)) {
      throw new IllegalStateException(
          "NDIS bug: " + where + " entered with the ndis lock held: a handler was called under it (GEN-9)");
    }
  }

  /**
   * Calls a driver handler: emits HandlerCalled, releases the NDIS lock, runs {@code body},
   * re-takes the lock and emits HandlerReturned. The lock is never held inside a handler.
   */
  <T> T callOut(Actor callee, String handler, String args, Supplier<T> body, Function<T, NdisStatus> statusOf) {
    T result = Objects.requireNonNull(unlockedCall(callee, handler, args, body), () -> handler + " returned null");
    NdisStatus status = Objects.requireNonNull(statusOf.apply(result), () -> handler + " returned a null status");
    events.emit(stamp -> new NdisEvent.HandlerReturned(stamp, callee, handler, status));
    return result;
  }

  NdisStatus callOut(Actor callee, String handler, String args, Supplier<NdisStatus> body) {
    return callOut(callee, handler, args, body, status -> status);
  }

  /** {@link #callOut} for a VOID handler. */
  void callOutVoid(Actor callee, String handler, String args, Runnable body) {
    unlockedCall(callee, handler, args, () -> {
      body.run();
      return null;
    });
    events.emit(stamp -> new NdisEvent.HandlerReturned(stamp, callee, handler, null));
  }

  private <T> T unlockedCall(Actor callee, String handler, String args, Supplier<T> body) {
    requireLock();
    events.emit(stamp -> new NdisEvent.HandlerCalled(stamp, callee, handler, args));
    platform.unlock(lock);
    try {
      return body.get();
    } finally {
      platform.lock(lock);
    }
  }

  // ---------------------------------------------------------------- drivers

  void registerClient(ProtocolClientHandlers handlers) {
    requireLock();
    if (client != null) {
      throw new IllegalStateException("a client is already registered");
    }
    client = Objects.requireNonNull(handlers);
  }

  void registerCallManager(ProtocolCmHandlers handlers, Actor kind) {
    requireLock();
    if (callManager != null) {
      throw new IllegalStateException("a call manager (" + callManagerActor + ") is already registered");
    }
    if (kind == Actor.MCM && miniport != null) {
      throw new IllegalStateException("an MCM has no separate miniport; one is already registered");
    }
    callManager = Objects.requireNonNull(handlers);
    callManagerActor = kind;
  }

  void registerMiniport(MiniportCoHandlers handlers) {
    requireLock();
    if (miniport != null) {
      throw new IllegalStateException("a miniport is already registered");
    }
    if (callManagerActor == Actor.MCM) {
      throw new IllegalStateException("an MCM has no separate miniport");
    }
    miniport = Objects.requireNonNull(handlers);
  }

  ProtocolClientHandlers client() {
    return Objects.requireNonNull(client, "no client registered with NDIS");
  }

  ProtocolCmHandlers callManager() {
    return Objects.requireNonNull(callManager, "no call manager registered with NDIS");
  }

  /** CALL_MANAGER or MCM; CALL_MANAGER until one registers. */
  Actor callManagerActor() {
    return callManagerActor == null ? Actor.CALL_MANAGER : callManagerActor;
  }

  /** The miniport beneath a stand-alone call manager; null with an MCM. */
  MiniportCoHandlers miniport() {
    return miniport;
  }

  // ---------------------------------------------------------------- reporting

  /**
   * NDIS is about to check {@code rules}: each could be reported here had the state been
   * wrong. Rule coverage ({@link EventBus#recordChecks}) is made of these.
   */
  void checking(String... rules) {
    for (String rule : rules) {
      events.checked(rule);
    }
  }

  void violation(String ruleId, String message) {
    requireLock();
    Rules.report(events, ruleId, message);
  }

  void violation(Call call, String ruleId, String message) {
    violation(ruleId, call.api() + ": " + message);
  }

  void note(String text) {
    events.emit(stamp -> new NdisEvent.Note(stamp, Actor.NDIS, text));
  }

  private void handleUsed(Call call, NdisHandle handle, boolean valid) {
    events.emit(stamp -> new NdisEvent.HandleUsed(stamp, call.actor(), handle, call.api(), valid));
  }

  /**
   * Records that NDIS hands {@code context} to a handler or takes it from a driver: a context
   * already released is a USE_AFTER_CLOSE violation of {@code ruleId}. Null is passed through.
   */
  void touch(TrackedContext context, String ruleId, String where) {
    requireLock();
    if (context == null) {
      return;
    }
    if (context.id() == 0) {
      violation(ruleId, where + ": " + context.kind().ndisName() + "(" + context.tag()
          + ") was never allocated through the ContextTracker");
      return;
    }
    context.touch(ruleId, where);
  }

  /**
   * NDIS keeps a context a driver handed it, to pass back to a handler later: its owner may not
   * release it before {@link #letGo} (the tracker reports such a release under {@code ruleId}).
   * Null and never-allocated contexts are skipped (their misuse is reported where they are passed).
   */
  void hold(TrackedContext context, String ruleId, String until) {
    holdBecause(context, ruleId, "while NDIS still holds it to hand back (" + until + ")");
  }

  /** A release of {@code context} from now on breaks {@code ruleId}; {@code why} says how. */
  void holdBecause(TrackedContext context, String ruleId, String why) {
    requireLock();
    if (context != null && context.id() != 0) {
      holds.hold(context, ruleId, why);
    }
  }

  /**
   * DROP-7: the call manager's CallMgrPartyContext of an attached party is handed back by
   * ProtocolCmDropParty or ProtocolCmCloseCall; it may not be freed before.
   */
  void holdPartyContext(PartyRecord party) {
    hold(party.callManagerContext(), "DROP-7", "the CallMgrPartyContext of " + party.handle()
        + ", until ProtocolCmDropParty or ProtocolCmCloseCall");
  }

  /** NDIS will not pass {@code context} to a handler again: ends its {@code ruleId} hold. */
  void letGo(TrackedContext context, String ruleId) {
    requireLock();
    if (context != null && context.id() != 0) {
      holds.letGo(context, ruleId);
    }
  }

  // ---------------------------------------------------------------- handles

  VcRecord issueVc(Actor creator, String detail) {
    requireLock();
    VcRecord vc = table.newVc(creator, callManagerActor());
    events.emit(stamp -> new NdisEvent.HandleIssued(stamp, vc.handle(), detail));
    return vc;
  }

  void invalidateVc(VcRecord vc, String reason) {
    requireLock();
    vc.state = VcState.DELETED;
    letGo(vc.clientContext, "VC-11");
    letGo(vc.callManagerContext, "VC-11");
    letGo(vc.miniportContext, "VC-11");
    events.emit(stamp -> new NdisEvent.HandleInvalidated(stamp, vc.handle(), reason));
  }

  PartyRecord issueParty(VcRecord vc, PartyRecord.Origin origin, ProtocolPartyContext context, String detail) {
    requireLock();
    PartyRecord party = table.newParty(vc, origin, context);
    events.emit(stamp -> new NdisEvent.HandleIssued(stamp, party.handle(), detail));
    return party;
  }

  void endParty(PartyRecord party, PartyRecord.End why, String reason) {
    requireLock();
    party.end(why);
    letGo(party.callManagerContext(), "DROP-7");
    events.emit(stamp -> new NdisEvent.HandleInvalidated(stamp, party.handle(), reason));
  }

  /**
   * The VC behind {@code handle} if the caller may use it; otherwise reports the misuse (never
   * issued: {@code unknownRule}; dead: VC-7, VC-8 or CLOSE-11) and returns null.
   */
  VcRecord vc(Call call, NdisVcHandle handle, String unknownRule) {
    requireLock();
    VcRecord vc = table.vc(handle);
    checking(unknownRule, call.actor() == Actor.CLIENT ? "CLOSE-11" : "VC-8", "VC-7");
    String rule = vc == null ? unknownRule : vc.deadRuleFor(call.actor());
    handleUsed(call, handle, rule == null);
    if (rule != null) {
      violation(call, rule, handle + (vc == null ? " was never issued by NDIS" : " is no longer valid for the "
          + call.actor() + " (" + vc.state + ")"));
      return null;
    }
    return vc;
  }

  /** A party handle the client passes to {@code use}; null (reported) if it may not. */
  PartyRecord clientParty(Call call, NdisPartyHandle handle, PartyRecord.ClientUse use, String unknownRule) {
    requireLock();
    PartyRecord party = table.party(handle);
    // Every way a party handle dies for the client (PartyRecord.End) and every state it may not use.
    checking(unknownRule, "MAKE-6", "MAKE-13", "ADD-4", "DROP-3", "CLOSE-9",
        use == PartyRecord.ClientUse.DROP ? "DROP-11" : "DROP-3");
    String rule = party == null ? unknownRule : party.clientDeadRule(use);
    return checkedParty(call, handle, party, rule);
  }

  /** A party handle the call manager passes to NDIS; null (reported) if it is dead or unknown. */
  PartyRecord callManagerParty(Call call, NdisPartyHandle handle, String unknownRule) {
    requireLock();
    PartyRecord party = table.party(handle);
    checking(unknownRule, "MAKE-9", "ADD-4", "DROP-7", "CLOSE-9"); // every PartyRecord.End
    String rule = party == null ? unknownRule : party.callManagerDeadRule();
    return checkedParty(call, handle, party, rule);
  }

  private PartyRecord checkedParty(Call call, NdisPartyHandle handle, PartyRecord party, String rule) {
    handleUsed(call, handle, rule == null);
    if (rule != null) {
      violation(call, rule, handle + (party == null ? " was never issued by NDIS"
          : " may not be used here (" + party.state() + ")"));
      return null;
    }
    return party;
  }

  /** Whether {@code handle} is an open address family; reports AF-6 otherwise. */
  boolean af(Call call, NdisAfHandle handle) {
    requireLock();
    boolean valid = table.isAf(handle);
    checking("AF-6");
    handleUsed(call, handle, valid);
    if (!valid) {
      violation(call, "AF-6", "invalid NdisAfHandle " + handle);
    }
    return valid;
  }

  /** Whether {@code handle} is a registered SAP; reports INCALL-1 otherwise. */
  boolean sap(Call call, NdisSapHandle handle) {
    requireLock();
    boolean valid = table.isSap(handle);
    checking("INCALL-1");
    handleUsed(call, handle, valid);
    if (!valid) {
      violation(call, "INCALL-1", "the incoming call is not matched to a SAP the client registered: " + handle);
    }
    return valid;
  }

  /**
   * Takes the {@code kind} request a completion function finishes on the VC behind {@code
   * handle}. Double completions win over handle death: a late second completion is reported as
   * GEN-2/GEN-3 (or GEN-6/GEN-7), not as a dead handle. Returns null if nothing may be delivered.
   */
  Request complete(Call call, NdisVcHandle handle, RequestKind kind, NdisStatus status) {
    requireLock();
    VcRecord vc = table.vc(handle);
    handleUsed(call, handle, vc != null && vc.deadRuleFor(call.actor()) == null);
    return requests.complete(vc == null ? null : vc.requests(), kind, status, call.api(), String.valueOf(handle));
  }

  /** {@link #complete(Call, NdisVcHandle, RequestKind, NdisStatus)} for a party's request. */
  Request complete(Call call, NdisPartyHandle handle, RequestKind kind, NdisStatus status) {
    requireLock();
    PartyRecord party = table.party(handle);
    handleUsed(call, handle, party != null && party.callManagerDeadRule() == null);
    return requests.complete(party == null ? null : party.requests(), kind, status, call.api(), String.valueOf(handle));
  }
}
