package dev.condis.reference.client;

import dev.condis.reference.client.ClientParty.State;
import dev.condis.reference.client.ClientVc.Call;
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
 * The reference client's outgoing calls and closes (§2.1, §2.2): NdisClMakeCall and its
 * completion, and the close of any call, outgoing or incoming, as soon as the rules allow it.
 */
final class ClientCalls {
  private final ClientState client;
  private final NdisClientApi ndis;
  private final ContextTracker tracker;
  /** Set once by {@link #useParties}: a close drops parties, a party's completion closes. */
  private ClientParties parties;

  ClientCalls(ClientState client) {
    this.client = client;
    this.ndis = client.ndis;
    this.tracker = client.tracker;
  }

  void useParties(ClientParties parties) {
    this.parties = parties;
  }

  // ---------------------------------------------------------------------------------------
  // Outgoing call (§2.1)

  /** Under the lock: the make-call is recorded as outstanding before it is made (GEN-8). */
  Runnable startMakeCall(ClientVc vc) {
    CallParameters parameters =
        tracker.allocate(
            new CallParameters("client.makeCall", ReferenceClient.MAKE_CALL_FLOW_SPEC));
    ClientParty first = vc.multipoint ? client.newParty(vc) : null;
    vc.call = Call.MAKING;
    NdisVcHandle handle = vc.handle;
    return () -> {
      // MAKE-2: parameters stay lent until the completion.
      PartyCreation made = ndis.clMakeCall(handle, parameters, first);
      if (made.status().isFinal()) {
        client.handlers.protocolClMakeCallComplete(made.status(), vc, made.ndisPartyHandle(), parameters); // GEN-1
      }
    };
  }

  /**
   * ProtocolClMakeCallComplete, or its logic after a final return. SUCCESS: keep the party
   * handle (MAKE-6), copy the parameters out and free them (OQ-17), then close if a close was
   * asked for meanwhile (MAKE-13) or add the remaining parties. Failure: free the party
   * context and the parameters and delete the VC from in here (MAKE-8).
   */
  void makeCallCompleted(
      NdisStatus status, ClientVc vc, NdisPartyHandle partyHandle, CallParameters parameters) {
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      if (!vc.touch("MAKE-8", "client.ProtocolClMakeCallComplete") || vc.call != Call.MAKING) {
        return;
      }
      ClientParty first = vc.parties.isEmpty() ? null : vc.parties.get(0);
      if (status.isSuccess()) {
        if (parameters.touch("MAKE-2", "client.ProtocolClMakeCallComplete")) {
          if (parameters.callParametersChanged()
              && client.platform.choose("client.makeCall.changedParameters", 2) == 1) {
            // MAKE-11: unacceptable and no renegotiation: tear the call down from in here and
            // leave every release to ProtocolClCloseCallComplete.
            vc.closeWanted = true;
            vc.rejectedParameters = true;
          } else {
            vc.flowSpec = parameters.flowSpec(); // accepted, changed or not
          }
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
            next.add(parties.startAddParty(vc));
          }
        }
      } else {
        // MAKE-6: the party handle is invalid; MAKE-8: release and delete.
        if (first != null) {
          vc.parties.remove(first);
          if (!client.fault(SeededFault.CLIENT_LEAKS_PARTY_ON_MAKE_FAILURE)) {
            tracker.release(first, "MAKE-8", "client.ProtocolClMakeCallComplete");
          }
        }
        tracker.release(parameters, "MAKE-8", "client.ProtocolClMakeCallComplete");
        vc.call = Call.IDLE;
        if (!client.fault(SeededFault.CLIENT_KEEPS_VC_AFTER_FAILED_MAKE_CALL)) {
          next.add(client.deleteVc(vc)); // OQ-21: no retry; the VC goes
        }
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }

  // ---------------------------------------------------------------------------------------
  // Close (§2.2)

