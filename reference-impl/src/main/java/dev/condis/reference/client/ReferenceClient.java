package dev.condis.reference.client;

import dev.condis.reference.client.ClientParty.State;
import dev.condis.reference.client.ClientVc.Call;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.context.ProtocolPartyContext;
import dev.condis.reference.context.ProtocolVcContext;
import dev.condis.reference.context.TrackedContext;
import dev.condis.reference.driver.ClientDriver;
import dev.condis.reference.driver.ClientEnvironment;
import dev.condis.reference.driver.CreateVcResult;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisClientApi;
import dev.condis.reference.ndis.NdisPartyHandle;
import dev.condis.reference.ndis.NdisStatus;
import dev.condis.reference.ndis.NdisVcHandle;
import dev.condis.reference.ndis.PartyCreation;
import dev.condis.reference.ndis.VcCreation;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference CoNDIS client: a protocol driver that makes outgoing calls on VCs it creates,
 * adds and drops parties, accepts, pends or rejects incoming calls on VCs a call manager
 * creates, and closes everything it opened. It follows every rule of condis-rules.md.
 *
 * <p>Discipline, for every path:
 *
 * <ul>
 *   <li>All state is guarded by one platform lock, never held across a call into NDIS (GEN-9):
 *       each step decides under the lock, records the request as outstanding (GEN-8), releases
 *       the lock, and only then calls NDIS ({@link #run(List)}).
 *   <li>A request that returns a final status gets its completion logic run here, once; one
 *       that returns PENDING gets it from NDIS (GEN-1). Both go through the same method.
 *   <li>Requests that the rules order after others wait for them: nothing on a VC while its
 *       make-call is pending, then the close from ProtocolClMakeCallComplete (MAKE-13, OQ-3);
 *       no close while an add-party is pending (ADD-9, OQ-4); parties dropped until one is left
 *       and every drop completed before the close (CLOSE-1, DROP-10, OQ-2); an accepted
 *       incoming call closed only once connected (OQ-24).
 *   <li>Contexts are allocated and released through the tracker exactly where §1.3 says, and
 *       read only after {@link TrackedContext#touch}. A context the client may already have
 *       released (a CM-created VC deleted by its call manager) is looked up in the client's
 *       own list first.
 * </ul>
 *
 * <p>Choice labels: {@code client.incomingCall.answer} (3: accept, pend, reject) and {@code
 * client.incomingCall.pendedAnswer} (2: accept, reject). A client-initiated close or drop
 * carries a close-data buffer until the call manager once answers INVALID_DATA; from then on
 * the client leaves it out (CLOSE-18, DROP-12).
 */
public class ReferenceClient implements ClientDriver {

  static final int MAKE_CALL_FLOW_SPEC = 100;
  static final int ADD_PARTY_FLOW_SPEC = 50;
  /** Bounds the CLOSE-18 retries of a close the call manager fails. */
  static final int MAX_CLOSE_ATTEMPTS = 3;

  private static final int ACCEPT = 0;
  private static final int PEND = 1;
  private static final int REJECT = 2;

  private NdisClientApi ndis;
  private Platform platform;
  private ContextTracker tracker;
  private FaultSet faults;
  private NdisAfHandle ndisAfHandle;
  private PlatformLock lock;

  /** Every VC whose ProtocolVcContext is live, in creation order. Guarded by {@link #lock}. */
  private final List<ClientVc> vcs = new ArrayList<>();
  /** shutdown() was called: close what is open, reject new offers. */
  private boolean shuttingDown;
  /** The call manager answered INVALID_DATA to close data once (CLOSE-6, DROP-5). */
  private boolean closeDataRefused;

  public ReferenceClient() {}

  @Override
  public void initialize(ClientEnvironment environment) {
    this.ndis = environment.ndis();
    this.platform = environment.platform();
    this.tracker = environment.tracker();
    this.faults = environment.faults();
    this.ndisAfHandle = environment.ndisAfHandle();
    this.lock = platform.newLock("client");
  }

  // ---------------------------------------------------------------------------------------
  // Actions

  /** §2.1: NdisCoCreateVc, then NdisClMakeCall (first party if multipoint), then the adds. */
  @Override
  public void makeCall(int parties) {
    ClientVc vc;
    lock();
    try {
      if (shuttingDown) {
        return;
      }
      vc = tracker.allocate(new ClientVc("client.vc", true, parties)); // before NdisCoCreateVc
      vcs.add(vc);
    } finally {
      unlock();
    }
    VcCreation created = ndis.coCreateVc(ndisAfHandle, vc); // MAKE-1
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      if (!vc.touch("VC-3", "client.makeCall")) {
        return;
      }
      if (!created.status().isSuccess()) {
        vcs.remove(vc);
        tracker.release(vc, "VC-3", "client.makeCall: NdisCoCreateVc failed"); // no VC exists
        return;
      }
      vc.handle = created.ndisVcHandle();
      next.add(startMakeCall(vc));
    } finally {
      unlock();
    }
    run(next);
  }

  /** §2.4: adds one party to the first established multipoint call (ADD-1). */
  @Override
  public void addParty() {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      for (ClientVc vc : vcs) {
        if (vc.touch("ADD-1", "client.addParty")
            && vc.multipoint
            && vc.call == Call.ACTIVE
            && !vc.closeWanted) {
          next.add(startAddParty(vc));
          break;
        }
      }
    } finally {
      unlock();
    }
    run(next);
  }

  /** §2.5: drops the newest party of the first multipoint call that has another (DROP-1). */
  @Override
  public void dropParty() {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      for (ClientVc vc : vcs) {
        if (!vc.touch("DROP-1", "client.dropParty")
            || vc.call != Call.ACTIVE
            || vc.closeWanted) {
          continue;
        }
        List<ClientParty> connected = vc.partiesIn(State.CONNECTED);
        if (connected.size() >= 2) {
          next.add(startDropParty(connected.get(connected.size() - 1), true));
          break;
        }
      }
    } finally {
      unlock();
    }
    run(next);
  }

  /**
   * §2.2: closes the first open call, outgoing or incoming, as soon as the rules allow:
   * after its make-call completed (MAKE-13), its adds completed (ADD-9), once connected
   * (OQ-24), and after dropping every party but one (CLOSE-1, DROP-10).
   */
  @Override
  public void closeCall() {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      for (ClientVc vc : vcs) {
        if (!vc.touch("CLOSE-3", "client.closeCall")) {
          continue;
        }
        if (isOpen(vc) && !vc.closeWanted) {
          vc.closeWanted = true;
          next.addAll(advanceClose(vc));
          break;
        }
        if (vc.call == Call.CLOSING && fault(SeededFault.CLIENT_CLOSES_CALL_TWICE)) {
          // Seeded fault: CLOSE-17, a second NdisClCloseCall while the first is outstanding.
          NdisVcHandle handle = vc.handle;
          NdisPartyHandle party = vc.closingParty == null ? null : vc.closingParty.handle;
          next.add(() -> ndis.clCloseCall(handle, party, null));
          break;
        }
      }
    } finally {
      unlock();
    }
    run(next);
  }

  /**
   * End of the scenario: close every open call (the same path as {@link #closeCall()}, so
   * the ordering rules still hold), delete every idle VC of ours, and reject later offers.
   * Calls whose make-call or offer is still outstanding close once it completes. VCs a call
   * manager created are left to it: their contexts go in ProtocolCoDeleteVc (OQ-23; the
   * address family itself is opened and kept by the wiring, never closed here).
   */
  @Override
  public void shutdown() {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      shuttingDown = true;
      for (ClientVc vc : List.copyOf(vcs)) {
        if (!vc.touch("VC-16", "client.shutdown")) {
          continue;
        }
        if (isOpen(vc)) {
          vc.closeWanted = true;
          next.addAll(advanceClose(vc));
        } else if (vc.ownedByClient && vc.call == Call.IDLE) {
          next.add(deleteVc(vc)); // VC-16, OQ-15: a deletion refused earlier is retried
        }
      }
    } finally {
      unlock();
    }
    run(next);
  }

  // ---------------------------------------------------------------------------------------
  // VCs (§2.1 steps 1 and 5b, §2.8)

  /** ProtocolCoCreateVc for a VC a call manager creates: allocate our context. Never PENDING. */
  @Override
  public CreateVcResult<ProtocolVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    lock();
    try {
      ClientVc vc = tracker.allocate(new ClientVc("client.vc.incoming", false, 0));
      vc.handle = ndisVcHandle;
      vcs.add(vc);
      return CreateVcResult.success(vc); // GEN-5
    } finally {
      unlock();
    }
  }

  /**
   * ProtocolCoDeleteVc: the call manager deletes a VC it created; release our context here
   * and only here (VC-9, VC-11, CLOSE-12). Refused while a call is on it (OQ-15).
   */
  @Override
  public NdisStatus protocolCoDeleteVc(ProtocolVcContext protocolVcContext) {
    ClientVc vc = (ClientVc) protocolVcContext;
    lock();
    try {
      if (!vc.touch("VC-8", "client.ProtocolCoDeleteVc")) {
        return NdisStatus.FAILURE;
      }
      if (vc.call != Call.IDLE && vc.call != Call.CLOSED) {
        return NdisStatus.NOT_ACCEPTED;
      }
      vcs.remove(vc);
      tracker.release(vc, "VC-11", "client.ProtocolCoDeleteVc");
      return NdisStatus.SUCCESS;
    } finally {
      unlock();
    }
  }

  /**
   * Under the lock: NdisCoDeleteVc on our own VC (VC-4), then free ProtocolVcContext after it
   * returned SUCCESS (VC-11). Refused, the VC stays for shutdown() to retry (OQ-15).
   */
  private Runnable deleteVc(ClientVc vc) {
    if (fault(SeededFault.CLIENT_NEVER_DELETES_VC)) {
      return () -> {}; // Seeded fault: VC-16, the VC is never deleted.
    }
    vc.call = Call.DELETING;
    NdisVcHandle handle = vc.handle;
    return () -> {
      NdisStatus status = ndis.coDeleteVc(handle);
      lock();
      try {
        if (status.isSuccess()) {
          vcs.remove(vc); // VC-7: the handle is dead
          tracker.release(vc, "VC-11", "client.deleteVc");
        } else if (vc.touch("VC-6", "client.deleteVc")) {
          vc.call = Call.IDLE;
        }
      } finally {
        unlock();
      }
    };
  }

  // ---------------------------------------------------------------------------------------
  // Outgoing call (§2.1)

  /** Under the lock: the make-call is recorded as outstanding before it is made (GEN-8). */
  private Runnable startMakeCall(ClientVc vc) {
    CallParameters parameters =
        tracker.allocate(new CallParameters("client.makeCall", MAKE_CALL_FLOW_SPEC));
    ClientParty first = vc.multipoint ? newParty(vc) : null;
    vc.call = Call.MAKING;
    NdisVcHandle handle = vc.handle;
    return () -> {
      // MAKE-2: parameters stay lent until the completion.
      PartyCreation made = ndis.clMakeCall(handle, parameters, first);
      if (made.status().isFinal()) {
        makeCallCompleted(made.status(), vc, made.ndisPartyHandle(), parameters); // GEN-1
      }
    };
  }

  @Override
  public void protocolClMakeCallComplete(
      NdisStatus status,
      ProtocolVcContext protocolVcContext,
      NdisPartyHandle ndisPartyHandle,
      CallParameters callParameters) {
    makeCallCompleted(status, (ClientVc) protocolVcContext, ndisPartyHandle, callParameters);
  }

  /**
   * ProtocolClMakeCallComplete, or its logic after a final return. SUCCESS: keep the party
   * handle (MAKE-6), copy the parameters out and free them (OQ-17), then close if a close was
   * asked for meanwhile (MAKE-13) or add the remaining parties. Failure: free the party
   * context and the parameters and delete the VC from in here (MAKE-8).
   */
  private void makeCallCompleted(
      NdisStatus status, ClientVc vc, NdisPartyHandle partyHandle, CallParameters parameters) {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      if (!vc.touch("MAKE-8", "client.ProtocolClMakeCallComplete") || vc.call != Call.MAKING) {
        return;
      }
      ClientParty first = vc.parties.isEmpty() ? null : vc.parties.get(0);
      if (status.isSuccess()) {
        if (parameters.touch("MAKE-2", "client.ProtocolClMakeCallComplete")) {
          vc.flowSpec = parameters.flowSpec(); // CALL_PARAMETERS_CHANGED or not, we take it
        }
        tracker.release(parameters, "MAKE-2", "client.ProtocolClMakeCallComplete");
        vc.call = Call.ACTIVE;
        if (first != null && first.touch("MAKE-6", "client.ProtocolClMakeCallComplete")) {
          first.handle = partyHandle;
          first.state = State.CONNECTED;
        }
        if (vc.closeWanted) {
          next.addAll(advanceClose(vc)); // MAKE-11, MAKE-13: the close waited for this
        } else {
          for (; vc.partiesToAdd > 0; vc.partiesToAdd--) {
            next.add(startAddParty(vc));
          }
        }
      } else {
        // MAKE-6: the party handle is invalid; MAKE-8: release and delete.
        if (first != null) {
          vc.parties.remove(first);
          if (!fault(SeededFault.CLIENT_LEAKS_PARTY_ON_MAKE_FAILURE)) {
            tracker.release(first, "MAKE-8", "client.ProtocolClMakeCallComplete");
          }
        }
        tracker.release(parameters, "MAKE-8", "client.ProtocolClMakeCallComplete");
        vc.call = Call.IDLE;
        next.add(deleteVc(vc)); // OQ-21: no retry; the VC goes
      }
    } finally {
      unlock();
    }
    run(next);
  }

  // ---------------------------------------------------------------------------------------
  // Add party (§2.4)

  /** Under the lock: a new party, ADDING before NdisClAddParty is made (GEN-8, ADD-9). */
  private Runnable startAddParty(ClientVc vc) {
    ClientParty party = newParty(vc);
    CallParameters parameters =
        tracker.allocate(new CallParameters("client.addParty", ADD_PARTY_FLOW_SPEC));
    NdisVcHandle handle = vc.handle;
    return () -> {
      // ADD-8: parameters stay lent until the completion.
      PartyCreation added = ndis.clAddParty(handle, party, parameters);
      if (added.status().isFinal()) {
        addPartyCompleted(added.status(), party, added.ndisPartyHandle(), parameters); // GEN-1
      }
    };
  }

  @Override
  public void protocolClAddPartyComplete(
      NdisStatus status,
      ProtocolPartyContext protocolPartyContext,
      NdisPartyHandle ndisPartyHandle,
      CallParameters callParameters) {
    addPartyCompleted(status, (ClientParty) protocolPartyContext, ndisPartyHandle, callParameters);
  }

  /**
   * ProtocolClAddPartyComplete, or its logic after a final return. SUCCESS: store the handle
   * (ADD-4). Failure: the handle is dead; free the party context and the parameters (ADD-5).
   * Then go on with a close that waited for this add (ADD-9), or acknowledge an incoming drop
   * that arrived before we knew the party (OQ-13), or drop a party whose changed parameters we
   * do not accept (ADD-10, see {@link #unacceptable}).
   */
  private void addPartyCompleted(
      NdisStatus status, ClientParty party, NdisPartyHandle partyHandle, CallParameters parameters) {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      ClientVc vc = party.vc;
      if (!party.touch("ADD-4", "client.ProtocolClAddPartyComplete")
          || party.state != State.ADDING
          || !vc.touch("ADD-9", "client.ProtocolClAddPartyComplete")) {
        return;
      }
      boolean unacceptable = false;
      if (parameters.touch("ADD-8", "client.ProtocolClAddPartyComplete")) { // ours again
        unacceptable = status.isSuccess() && unacceptable(parameters); // copied out before the free
      }
      if (status.isSuccess()) {
        tracker.release(parameters, "ADD-8", "client.ProtocolClAddPartyComplete"); // OQ-17
        party.handle = partyHandle;
        party.state = State.CONNECTED;
      } else {
        if (!fault(SeededFault.CLIENT_LEAKS_ADD_PARTY_PARAMETERS)) {
          tracker.release(parameters, "ADD-5", "client.ProtocolClAddPartyComplete");
        }
        vc.parties.remove(party);
        party.state = State.GONE;
        tracker.release(party, "ADD-5", "client.ProtocolClAddPartyComplete");
      }
      if (vc.closeWanted) {
        next.addAll(advanceClose(vc));
      } else if (status.isSuccess() && party.remoteDropped) {
        next.addAll(acknowledgeIncomingDrop(party));
      } else if (unacceptable
          && vc.partiesIn(State.CONNECTED).stream().anyMatch(other -> other != party)) {
        // ADD-10: the usual response to unacceptable parameters is to drop that party (no drop
        // data: there is nothing to tell a leaf never used). The last party of a call can go
        // only with the close (DROP-1): one left alone is kept.
        next.add(startDropParty(party, false));
      }
    } finally {
      unlock();
    }
    run(next);
  }

  /**
   * ADD-10, the reference's reading of "unacceptable": the call manager changed the add-party
   * parameters (CALL_PARAMETERS_CHANGED) and granted a flow spec below the {@link
   * #ADD_PARTY_FLOW_SPEC} the client asked for. A raised or unchanged flow spec is accepted.
   * The reference call managers never change add-party parameters, so only another call
   * manager makes the client drop for this. (A make-call's changed parameters are always
   * accepted: the reference never takes MAKE-11's close-from-the-completion path for them.)
   */
  private static boolean unacceptable(CallParameters completed) {
    return completed.callParametersChanged() && completed.flowSpec() < ADD_PARTY_FLOW_SPEC;
  }

  // ---------------------------------------------------------------------------------------
  // Drop party (§2.5)

  /**
   * Under the lock: the party is DROPPING before NdisClDropParty is made, and its handle is
   * used for nothing else from here (DROP-3, DROP-11). A client-initiated drop carries drop
   * data unless the call manager refused it once; an acknowledgement never does.
   */
  private Runnable startDropParty(ClientParty party, boolean withData) {
    party.state = State.DROPPING;
    CloseData data =
        withData && !closeDataRefused
            ? tracker.allocate(new CloseData("client.dropParty"))
            : null;
    party.dropData = data;
    NdisPartyHandle handle = party.handle;
    return () -> {
      NdisStatus status = ndis.clDropParty(handle, data);
      if (status.isFinal()) {
        dropPartyCompleted(status, party); // GEN-1
      }
    };
  }

  @Override
  public void protocolClDropPartyComplete(
      NdisStatus status, ProtocolPartyContext protocolPartyContext) {
    dropPartyCompleted(status, (ClientParty) protocolPartyContext);
  }

  /**
   * ProtocolClDropPartyComplete, or its logic after a final return. SUCCESS: free the party
   * context (DROP-4). INVALID_DATA: the party stays (DROP-12) and later drops go without data.
   * FAILURE: it is the last party (DROP-2) and goes with the close; its handle is ours again
   * for that (OQ-5). Then go on with a close that waited for this drop (DROP-10).
   */
  private void dropPartyCompleted(NdisStatus status, ClientParty party) {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      ClientVc vc = party.vc;
      if (!party.touch("DROP-8", "client.ProtocolClDropPartyComplete")
          || party.state != State.DROPPING
          || !vc.touch("DROP-9", "client.ProtocolClDropPartyComplete")) {
        return;
      }
      if (party.dropData != null) {
        tracker.release(party.dropData, "DROP-8", "client.ProtocolClDropPartyComplete"); // OQ-18
        party.dropData = null;
      }
      if (status.isSuccess()) {
        NdisPartyHandle dead = party.handle;
        vc.parties.remove(party);
        party.state = State.GONE;
        tracker.release(party, "DROP-4", "client.ProtocolClDropPartyComplete");
        if (fault(SeededFault.CLIENT_USES_PARTY_AFTER_DROP)) {
          next.add(() -> ndis.clDropParty(dead, null)); // Seeded fault: DROP-3
        }
      } else {
        party.state = State.CONNECTED; // DROP-12, OQ-5
        if (status == NdisStatus.INVALID_DATA) {
          closeDataRefused = true;
        } else if (status == NdisStatus.FAILURE) {
          vc.closeWanted = true; // DROP-2: the last party goes with NdisClCloseCall
        }
      }
      if (vc.closeWanted) {
        next.addAll(advanceClose(vc));
      }
    } finally {
      unlock();
    }
    run(next);
  }

  // ---------------------------------------------------------------------------------------
  // Close (§2.2)

  /**
   * Under the lock: the next step of a wanted close, if the rules allow one now. Waits for a
   * pending make-call (MAKE-13), a pending add (ADD-9) or a pending drop (DROP-10); drops every
   * party but one (CLOSE-1, ICLOSE-3), keeping one the remote side did not drop; then calls
   * NdisClCloseCall once (CLOSE-17) with the last party's handle or NULL (CLOSE-2).
   */
  private List<Runnable> advanceClose(ClientVc vc) {
    if (!vc.closeWanted || vc.call != Call.ACTIVE || vc.hasPartyIn(State.ADDING)) {
      return List.of();
    }
    List<ClientParty> connected = vc.partiesIn(State.CONNECTED);
    boolean skipDrops =
        fault(SeededFault.CLIENT_CLOSES_WITH_PARTIES_ATTACHED) && vc.closeAttempts == 0;
    if (connected.size() > 1 && !skipDrops) {
      ClientParty keep =
          connected.stream().filter(p -> !p.remoteDropped).findFirst().orElse(connected.get(0));
      List<Runnable> drops = new ArrayList<>();
      for (ClientParty party : connected) {
        if (party != keep) {
          drops.add(startDropParty(party, !vc.acknowledging && !party.remoteDropped));
        }
      }
      return drops;
    }
    if (vc.hasPartyIn(State.DROPPING)) {
      return List.of(); // DROP-10, OQ-2
    }
    ClientParty last = connected.isEmpty() ? null : connected.get(0);
    vc.call = Call.CLOSING; // GEN-8, CLOSE-3: nothing more is sent on the VC
    vc.closeAttempts++;
    vc.closingParty = last;
    CloseData data =
        vc.acknowledging || closeDataRefused
            ? null
            : tracker.allocate(new CloseData("client.closeCall"));
    vc.closeData = data;
    NdisVcHandle handle = vc.handle;
    NdisPartyHandle partyHandle = last == null ? null : last.handle;
    boolean ownVc = vc.ownedByClient;
    boolean holdLock = fault(SeededFault.CLIENT_HOLDS_LOCK_ACROSS_CLOSE);
    return List.of(
        () -> {
          NdisStatus status;
          if (holdLock) {
            lock(); // Seeded fault: GEN-9, IRQL-4 — a nested completion will wait for this lock
          }
          try {
            status = ndis.clCloseCall(handle, partyHandle, data);
          } finally {
            if (holdLock) {
              unlock();
            }
          }
          if (status.isPending()) {
            pendedCloseFaults(last, handle, ownVc);
          } else {
            closeCallCompleted(status, vc, last); // GEN-1
          }
        });
  }

  /** Seeded faults that act as soon as NdisClCloseCall returned PENDING. */
  private void pendedCloseFaults(ClientParty last, NdisVcHandle handle, boolean ownVc) {
    if (last != null && fault(SeededFault.CLIENT_FREES_PARTY_BEFORE_CLOSE_COMPLETES)) {
      lock();
      try {
        // Seeded fault: CLOSE-13, OQ-6 — the completion still gets this context.
        tracker.release(last, "CLOSE-13", "client.closeCall: NdisClCloseCall returned PENDING");
      } finally {
        unlock();
      }
    }
    if (ownVc && fault(SeededFault.CLIENT_DELETES_VC_BEFORE_CLOSE_COMPLETES)) {
      ndis.coDeleteVc(handle); // Seeded fault: VC-5, the close is still outstanding.
    }
  }

  @Override
  public void protocolClCloseCallComplete(
      NdisStatus status,
      ProtocolVcContext protocolVcContext,
      ProtocolPartyContext protocolPartyContext) {
    closeCallCompleted(status, (ClientVc) protocolVcContext, (ClientParty) protocolPartyContext);
  }

  /**
   * ProtocolClCloseCallComplete, or its logic after a final return. SUCCESS: free the last
   * party's context here (CLOSE-13, OQ-6) and the close data (OQ-18); delete our own VC
   * (CLOSE-12, ICLOSE-6, ICLOSE-7), or on a CM-created VC treat the handle as dead and wait
   * for ProtocolCoDeleteVc (CLOSE-11, ICLOSE-5). Failure: the call is still up (CLOSE-18,
   * OQ-11); close again, without the close data if that was the cause.
   */
  private void closeCallCompleted(NdisStatus status, ClientVc vc, ClientParty party) {
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      if (!vcs.contains(vc)) {
        return; // a call manager already deleted its VC; our context went in ProtocolCoDeleteVc
      }
      if (!vc.touch("CLOSE-12", "client.ProtocolClCloseCallComplete") || vc.call != Call.CLOSING) {
        return;
      }
      if (vc.closeData != null) {
        tracker.release(vc.closeData, "CLOSE-5", "client.ProtocolClCloseCallComplete"); // OQ-18
        vc.closeData = null;
      }
      vc.closingParty = null;
      if (status.isSuccess()) {
        if (party != null) {
          vc.parties.remove(party);
          tracker.release(party, "CLOSE-13", "client.ProtocolClCloseCallComplete");
        }
        vc.closeWanted = false;
        if (vc.ownedByClient) {
          vc.call = Call.IDLE;
          next.add(deleteVc(vc)); // CLOSE-16, OQ-8 would allow reuse; the reference deletes
        } else {
          vc.call = Call.CLOSED; // CLOSE-11: no more NdisCl/NdisCo calls with this handle
          if (fault(SeededFault.CLIENT_USES_VC_AFTER_CLOSE)) {
            NdisVcHandle dead = vc.handle;
            next.add(() -> ndis.coSendNetBufferLists(dead)); // Seeded fault: CLOSE-11
          }
        }
      } else {
        vc.call = Call.ACTIVE; // CLOSE-18
        if (status == NdisStatus.INVALID_DATA) {
          closeDataRefused = true;
        }
        if (vc.closeAttempts < MAX_CLOSE_ATTEMPTS) {
          next.addAll(advanceClose(vc));
        }
      }
    } finally {
      unlock();
    }
    run(next);
  }

  // ---------------------------------------------------------------------------------------
  // Incoming call (§2.7)

  /**
   * ProtocolClIncomingCall: copy the parameters we need (INCALL-4), then accept, pend (and
   * answer from a deferred call with NdisClIncomingCallComplete, GEN-7) or reject (INCALL-2).
   * The VC may have carried calls before (VC-17). After shutdown() every offer is rejected.
   */
  @Override
  public NdisStatus protocolClIncomingCall(
      ProtocolVcContext protocolVcContext, CallParameters callParameters) {
    ClientVc vc = (ClientVc) protocolVcContext;
    boolean mustReject;
    lock();
    try {
      if (!vc.touch("VC-17", "client.ProtocolClIncomingCall")) {
        return NdisStatus.NOT_ACCEPTED;
      }
      if (callParameters.touch("INCALL-4", "client.ProtocolClIncomingCall")) {
        vc.flowSpec = callParameters.flowSpec();
      }
      mustReject = shuttingDown || (vc.call != Call.IDLE && vc.call != Call.CLOSED);
    } finally {
      unlock();
    }
    int answer = mustReject ? REJECT : platform.choose("client.incomingCall.answer", 3);
    lock();
    try {
      vc.resetCall();
      switch (answer) {
        case ACCEPT:
          vc.call = Call.ACCEPTED; // INCALL-6: wait for ProtocolClCallConnected
          return NdisStatus.SUCCESS;
        case PEND:
          vc.call = Call.OFFERED; // GEN-7: one NdisClIncomingCallComplete owed
          vc.offerParameters = callParameters; // needed for the answer; no other use
          break;
        default:
          vc.call = Call.IDLE; // INCALL-8: no close for a rejected offer
          return NdisStatus.NOT_ACCEPTED;
      }
    } finally {
      unlock();
    }
    platform.queueDeferred("client.incomingCallComplete", () -> answerPendedOffer(vc));
    return NdisStatus.PENDING;
  }

  /** NdisClIncomingCallComplete for an offer we pended, exactly once (GEN-7), never PENDING. */
  private void answerPendedOffer(ClientVc vc) {
    NdisVcHandle handle;
    CallParameters parameters;
    boolean mustReject;
    lock();
    try {
      if (!vc.touch("GEN-7", "client.answerIncomingCall") || vc.call != Call.OFFERED) {
        return;
      }
      handle = vc.handle;
      parameters = vc.offerParameters;
      mustReject = shuttingDown;
    } finally {
      unlock();
    }
    boolean accept =
        !mustReject && platform.choose("client.incomingCall.pendedAnswer", 2) == ACCEPT;
    lock();
    try {
      vc.offerParameters = null; // INCALL-3: dead to us from the answer on
      vc.call = accept ? Call.ACCEPTED : Call.IDLE; // GEN-8: before the answer is made
    } finally {
      unlock();
    }
    // GEN-4: never PENDING. GEN-9: on a rejection the call manager may delete the VC, and
    // our context with it, inside this call: nothing touches vc afterwards.
    NdisStatus status = accept ? NdisStatus.SUCCESS : NdisStatus.NOT_ACCEPTED;
    ndis.clIncomingCallComplete(status, handle, parameters);
    if (fault(SeededFault.CLIENT_ANSWERS_INCOMING_CALL_TWICE)) {
      ndis.clIncomingCallComplete(status, handle, parameters); // Seeded fault: GEN-7
    }
  }

  /** ProtocolClCallConnected: the accepted call is up (INCALL-6); close it if wanted (OQ-24). */
  @Override
  public void protocolClCallConnected(ProtocolVcContext protocolVcContext) {
    ClientVc vc = (ClientVc) protocolVcContext;
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      if (vc.touch("INCALL-6", "client.ProtocolClCallConnected") && vc.call == Call.ACCEPTED) {
        vc.call = Call.ACTIVE;
        next.addAll(advanceClose(vc));
      }
    } finally {
      unlock();
    }
    run(next);
  }

  // ---------------------------------------------------------------------------------------
  // Incoming close and drop (§2.3, §2.6)

  /**
   * ProtocolClIncomingCloseCall: stop using the VC for data (ICLOSE-2) and acknowledge with
   * exactly one NdisClCloseCall (ICLOSE-4), after dropping all parties but one (ICLOSE-3).
   * With a close of our own outstanding it is information only (OQ-1, CLOSE-17). A make-call
   * still pending closes when it completes (OQ-13); an accepted call not yet connected closes
   * now (INCALL-5). Our own VC is deleted after the close succeeded (ICLOSE-6, ICLOSE-7); a
   * CM-created VC is left to its call manager (ICLOSE-5).
   */
  @Override
  public void protocolClIncomingCloseCall(
      NdisStatus closeStatus, ProtocolVcContext protocolVcContext, CloseData closeData) {
    ClientVc vc = (ClientVc) protocolVcContext;
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      if (!vc.touch("ICLOSE-2", "client.ProtocolClIncomingCloseCall")) {
        return;
      }
      if (closeData != null) {
        closeData.touch("ICLOSE-1", "client.ProtocolClIncomingCloseCall"); // OQ-18: read here
      }
      // Comparisons, not a switch on Call: javac's switch-map class ReferenceClient$1 would
      // share its name with JPF's class for a lambda here (jpf-config/README.md).
      if (vc.call == Call.ACCEPTED) {
        vc.call = Call.ACTIVE;
      } else if (vc.call != Call.MAKING && vc.call != Call.OFFERED && vc.call != Call.ACTIVE) {
        return; // CLOSING, CLOSED, IDLE, DELETING: a close is outstanding or done
      }
      vc.closeWanted = true;
      vc.acknowledging = true;
      next.addAll(advanceClose(vc));
    } finally {
      unlock();
    }
    run(next);
  }

  /**
   * ProtocolClIncomingDropParty: the handle is good for one acknowledgement only (IDROP-3):
   * NdisClDropParty, or NdisClCloseCall if it is the last party (IDROP-2). The context is
   * freed when that acknowledgement completes (IDROP-4, OQ-7). Ignored for a party we are
   * already dropping or a call we are closing (OQ-14, DROP-11); for a party whose add has not
   * completed yet it waits for that completion (OQ-13).
   */
  @Override
  public void protocolClIncomingDropParty(
      NdisStatus dropStatus, ProtocolPartyContext protocolPartyContext, CloseData closeData) {
    ClientParty party = (ClientParty) protocolPartyContext;
    List<Runnable> next = new ArrayList<>();
    lock();
    try {
      if (!party.touch("IDROP-3", "client.ProtocolClIncomingDropParty")
          || !party.vc.touch("IDROP-2", "client.ProtocolClIncomingDropParty")) {
        return;
      }
      if (closeData != null) {
        closeData.touch("IDROP-3", "client.ProtocolClIncomingDropParty"); // OQ-18: read here
      }
      if (party.remoteDropped
          || party.state == State.DROPPING
          || party.state == State.GONE
          || party.vc.call == Call.CLOSING) {
        return;
      }
      party.remoteDropped = true;
      if (party.state == State.CONNECTED) {
        next.addAll(acknowledgeIncomingDrop(party));
      }
    } finally {
      unlock();
    }
    run(next);
  }

  /** Under the lock: IDROP-2 for a connected party the remote side dropped. */
  private List<Runnable> acknowledgeIncomingDrop(ClientParty party) {
    ClientVc vc = party.vc;
    if (vc.closeWanted) {
      return advanceClose(vc); // the close drops it, or closes with it
    }
    boolean othersConnected =
        vc.partiesIn(State.CONNECTED).stream().anyMatch(other -> other != party);
    if (othersConnected) {
      return List.of(startDropParty(party, false));
    }
    vc.closeWanted = true; // the last party: acknowledged by the close (DROP-10 may delay it)
    vc.acknowledging = true;
    return advanceClose(vc);
  }

  // ---------------------------------------------------------------------------------------
  // Helpers

  /** Under the lock: a call that is open, or about to be, and can be closed. */
  private static boolean isOpen(ClientVc vc) {
    Call c = vc.call; // not a switch: see protocolClIncomingCloseCall
    return c == Call.MAKING || c == Call.OFFERED || c == Call.ACCEPTED || c == Call.ACTIVE;
  }

  /** Under the lock: a new party context, ADDING (§1.3: allocated before the request). */
  private ClientParty newParty(ClientVc vc) {
    ClientParty party = tracker.allocate(new ClientParty("client.party", vc));
    vc.parties.add(party);
    return party;
  }

  private boolean fault(SeededFault fault) {
    return faults.has(fault);
  }

  /** Runs NDIS calls decided under the lock, after it was released (GEN-9). */
  private static void run(List<Runnable> calls) {
    calls.forEach(Runnable::run);
  }

  private void lock() {
    platform.lock(lock);
  }

  private void unlock() {
    platform.unlock(lock);
  }
}
