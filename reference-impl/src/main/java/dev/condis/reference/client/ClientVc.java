package dev.condis.reference.client;

import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolVcContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reference client's per-VC state (ProtocolVcContext), for a VC it created (NdisCoCreateVc)
 * or one a call manager created for an incoming call (allocated in the client's
 * ProtocolCoCreateVc). Every field is guarded by the client's lock and read only after {@link
 * #touch(String, String)}.
 */
final class ClientVc extends ProtocolVcContext {

  /** The call on the VC as the client sees it (§1.4). */
  enum Call {
    /** No call: a fresh VC, a rejected offer, a failed make-call before its deletion. */
    IDLE,
    /** NdisClMakeCall outstanding (MAKE-13: nothing else on the VC until it completes). */
    MAKING,
    /** ProtocolClIncomingCall returned PENDING; NdisClIncomingCallComplete owed (GEN-7). */
    OFFERED,
    /** Offer accepted; waiting for ProtocolClCallConnected or an incoming close (INCALL-5). */
    ACCEPTED,
    /** The call is up. */
    ACTIVE,
    /** NdisClCloseCall outstanding (CLOSE-17: only one). */
    CLOSING,
    /** A CM-created VC after its close completed: the handle is dead to us (CLOSE-11). */
    CLOSED,
    /** NdisCoDeleteVc issued on our own VC. */
    DELETING
  }

  /** True for a VC the client created itself; false for a CM/MCM-created VC. */
  final boolean ownedByClient;

  NdisVcHandle handle;
  Call call = Call.IDLE;
  /** Multipoint: NdisClMakeCall carries the first party (ADD-1). */
  final boolean multipoint;
  /** Parties still to add with NdisClAddParty once the make-call succeeded. */
  int partiesToAdd;
  /** Live parties of the call, in the order they were added (DROP-9). */
  final List<ClientParty> parties = new ArrayList<>();
  /** The flow spec copied out of the call parameters (INCALL-4, OQ-17). */
  int flowSpec;
  /** The call manager's offer buffer, kept only while our answer is pended (INCALL-4). */
  CallParameters offerParameters;
  /** The close should happen as soon as the rules allow (MAKE-13, ADD-9, DROP-10, OQ-24). */
  boolean closeWanted;
  /** The close rejects the call manager's changed parameters (MAKE-11). */
  boolean rejectedParameters;
  /** The close acknowledges the remote side (incoming close or drop): no close data. */
  boolean acknowledging;
  /** NdisClCloseCall attempts on the current call (CLOSE-18 retries are bounded). */
  int closeAttempts;
  /** The close data lent to the outstanding NdisClCloseCall (OQ-18). */
  CloseData closeData;
  /** The party whose handle went with the outstanding NdisClCloseCall (CLOSE-2). */
  ClientParty closingParty;

  ClientVc(String tag, boolean ownedByClient, int parties) {
    super(tag);
    this.ownedByClient = ownedByClient;
    this.multipoint = parties >= 1;
    this.partiesToAdd = Math.max(0, parties - 1);
  }

  /** A new call on this VC (VC-17: a CM-created VC may carry several, one after another). */
  void resetCall() {
    closeWanted = false;
    acknowledging = false;
    rejectedParameters = false;
    closeAttempts = 0;
  }

  List<ClientParty> partiesIn(ClientParty.State state) {
    // Not Stream.toList(): JPF cannot run it (jpf-config/README.md, "Known JPF limitations").
    List<ClientParty> out = new ArrayList<>();
    for (ClientParty p : parties) {
      if (p.state == state) {
        out.add(p);
      }
    }
    return Collections.unmodifiableList(out);
  }

  boolean hasPartyIn(ClientParty.State state) {
    return parties.stream().anyMatch(p -> p.state == state);
  }
}