  /**
   * Under the lock: the next step of a wanted close, if the rules allow one now. Waits for a
   * pending make-call (MAKE-13), a pending add (ADD-9) or a pending drop (DROP-10); drops every
   * party but one (CLOSE-1, ICLOSE-3), keeping one the remote side did not drop; then calls
   * NdisClCloseCall once (CLOSE-17) with the last party's handle or NULL (CLOSE-2).
   */
  List<Runnable> advanceClose(ClientVc vc) {
    if (!vc.closeWanted || vc.call != Call.ACTIVE || vc.hasPartyIn(State.ADDING)) {
      return List.of();
    }
    List<ClientParty> connected = vc.partiesIn(State.CONNECTED);
    boolean skipDrops =
        client.fault(SeededFault.CLIENT_CLOSES_WITH_PARTIES_ATTACHED) && vc.closeAttempts == 0;
    if (connected.size() > 1 && !skipDrops) {
      ClientParty keep =
          connected.stream().filter(p -> !p.remoteDropped).findFirst().orElse(connected.get(0));
      List<Runnable> drops = new ArrayList<>();
      for (ClientParty party : connected) {
        if (party != keep) {
          drops.add(parties.startDropParty(party, !vc.acknowledging && !party.remoteDropped));
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
        vc.acknowledging || client.closeDataRefused
            ? null
            : tracker.allocate(new CloseData("client.closeCall"));
    vc.closeData = data;
    NdisVcHandle handle = vc.handle;
    NdisPartyHandle partyHandle = last == null ? null : last.handle;
    boolean ownVc = vc.ownedByClient;
    boolean rejecting = vc.rejectedParameters;
    boolean holdLock = client.fault(SeededFault.CLIENT_HOLDS_LOCK_ACROSS_CLOSE);
    return List.of(
        () -> {
          NdisStatus status;
          if (holdLock) {
            // Seeded fault: GEN-9, IRQL-4 — a nested completion will wait for this lock
            client.lock();
          }
          try {
            status = ndis.clCloseCall(handle, partyHandle, data);
          } finally {
            if (holdLock) {
              client.unlock();
            }
          }
          if (status.isPending()) {
            pendedCloseFaults(last, handle, ownVc, rejecting);
          } else {
            client.handlers.protocolClCloseCallComplete(status, vc, last); // GEN-1
          }
        });
  }

  /** Seeded faults that act as soon as NdisClCloseCall returned PENDING. */
  private void pendedCloseFaults(ClientParty last, NdisVcHandle handle, boolean ownVc, boolean rejecting) {
    if (last != null && rejecting && client.fault(SeededFault.CLIENT_FREES_PARTY_ON_PARAMETER_REJECTION)) {
      client.lock();
      try {
        // Seeded fault: MAKE-11 — the close's completion still gets this context.
        tracker.release(last, "MAKE-11", "client.ProtocolClMakeCallComplete: NdisClCloseCall returned PENDING");
      } finally {
        client.unlock();
      }
    }
    if (last != null && client.fault(SeededFault.CLIENT_FREES_PARTY_BEFORE_CLOSE_COMPLETES)) {
      client.lock();
      try {
        // Seeded fault: CLOSE-13, OQ-6 — the completion still gets this context.
        tracker.release(last, "CLOSE-13", "client.closeCall: NdisClCloseCall returned PENDING");
      } finally {
        client.unlock();
      }
    }
    if (ownVc && client.fault(SeededFault.CLIENT_DELETES_VC_BEFORE_CLOSE_COMPLETES)) {
      ndis.coDeleteVc(handle); // Seeded fault: VC-5, the close is still outstanding.
    }
  }

  /**
   * ProtocolClCloseCallComplete, or its logic after a final return. SUCCESS: free the last
   * party's context here (CLOSE-13, OQ-6) and the close data (OQ-18); delete our own VC
   * (CLOSE-12, ICLOSE-6, ICLOSE-7), or on a CM-created VC treat the handle as dead and wait
   * for ProtocolCoDeleteVc (CLOSE-11, ICLOSE-5). Failure: the call is still up (CLOSE-18,
   * OQ-11); close again, without the close data if that was the cause.
   */
  void closeCallCompleted(NdisStatus status, ClientVc vc, ClientParty party) {
    List<Runnable> next = new ArrayList<>();
    client.lock();
    try {
      if (!client.vcs.contains(vc)) {
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
          // MAKE-11 when the close rejected changed parameters: released here all the same.
          tracker.release(party, vc.rejectedParameters ? "MAKE-11" : "CLOSE-13", "client.ProtocolClCloseCallComplete");
        }
        vc.closeWanted = false;
        if (vc.ownedByClient) {
          vc.call = Call.IDLE;
          next.add(client.deleteVc(vc)); // CLOSE-16, OQ-8 would allow reuse; the reference deletes
        } else {
          vc.call = Call.CLOSED; // CLOSE-11: no more NdisCl/NdisCo calls with this handle
          if (client.fault(SeededFault.CLIENT_USES_VC_AFTER_CLOSE)) {
            NdisVcHandle dead = vc.handle;
            next.add(() -> ndis.coSendNetBufferLists(dead)); // Seeded fault: CLOSE-11
          }
        }
      } else {
        vc.call = Call.ACTIVE; // CLOSE-18
        if (status == NdisStatus.INVALID_DATA) {
          client.closeDataRefused = true;
        }
        if (vc.closeAttempts < ReferenceClient.MAX_CLOSE_ATTEMPTS) {
          next.addAll(advanceClose(vc));
        }
      }
    } finally {
      client.unlock();
    }
    ClientState.run(next);
  }
}
