package dev.condis.reference.client;

import dev.condis.reference.client.ClientVc.Call;
import dev.condis.reference.ddi.ClientEnvironment;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolClientHandlers;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import java.util.ArrayList;
import java.util.List;

/**
 * What every part of the {@link ReferenceClient} shares: what it was given at initialization,
 * its one lock, its VCs and the flags that span calls, and the VC and party bookkeeping they
 * all use. Every mutable field is guarded by the lock, which is never held across a call into
 * NDIS (GEN-9).
 */
final class ClientState {
  final NdisClientApi ndis;
  final Platform platform;
  final ContextTracker tracker;
  private final FaultSet faults;
  final NdisAfHandle ndisAfHandle;
  private final PlatformLock lock;

  /** Every VC whose ProtocolVcContext is live, in creation order. */
  final List<ClientVc> vcs = new ArrayList<>();
  /** shutdown() was called: close what is open, reject new offers. */
  boolean shuttingDown;
  /** The call manager answered INVALID_DATA to close data once (CLOSE-6, DROP-5). */
  boolean closeDataRefused;

  /**
   * The client's own handlers (the ReferenceClient, or a subclass): a request that returns a
   * final status runs its completion logic through them, so an override sees in-line
   * completions too, not only the ones NDIS delivers.
   */
  ProtocolClientHandlers handlers;

  ClientState(ClientEnvironment environment) {
    this.ndis = environment.ndis();
    this.platform = environment.platform();
    this.tracker = environment.tracker();
    this.faults = environment.faults();
    this.ndisAfHandle = environment.ndisAfHandle();
    this.lock = platform.newLock("client");
  }

  /**
   * Under the lock: NdisCoDeleteVc on our own VC (VC-4), then free ProtocolVcContext after it
   * returned SUCCESS (VC-11). Refused, the VC stays for shutdown() to retry (OQ-15).
   */
  Runnable deleteVc(ClientVc vc) {
    if (fault(SeededFault.CLIENT_NEVER_DELETES_VC)) {
      return () -> {}; // Seeded fault: VC-16, the VC is never deleted.
    }
    vc.call = Call.DELETING;
    NdisVcHandle handle = vc.handle;
    boolean freeEarly = fault(SeededFault.CLIENT_FREES_VC_BEFORE_DELETE);
    if (freeEarly) {
      tracker.release(vc, "VC-11", "client.deleteVc"); // Seeded fault: VC-11, freed before the delete
    }
    return () -> {
      NdisStatus status = ndis.coDeleteVc(handle);
      lock();
      try {
        if (status.isSuccess()) {
          vcs.remove(vc); // VC-7: the handle is dead
          if (!freeEarly) {
            tracker.release(vc, "VC-11", "client.deleteVc");
          }
        } else if (vc.touch("VC-6", "client.deleteVc")) {
          vc.call = Call.IDLE;
        }
      } finally {
        unlock();
      }
    };
  }

  /** Under the lock: a new party context, ADDING (§1.3: allocated before the request). */
  ClientParty newParty(ClientVc vc) {
    ClientParty party = tracker.allocate(new ClientParty("client.party", vc));
    vc.parties.add(party);
    return party;
  }

  /** Under the lock: a call that is open, or about to be, and can be closed. */
  static boolean isOpen(ClientVc vc) {
    Call c = vc.call; // not a switch: see ClientIncoming#protocolClIncomingCloseCall
    return c == Call.MAKING || c == Call.OFFERED || c == Call.ACCEPTED || c == Call.ACTIVE;
  }

  boolean fault(SeededFault fault) {
    return faults.has(fault);
  }

  /** Runs NDIS calls decided under the lock, after it was released (GEN-9). */
  static void run(List<Runnable> calls) {
    calls.forEach(Runnable::run);
  }

  void lock() {
    platform.lock(lock);
  }

  void unlock() {
    platform.unlock(lock);
  }
}
