package com.example.condis;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.ddi.ClientEnvironment;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyCreation;
import dev.condis.reference.ddi.ProtocolPartyContext;
import dev.condis.reference.ddi.ProtocolVcContext;
import dev.condis.reference.ddi.VcCreation;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import java.util.ArrayList;
import java.util.List;

/**
 * A CoNDIS client written from PLUGINS.md alone: point-to-point calls on VCs it creates. It
 * makes a call, closes it when asked or when the network hangs up, and deletes its VC. It
 * rejects incoming calls and has no multipoint calls (addParty and dropParty do nothing), so
 * it is checked with {@code --vc client} in make-close, make-call-failure and incoming-close.
 *
 * <p>The discipline (PLUGINS.md, "The rules your driver lives by"), as it shows here:
 * <ul>
 *   <li>one lock for all state, never held across an NDIS call: decide under it, call after;
 *   <li>the state a completion needs is recorded before the request is made;
 *   <li>a request that returns a final status runs the completion logic itself, at once;
 *   <li>{@code touch()} before reading a context of ours, and every context allocated and
 *       released through the tracker: the per-VC context only after NdisCoDeleteVc returned.
 * </ul>
 */
public class PointToPointClient implements ClientDriver {

  /** Our per-VC state, handed to NDIS as the ProtocolVcContext. */
  static final class Vc extends ProtocolVcContext {
    enum State { CREATED, MAKING, ACTIVE, CLOSING, DELETING }

    NdisVcHandle handle;
    State state = State.CREATED;
    boolean closeWanted;
    /** NdisClMakeCall returned SUCCESS itself: no ProtocolClMakeCallComplete came. */
    boolean madeInLine;

    Vc() {
      super("example.vc");
    }
  }

  private NdisClientApi ndis;
  private Platform platform;
  private ContextTracker tracker;
  private ClientEnvironment env;
  private PlatformLock lock;
  private final List<Vc> vcs = new ArrayList<>();
  private boolean shuttingDown;

  @Override
  public void initialize(ClientEnvironment environment) {
    this.env = environment;
    this.ndis = environment.ndis();
    this.platform = environment.platform();
    this.tracker = environment.tracker();
    this.lock = platform.newLock("example.client");
  }

  // ------------------------------------------------------------------ actions

  @Override
  public void makeCall(int parties) {
    if (parties != 0) {
      throw new UnsupportedOperationException("this example makes point-to-point calls only");
    }
    Vc vc;
    platform.lock(lock);
    try {
      if (shuttingDown) {
        return;
      }
      vc = tracker.allocate(new Vc()); // before NdisCoCreateVc, which takes it
      vcs.add(vc);
    } finally {
      platform.unlock(lock);
    }
    VcCreation created = ndis.coCreateVc(env.ndisAfHandle(), vc);
    CallParameters parameters;
    platform.lock(lock);
    try {
      if (!created.status().isSuccess()) {
        vcs.remove(vc);
        tracker.release(vc, "VC-3", "example.makeCall: NdisCoCreateVc failed");
        return;
      }
      vc.handle = created.ndisVcHandle();
      vc.state = Vc.State.MAKING; // recorded before the request: its completion may come first
      parameters = tracker.allocate(new CallParameters("example.makeCall", 1));
    } finally {
      platform.unlock(lock);
    }
    PartyCreation made = ndis.clMakeCall(vc.handle, parameters, null);
    if (made.status().isFinal()) {
      platform.lock(lock);
      try {
        if (vc.touch("MAKE-8", "example.makeCall")) {
          vc.madeInLine = made.status().isSuccess();
        }
      } finally {
        platform.unlock(lock);
      }
      makeCallDone(made.status(), vc, parameters); // no ProtocolClMakeCallComplete will come
    }
  }

  @Override
  public void closeCall() {
    Vc toClose = null;
    platform.lock(lock);
    try {
      for (Vc vc : vcs) {
        if (!vc.touch("CLOSE-3", "example.closeCall")) {
          continue;
        }
        if (vc.state == Vc.State.MAKING) {
          vc.closeWanted = true; // MAKE-13: closed once the make-call completes
          return;
        }
        if (vc.state == Vc.State.ACTIVE) {
          vc.state = Vc.State.CLOSING;
          toClose = vc;
          break;
        }
      }
    } finally {
      platform.unlock(lock);
    }
    if (toClose != null) {
      close(toClose);
    }
  }

  @Override
  public void addParty() {}

  @Override
  public void dropParty() {}

  @Override
  public void shutdown() {
    List<Vc> open = new ArrayList<>();
    platform.lock(lock);
    try {
      shuttingDown = true;
      for (Vc vc : vcs) {
        if (vc.state == Vc.State.MAKING) {
          vc.closeWanted = true;
        } else if (vc.state == Vc.State.ACTIVE) {
          vc.state = Vc.State.CLOSING;
          open.add(vc);
        }
      }
    } finally {
      platform.unlock(lock);
    }
    open.forEach(this::close);
  }

  // ------------------------------------------------------------------ handlers

  @Override
  public void protocolClMakeCallComplete(NdisStatus status, ProtocolVcContext protocolVcContext,
      NdisPartyHandle ndisPartyHandle, CallParameters callParameters) {
    makeCallDone(status, (Vc) protocolVcContext, callParameters);
  }

