package dev.condis.reference.client;

import dev.condis.reference.client.ClientParty.State;
import dev.condis.reference.client.ClientVc.Call;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.ddi.ClientEnvironment;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.TrackedContext;
import dev.condis.reference.ddi.VcCreation;
import dev.condis.reference.fault.SeededFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference CoNDIS client: a protocol driver that makes outgoing calls on VCs it creates,
 * adds and drops parties, accepts, pends or rejects incoming calls on VCs a call manager
 * creates, and closes everything it opened. It follows every rule of condis-rules.md.
 *
 * <p>This class takes the scenario's actions and the VCs a call manager creates and deletes;
 * the rest is split by operation family over one shared {@link ClientState}: {@link
 * ClientCalls} (make-call, close), {@link ClientParties} (add and drop party, acknowledging an
 * incoming drop), {@link ClientIncoming} (incoming call, close and drop).
 *
 * <p>Discipline, for every path:
 *
 * <ul>
 *   <li>All state is guarded by one platform lock, never held across a call into NDIS (GEN-9):
 *       each step decides under the lock, records the request as outstanding (GEN-8), releases
 *       the lock, and only then calls NDIS ({@link ClientState#run(List)}).
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

  private ClientState client;
  private ClientCalls calls;
  private ClientParties parties;
  private ClientIncoming incoming;

  public ReferenceClient() {}

  @Override
  public void initialize(ClientEnvironment environment) {
    this.client = new ClientState(environment);
    client.handlers = this; // in-line completions go through the overridable handlers
    this.calls = new ClientCalls(client);
    this.parties = new ClientParties(client, calls);
    calls.useParties(parties);
    this.incoming = new ClientIncoming(client, calls, parties);
  }

  // ---------------------------------------------------------------------------------------
  // Actions

  /** §2.1: NdisCoCreateVc, then NdisClMakeCall (first party if multipoint), then the adds. */
  @Override
  public void makeCall(int parties) {
    ClientVc vc;
    client.lock();
    try {
      if (client.shuttingDown) {
        return;
      }
      // Before NdisCoCreateVc, which takes this context.
      vc = client.tracker.allocate(new ClientVc("client.vc", true, parties));
      client.vcs.add(vc);
    } finally {
      client.unlock();
    }
    VcCreation created = client.ndis.coCreateVc(client.ndisAfHandle, vc); // MAKE-1
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      if (!vc.touch("VC-3", "client.makeCall")) {
        return;
      }
      if (!created.status().isSuccess()) {
        client.vcs.remove(vc);
        // No VC exists.
        if (!client.fault(SeededFault.CLIENT_KEEPS_VC_CONTEXT_AFTER_FAILED_CREATE)) {
          client.tracker.release(vc, "VC-3", "client.makeCall: NdisCoCreateVc failed");
        }
        return;
      }
      vc.handle = created.ndisVcHandle();
      next.add(calls.startMakeCall(vc));
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  /** §2.4: adds one party to the first established multipoint call (ADD-1). */
  @Override
  public void addParty() {
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      for (ClientVc vc : client.vcs) {
        if (vc.touch("ADD-1", "client.addParty")
            && vc.multipoint
            && vc.call == Call.ACTIVE
            && !vc.closeWanted) {
          next.add(parties.startAddParty(vc));
          break;
        }
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  /** §2.5: drops the newest party of the first multipoint call that has another (DROP-1). */
  @Override
  public void dropParty() {
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      for (ClientVc vc : client.vcs) {
        if (!vc.touch("DROP-1", "client.dropParty")
            || vc.call != Call.ACTIVE
            || vc.closeWanted) {
          continue;
        }
        List<ClientParty> connected = vc.partiesIn(State.CONNECTED);
        if (connected.size() >= 2) {
          next.add(parties.startDropParty(connected.get(connected.size() - 1), true));
          break;
        }
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  /**
   * §2.2: closes the first open call, outgoing or incoming, as soon as the rules allow:
   * after its make-call completed (MAKE-13), its adds completed (ADD-9), once connected
   * (OQ-24), and after dropping every party but one (CLOSE-1, DROP-10).
   */
  @Override
  public void closeCall() {
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      for (ClientVc vc : client.vcs) {
        if (!vc.touch("CLOSE-3", "client.closeCall")) {
          continue;
        }
        if (ClientState.isOpen(vc) && !vc.closeWanted) {
          vc.closeWanted = true;
          next.addAll(calls.advanceClose(vc));
          break;
        }
        if (vc.call == Call.CLOSING && client.fault(SeededFault.CLIENT_CLOSES_CALL_TWICE)) {
          // A second NdisClCloseCall while the first is outstanding.
          NdisVcHandle handle = vc.handle;
          NdisPartyHandle party = vc.closingParty == null ? null : vc.closingParty.handle;
          next.add(() -> client.ndis.clCloseCall(handle, party, null)); // Seeded fault: CLOSE-17
          break;
        }
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  /**
   * Sends one packet on the first call that is up. Decided under the client's lock and sent
   * after it (GEN-9): only a call that is ACTIVE and not being closed (MAKE-7, INCALL-6,
   * CLOSE-3, ICLOSE-2). A close that races the send is not modelled: a real client counts its
   * sends in flight and its close waits for them, which no scenario asks of it (model/README.md).
   */
  @Override
  public void sendData() {
    NdisVcHandle handle = null;
    client.lock();
    try {
      for (ClientVc vc : client.vcs) {
        if (!vc.touch("MAKE-7", "client.sendData") || vc.closeWanted) {
          continue;
        }
        if (vc.call == Call.ACTIVE
            || (vc.call == Call.MAKING && client.fault(SeededFault.CLIENT_SENDS_BEFORE_MAKE_CALL_COMPLETES))) {
          handle = vc.handle;
          break;
        }
      }
    } finally {
      client.unlock();
    }
    if (handle != null) {
      client.ndis.coSendNetBufferLists(handle);
    }
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
    client.lock();
    try {
      client.shuttingDown = true;
      for (ClientVc vc : List.copyOf(client.vcs)) {
        if (!vc.touch("VC-16", "client.shutdown")) {
          continue;
        }
        if (ClientState.isOpen(vc)) {
          vc.closeWanted = true;
          next.addAll(calls.advanceClose(vc));
        } else if (vc.ownedByClient && vc.call == Call.IDLE) {
          next.add(client.deleteVc(vc)); // VC-16, OQ-15: a deletion refused earlier is retried
        }
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  // ---------------------------------------------------------------------------------------
  // VCs a call manager creates (§2.7, §2.8); our own are deleted by ClientState#deleteVc

  /** ProtocolCoCreateVc for a VC a call manager creates: allocate our context. Never PENDING. */
  @Override
  public CreateVcResult<ProtocolVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    client.lock();
    try {
      ClientVc vc = client.tracker.allocate(new ClientVc("client.vc.incoming", false, 0));
      vc.handle = ndisVcHandle;
      client.vcs.add(vc);
      return CreateVcResult.success(vc); // GEN-5
    } finally {
      client.unlock();
    }
  }

  /**
   * ProtocolCoDeleteVc: the call manager deletes a VC it created; release our context here
   * and only here (VC-9, VC-11, CLOSE-12). Refused while a call is on it (OQ-15).
   */
  @Override
  public NdisStatus protocolCoDeleteVc(ProtocolVcContext protocolVcContext) {
    ClientVc vc = (ClientVc) protocolVcContext;
    client.lock();
    try {
      if (!vc.touch("VC-8", "client.ProtocolCoDeleteVc")) {
        return NdisStatus.FAILURE;
      }
      if (vc.call != Call.IDLE && vc.call != Call.CLOSED) {
        return NdisStatus.NOT_ACCEPTED;
      }
      client.vcs.remove(vc);
      client.tracker.release(vc, "VC-11", "client.ProtocolCoDeleteVc");
      return NdisStatus.SUCCESS;
    } finally {
      client.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Completions and incoming requests, handled by the family they belong to

  @Override
  public void protocolClMakeCallComplete(
      NdisStatus status,
      ProtocolVcContext protocolVcContext,
      NdisPartyHandle ndisPartyHandle,
      CallParameters callParameters) {
    calls.makeCallCompleted(status, (ClientVc) protocolVcContext, ndisPartyHandle, callParameters);
  }

  @Override
  public void protocolClCloseCallComplete(
      NdisStatus status,
      ProtocolVcContext protocolVcContext,
      ProtocolPartyContext protocolPartyContext) {
    calls.closeCallCompleted(
        status, (ClientVc) protocolVcContext, (ClientParty) protocolPartyContext);
  }

  @Override
  public void protocolClAddPartyComplete(
      NdisStatus status,
      ProtocolPartyContext protocolPartyContext,
      NdisPartyHandle ndisPartyHandle,
      CallParameters callParameters) {
    parties.addPartyCompleted(
        status, (ClientParty) protocolPartyContext, ndisPartyHandle, callParameters);
  }

  @Override
  public void protocolClDropPartyComplete(
      NdisStatus status, ProtocolPartyContext protocolPartyContext) {
    parties.dropPartyCompleted(status, (ClientParty) protocolPartyContext);
  }

  @Override
  public NdisStatus protocolClIncomingCall(
      ProtocolVcContext protocolVcContext, CallParameters callParameters) {
    return incoming.protocolClIncomingCall(protocolVcContext, callParameters);
  }

  @Override
  public void protocolClCallConnected(ProtocolVcContext protocolVcContext) {
    incoming.protocolClCallConnected(protocolVcContext);
  }

  @Override
  public void protocolClIncomingCloseCall(
      NdisStatus closeStatus, ProtocolVcContext protocolVcContext, CloseData closeData) {
    incoming.protocolClIncomingCloseCall(closeStatus, protocolVcContext, closeData);
  }

  @Override
  public void protocolClIncomingDropParty(
      NdisStatus dropStatus, ProtocolPartyContext protocolPartyContext, CloseData closeData) {
    incoming.protocolClIncomingDropParty(dropStatus, protocolPartyContext, closeData);
  }
}
