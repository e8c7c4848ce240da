package dev.condis.reference.client;

import dev.condis.reference.client.ClientParty.State;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyCreation;
import dev.condis.reference.fault.SeededFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference client's parties of multipoint calls (§2.4, §2.5, §2.6): NdisClAddParty and
 * NdisClDropParty with their completions, and the acknowledgement of an incoming drop. Each
 * completion goes on with a close that waited for it (ADD-9, DROP-10).
 */
final class ClientParties {
  private final ClientState client;
  private final NdisClientApi ndis;
  private final ContextTracker tracker;
  private final ClientCalls calls;

  ClientParties(ClientState client, ClientCalls calls) {
    this.client = client;
    this.ndis = client.ndis;
    this.tracker = client.tracker;
    this.calls = calls;
  }

  // ---------------------------------------------------------------------------------------
  // Add party (§2.4)

  /** Under the lock: a new party, ADDING before NdisClAddParty is made (GEN-8, ADD-9). */
  Runnable startAddParty(ClientVc vc) {
    ClientParty party = client.newParty(vc);
    CallParameters parameters =
        tracker.allocate(
            new CallParameters("client.addParty", ReferenceClient.ADD_PARTY_FLOW_SPEC));
    NdisVcHandle handle = vc.handle;
    return () -> {
      // ADD-8: parameters stay lent until the completion.
      PartyCreation added = ndis.clAddParty(handle, party, parameters);
      if (added.status().isFinal()) {
        client.handlers.protocolClAddPartyComplete(added.status(), party, added.ndisPartyHandle(), parameters); // GEN-1
      }
    };
  }

  /**
   * ProtocolClAddPartyComplete, or its logic after a final return. SUCCESS: store the handle
   * (ADD-4). Failure: the handle is dead; free the party context and the parameters (ADD-5).
   * Then go on with a close that waited for this add (ADD-9), or acknowledge an incoming drop
   * that arrived before we knew the party (OQ-13), or drop a party whose changed parameters we
   * do not accept (ADD-10, see {@link #unacceptable}).
   */
  void addPartyCompleted(
      NdisStatus status, ClientParty party, NdisPartyHandle partyHandle, CallParameters parameters) {
    List<Runnable> next = new ArrayList<>();
    client.lock();
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
        if (!client.fault(SeededFault.CLIENT_LEAKS_ADD_PARTY_PARAMETERS)) {
          tracker.release(parameters, "ADD-5", "client.ProtocolClAddPartyComplete");
        }
        vc.parties.remove(party);
        party.state = State.GONE;
        tracker.release(party, "ADD-5", "client.ProtocolClAddPartyComplete");
      }
      if (vc.closeWanted) {
        next.addAll(calls.advanceClose(vc));
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
      client.unlock();
    }
    ClientState.run(next);
  }

  /**
   * ADD-10, the reference's reading of "unacceptable": the call manager changed the add-party
   * parameters (CALL_PARAMETERS_CHANGED) and granted a flow spec below the {@link
   * ReferenceClient#ADD_PARTY_FLOW_SPEC} the client asked for. A raised or unchanged flow spec
   * is accepted. The reference call managers never change add-party parameters, so only
   * another call manager makes the client drop for this. (A make-call's changed parameters are
   * always accepted: the reference never takes MAKE-11's close-from-the-completion path for
   * them.)
   */
  private static boolean unacceptable(CallParameters completed) {
    return completed.callParametersChanged()
        && completed.flowSpec() < ReferenceClient.ADD_PARTY_FLOW_SPEC;
  }

  // ---------------------------------------------------------------------------------------
  // Drop party (§2.5) and incoming drop (§2.6)

  /**
   * Under the lock: the party is DROPPING before NdisClDropParty is made, and its handle is
   * used for nothing else from here (DROP-3, DROP-11). A client-initiated drop carries drop
   * data unless the call manager refused it once; an acknowledgement never does.
   */
  Runnable startDropParty(ClientParty party, boolean withData) {
    party.state = State.DROPPING;
    CloseData data =
        withData && !client.closeDataRefused
            ? tracker.allocate(new CloseData("client.dropParty"))
            : null;
    party.dropData = data;
    NdisPartyHandle handle = party.handle;
    return () -> {
      NdisStatus status = ndis.clDropParty(handle, data);
      if (status.isFinal()) {
        client.handlers.protocolClDropPartyComplete(status, party); // GEN-1
      }
    };
  }

  /**
   * ProtocolClDropPartyComplete, or its logic after a final return. SUCCESS: free the party
   * context (DROP-4). INVALID_DATA: the party stays (DROP-12) and later drops go without data.
   * FAILURE: it is the last party (DROP-2) and goes with the close; its handle is ours again
   * for that (OQ-5). Then go on with a close that waited for this drop (DROP-10).
   */
  void dropPartyCompleted(NdisStatus status, ClientParty party) {
    List<Runnable> next = new ArrayList<>();
    client.lock();
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
        if (client.fault(SeededFault.CLIENT_USES_PARTY_AFTER_DROP)) {
          next.add(() -> ndis.clDropParty(dead, null)); // Seeded fault: DROP-3
        }
      } else {
        party.state = State.CONNECTED; // DROP-12, OQ-5
        if (status == NdisStatus.INVALID_DATA) {
          client.closeDataRefused = true;
        } else if (status == NdisStatus.FAILURE) {
          vc.closeWanted = true; // DROP-2: the last party goes with NdisClCloseCall
        }
      }
      if (vc.closeWanted) {
        next.addAll(calls.advanceClose(vc));
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  /** Under the lock: IDROP-2 for a connected party the remote side dropped. */
  List<Runnable> acknowledgeIncomingDrop(ClientParty party) {
    ClientVc vc = party.vc;
    if (vc.closeWanted) {
      return calls.advanceClose(vc); // the close drops it, or closes with it
    }
    boolean othersConnected =
        vc.partiesIn(State.CONNECTED).stream().anyMatch(other -> other != party);
    if (othersConnected) {
      return List.of(startDropParty(party, false));
    }
    vc.closeWanted = true; // the last party: acknowledged by the close (DROP-10 may delay it)
    vc.acknowledging = true;
    return calls.advanceClose(vc);
  }
}