  @Override
  public void protocolClCloseCallComplete(NdisStatus status, ProtocolVcContext protocolVcContext,
      ProtocolPartyContext protocolPartyContext) {
    closeDone(status, (Vc) protocolVcContext);
  }

  /** The network hangs up: acknowledge with NdisClCloseCall (ICLOSE-4), send nothing more (ICLOSE-2). */
  @Override
  public void protocolClIncomingCloseCall(NdisStatus closeStatus, ProtocolVcContext protocolVcContext,
      CloseData closeData) {
    Vc vc = (Vc) protocolVcContext;
    boolean madeInLine;
    platform.lock(lock);
    try {
      if (!vc.touch("ICLOSE-2", "example.ProtocolClIncomingCloseCall") || vc.state != Vc.State.ACTIVE) {
        return; // our own close is already on its way (OQ-1)
      }
      vc.state = Vc.State.CLOSING;
      madeInLine = vc.madeInLine;
    } finally {
      platform.unlock(lock);
    }
    hungUp(vc.handle, madeInLine);
    close(vc);
  }

  /** We make calls only: every offer is rejected, and the call manager deletes its VC. */
  @Override
  public NdisStatus protocolClIncomingCall(ProtocolVcContext protocolVcContext, CallParameters callParameters) {
    return NdisStatus.NOT_ACCEPTED;
  }

  @Override
  public CreateVcResult<ProtocolVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    return CreateVcResult.success(tracker.allocate(new ProtocolVcContext("example.incoming")));
  }

  @Override
  public NdisStatus protocolCoDeleteVc(ProtocolVcContext protocolVcContext) {
    tracker.release(protocolVcContext, "VC-11", "example.ProtocolCoDeleteVc"); // a call manager's VC
    return NdisStatus.SUCCESS;
  }

  @Override
  public void protocolClAddPartyComplete(NdisStatus status, ProtocolPartyContext protocolPartyContext,
      NdisPartyHandle ndisPartyHandle, CallParameters callParameters) {}

  @Override
  public void protocolClDropPartyComplete(NdisStatus status, ProtocolPartyContext protocolPartyContext) {}

  @Override
  public void protocolClIncomingDropParty(NdisStatus dropStatus, ProtocolPartyContext protocolPartyContext,
      CloseData closeData) {}

  @Override
  public void protocolClCallConnected(ProtocolVcContext protocolVcContext) {}

  // ------------------------------------------------------------------ completion logic

  /** ProtocolClMakeCallComplete, or its logic after a final return (GEN-1). */
  private void makeCallDone(NdisStatus status, Vc vc, CallParameters parameters) {
    boolean closeNow = false;
    boolean deleteNow = false;
    platform.lock(lock);
    try {
      if (!vc.touch("MAKE-8", "example.makeCallDone")) {
        return;
      }
      tracker.release(parameters, "MAKE-2", "example.makeCallDone"); // ours again from the completion on
      if (status.isSuccess()) {
        vc.state = vc.closeWanted ? Vc.State.CLOSING : Vc.State.ACTIVE;
        closeNow = vc.closeWanted;
      } else {
        vc.state = Vc.State.DELETING; // MAKE-8: a failed make-call's VC goes
        deleteNow = true;
      }
    } finally {
      platform.unlock(lock);
    }
    if (closeNow) {
      close(vc);
    } else if (deleteNow) {
      deleteVc(vc);
    }
  }

  /** NdisClCloseCall; a final return runs the completion logic at once. */
  private void close(Vc vc) {
    NdisStatus status = ndis.clCloseCall(vc.handle, null, null);
    if (status.isFinal()) {
      closeDone(status, vc);
    }
  }

  /** ProtocolClCloseCallComplete, or its logic after a final return: delete the VC once closed. */
  private void closeDone(NdisStatus status, Vc vc) {
    platform.lock(lock);
    try {
      if (!vc.touch("CLOSE-12", "example.closeDone")) {
        return;
      }
      if (!status.isSuccess()) {
        vc.state = Vc.State.ACTIVE; // CLOSE-18: the call is still up
        return;
      }
      vc.state = Vc.State.DELETING;
    } finally {
      platform.unlock(lock);
    }
    deleteVc(vc);
  }

  /** NdisCoDeleteVc, then our context (VC-11: only after the delete returned). */
  private void deleteVc(Vc vc) {
    NdisVcHandle handle = vc.handle;
    if (freesBeforeDelete()) {
      tracker.release(vc, "VC-11", "example.deleteVc"); // the seeded bug of EarlyFreeClient
    }
    NdisStatus status = ndis.coDeleteVc(handle);
    platform.lock(lock);
    try {
      if (status.isSuccess()) {
        vcs.remove(vc);
        if (!freesBeforeDelete()) {
          tracker.release(vc, "VC-11", "example.deleteVc");
        }
      }
    } finally {
      platform.unlock(lock);
    }
  }

  /** The network hung up the call on {@code handle}; we send nothing more (ICLOSE-2). */
  protected void hungUp(NdisVcHandle handle, boolean madeInLine) {}

  protected final NdisClientApi ndis() {
    return ndis;
  }

  /** False: the context outlives the delete. {@link EarlyFreeClient} says true, a bug. */
  protected boolean freesBeforeDelete() {
    return false;
  }
}
