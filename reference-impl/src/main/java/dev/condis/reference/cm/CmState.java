package dev.condis.reference.cm;

import dev.condis.reference.cm.CmVc.Call;
import dev.condis.reference.ddi.AfDriverEnvironment;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What every part of a {@link CallManagerCore} shares: what it was given at initialization, its
 * one lock, its tables of live VC and party contexts, and the bookkeeping over them. Every
 * mutable field is guarded by the lock, which is never held across a call into NDIS (GEN-9,
 * IRQL-4). A context is touched after a completion or dispatch call returned only if it is
 * still in these tables: the client may have deleted its VC inside that call (CLOSE-15,
 * MAKE-12).
 */
final class CmState {
  /** "cm" or "mcm": starts every choice label, context tag and deferred-call name. */
  final String prefix;
  /** The completions and dispatches, NdisCmXxx or NdisMCmXxx by the object's kind. */
  final NdisCallManagerApi ndis;
  /** VC creation, deletion, activation and deactivation: the functions that differ by kind. */
  final CallManagerNdis vcNdis;
  final Platform platform;
  final ContextTracker tracker;
  private final FaultSet faults;
  final NdisAfHandle ndisAfHandle;
  final NdisSapHandle ndisSapHandle;
  private final PlatformLock lock;

  /** Every VC whose CallMgrVcContext is live, in creation order. */
  final List<CmVc> vcs = new ArrayList<>();

  /** Every live CallMgrPartyContext. */
  final Set<CmParty> parties = new HashSet<>();

  /** -1 until drawn, then 0 = the medium carries close data, 1 = it does not (CLOSE-6, DROP-5). */
  private int closeDataUnsupported = -1;
  /** A rejected offer was offered again on its VC: at most once per run (INCALL-7). */
  boolean offeredAgain;

  CmState(String prefix, AfDriverEnvironment<? extends NdisCallManagerApi> environment, CallManagerNdis vcNdis) {
    this.prefix = prefix;
    this.ndis = environment.ndis();
    this.vcNdis = vcNdis;
    this.platform = environment.platform();
    this.tracker = environment.tracker();
    this.ndisAfHandle = environment.ndisAfHandle();
    this.ndisSapHandle = environment.ndisSapHandle();
    this.faults = environment.faults();
    this.lock = platform.newLock(prefix);
  }

  /** Under the lock: new party state holding the NdisPartyHandle (ADD-6). */
  CmParty newParty(CmVc vc, NdisPartyHandle handle) {
    CmParty party = tracker.allocate(new CmParty(prefix + ".party", vc, handle));
    parties.add(party);
    vc.parties.add(party);
    return party;
  }

  /** Under the lock. */
  void releaseParty(CmParty party, String ruleId, String where) {
    parties.remove(party);
    tracker.release(party, ruleId, where(where));
  }

  /** Under the lock: the slots of the client-VC table in use (VC-2). */
  int clientVcCount() {
    int n = 0;
    for (CmVc vc : vcs) {
      if (!vc.createdHere) { // in our list, so live; a final field set at allocation
        n++;
      }
    }
    return n;
  }

  /**
   * Under the lock: the completion call that set up the call or party has returned, so an
   * incoming close or drop may follow (OQ-13). Only a completion call gives that certainty: a
   * final return from our handler is processed by NDIS after the handler has returned, at a
   * moment we cannot see, so a call or party finished that way counts as established only
   * once NDIS shows it has settled it (see {@link CmParties#protocolCmAddParty}).
   */
  void markEstablished(CmVc vc, CmParty party) {
    if (vcs.contains(vc)
        && vc.touch("MAKE-12", where("established"))
        && vc.call == Call.CONNECTED) {
      vc.established = true;
    }
    if (party != null
        && parties.contains(party)
        && party.touch("ADD-6", where("established"))
        && party.state == CmParty.State.CONNECTED) {
      party.established = true;
    }
  }

  /**
   * Under the lock: whether the medium carries close data, drawn once per run the first time a
   * close or drop carries data (CLOSE-6, DROP-5). A data choice is local: no thread switch.
   */
  boolean closeDataSupported() {
    if (closeDataUnsupported < 0) {
      closeDataUnsupported = choose("closeData.supported", 2);
    }
    return closeDataUnsupported == 0;
  }

  /** An MCM's core, rather than a stand-alone call manager's. */
  boolean integrated() {
    return prefix.equals("mcm");
  }

  boolean fault(SeededFault fault) {
    return faults.has(fault);
  }

  int choose(String label, int n) {
    return platform.choose(prefix + "." + label, n);
  }

  String where(String what) {
    return prefix + "." + what;
  }

  void lock() {
    platform.lock(lock);
  }

  void unlock() {
    platform.unlock(lock);
  }
}
