package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.MiniportCoHandlers;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisMiniportApi;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.ProtocolClientHandlers;
import dev.condis.reference.ddi.ProtocolCmHandlers;
import dev.condis.reference.event.EventBus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.NdisListener;
import dev.condis.reference.platform.Platform;

/**
 * The emulated NDIS between a CoNDIS client and a call manager (stand-alone with its miniport,
 * or an MCM): it owns every handle, routes every request to the peer's handler and every
 * completion back (condis-rules.md §2), and reports every misuse it can see as a {@link
 * NdisEvent.RuleViolation} with the most specific rule ID, never as a Java exception: an
 * invalid handle, a request the rules forbid at that moment, a completion with PENDING or
 * without an outstanding request. A refused request returns FAILURE (or the status its page
 * names: NOT_ACCEPTED, CLOSING) without calling the peer; a refused VOID function does nothing.
 *
 * <p>Each driver gets its own API object from its registration, so a stand-alone CM cannot
 * call NdisMCm functions nor an MCM NdisCm ones (GEN-10).
 *
 * <p>Concurrency: one platform lock named "ndis" guards all NDIS state; events about that state
 * are emitted while it is held; it is never held while a driver handler runs (GEN-9).
 *
 * <p>Simplified: the address family and SAP are opened and registered synchronously by the
 * harness ({@link #openAddressFamily()}, {@link #registerSap()}) and stay open for the whole
 * run. Of the AF rules only the handle check of NdisCoCreateVc / NdisMCmCreateVc (AF-6) is
 * checked; AF-1..AF-5 and AF-7 (closing an AF) are out of scope.
 */
public final class Ndis {
  private final NdisCore core;
  private final Routers routers;

  public Ndis(Platform platform) {
    this.core = new NdisCore(platform);
    this.routers = Routers.of(core);
  }

  public EventBus events() {
    return core.events;
  }

  /** The tracking allocator every driver allocates its contexts with. */
  public ContextTracker tracker() {
    return core.tracker;
  }

  public Platform platform() {
    return core.platform;
  }

  /**
   * Adds a listener. It runs on the acting thread while NDIS holds its lock, so it must not
   * call back into NDIS (not even {@link #snapshot()}) and must not block.
   */
  public void addListener(NdisListener listener) {
    core.events.addListener(listener);
  }

  /** Registers the client's handlers; returns the NDIS functions it may call. One client per NDIS. */
  public NdisClientApi registerClient(ProtocolClientHandlers handlers) {
    core.locked(() -> {
      core.registerClient(handlers);
      core.note("client registered");
      return null;
    });
    return new Faces.Client(routers);
  }

  /** Registers a stand-alone call manager; returns its NdisCmXxx functions. */
  public NdisCmApi registerCallManager(ProtocolCmHandlers handlers) {
    registerCallManager(handlers, Actor.CALL_MANAGER);
    return new Faces.Standalone(routers);
  }

  /** Registers the CoNDIS miniport beneath the stand-alone call manager. */
  public NdisMiniportApi registerMiniport(MiniportCoHandlers handlers) {
    core.locked(() -> {
      core.registerMiniport(handlers);
      core.note("miniport registered");
      return null;
    });
    return new Faces.Miniport(routers);
  }

  /** Registers a miniport with an integrated call manager; returns its NdisMCmXxx functions. */
  public NdisMcmApi registerMcm(ProtocolCmHandlers handlers) {
    registerCallManager(handlers, Actor.MCM);
    return new Faces.Integrated(routers);
  }

  private void registerCallManager(ProtocolCmHandlers handlers, Actor kind) {
    core.locked(() -> {
      core.registerCallManager(handlers, kind);
      core.note((kind == Actor.MCM ? "MCM" : "stand-alone call manager") + " registered");
      return null;
    });
  }

  /** The client opens an address family, synchronously (simplified: NdisClOpenAddressFamilyEx). */
  public NdisAfHandle openAddressFamily() {
    return core.locked(() -> {
      NdisAfHandle af = core.table.newAf();
      core.events.emit(stamp -> new NdisEvent.HandleIssued(stamp, af, "NdisClOpenAddressFamilyEx"));
      return af;
    });
  }

  /** The client registers a SAP, synchronously (simplified: NdisClRegisterSap). */
  public NdisSapHandle registerSap() {
    return core.locked(() -> {
      NdisSapHandle sap = core.table.newSap();
      core.events.emit(stamp -> new NdisEvent.HandleIssued(stamp, sap, "NdisClRegisterSap"));
      return sap;
    });
  }

  /**
   * Reports every obligation a handler left undone ({@link ObligationCheck}). Called by the
   * harness when a scenario has ended quiescent, before the drivers' shutdown.
   */
  public void checkObligations() {
    core.locked(() -> {
      new ObligationCheck(core).run();
      return null;
    });
  }

  /** NDIS's state now: outstanding requests, live handles and contexts, and every VC. */
  public NdisSnapshot snapshot() {
    return core.locked(() -> {
      ImmutableList.Builder<NdisSnapshot.LiveHandle> handles = ImmutableList.builder();
      core.table.afs().forEach(af -> handles.add(new NdisSnapshot.LiveHandle(af, "OPEN")));
      core.table.saps().forEach(sap -> handles.add(new NdisSnapshot.LiveHandle(sap, "REGISTERED")));
      ImmutableList.Builder<NdisSnapshot.VcSummary> vcs = ImmutableList.builder();
      for (VcRecord vc : core.table.vcs()) {
        ImmutableList<NdisSnapshot.PartySummary> parties = vc.liveParties().stream()
            .map(p -> new NdisSnapshot.PartySummary(p.handle(), p.state()))
            .collect(ImmutableList.toImmutableList());
        vcs.add(new NdisSnapshot.VcSummary(vc.handle(), vc.creator(), vc.state, vc.activation, parties));
        if (vc.state != VcState.DELETED) {
          handles.add(new NdisSnapshot.LiveHandle(vc.handle(), vc.state + "/" + vc.activation));
        }
      }
      for (PartyRecord party : core.table.parties()) {
        if (party.state() != PartyState.GONE) {
          handles.add(new NdisSnapshot.LiveHandle(party.handle(), party.state().toString()));
        }
      }
      return new NdisSnapshot(core.requests.outstanding(), handles.build(), core.tracker.live(), vcs.build());
    });
  }
}
