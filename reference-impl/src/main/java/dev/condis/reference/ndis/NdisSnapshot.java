package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.RequestToken;

/**
 * NDIS's state at one moment, typically the end of a run, for the leak and missing-completion
 * properties: requests still outstanding (MAKE-10 and its kin), handles still live, contexts
 * still allocated, and one summary per VC ever created.
 */
@PublicApi
public record NdisSnapshot(
    ImmutableList<RequestToken> outstandingRequests,
    ImmutableList<LiveHandle> liveHandles,
    ImmutableList<ContextRef> liveContexts,
    ImmutableList<VcSummary> vcs) {

  /** A handle that is still valid ("vc#3", "party#5", "af#1", "sap#1") and its state. */
  public record LiveHandle(NdisHandle handle, String state) {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {handle, state}; }
    private static final String[] NAMES = {"handle", "state"};
    @Override public boolean equals(Object o) { return o instanceof LiveHandle r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("LiveHandle", NAMES, parts()); }
  }

  /** A party of a VC that is not GONE. */
  public record PartySummary(NdisPartyHandle handle, PartyState state) {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {handle, state}; }
    private static final String[] NAMES = {"handle", "state"};
    @Override public boolean equals(Object o) { return o instanceof PartySummary r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("PartySummary", NAMES, parts()); }
  }

  /** One VC: its handle, creator, call state, activation and the parties not yet gone. */
  public record VcSummary(
      NdisVcHandle handle,
      Actor creator,
      VcState state,
      VcActivation activation,
      ImmutableList<PartySummary> liveParties) {

    public boolean deleted() {
      return state == VcState.DELETED;
    }

    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {handle, creator, state, activation, liveParties}; }
    private static final String[] NAMES = {"handle", "creator", "state", "activation", "liveParties"};
    @Override public boolean equals(Object o) { return o instanceof VcSummary r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("VcSummary", NAMES, parts()); }
  }

  /** The VCs not deleted: at the end of a run, the VC leaks (VC-16). */
  public ImmutableList<VcSummary> undeletedVcs() {
    return vcs.stream().filter(vc -> !vc.deleted()).collect(ImmutableList.toImmutableList());
  }

  /** No request outstanding, no VC left undeleted and no context still allocated. */
  public boolean isClean() {
    return outstandingRequests.isEmpty() && undeletedVcs().isEmpty() && liveContexts.isEmpty();
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {outstandingRequests, liveHandles, liveContexts, vcs}; }
  private static final String[] NAMES = {"outstandingRequests", "liveHandles", "liveContexts", "vcs"};
  @Override public boolean equals(Object o) { return o instanceof NdisSnapshot r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("NdisSnapshot", NAMES, parts()); }
}
