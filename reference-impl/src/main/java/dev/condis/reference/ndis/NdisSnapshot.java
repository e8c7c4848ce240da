package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.context.ContextRef;
import dev.condis.reference.event.Actor;
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
  public record LiveHandle(String handle, String state) {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof LiveHandle other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("LiveHandle", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {handle, state};
    }

    private static final String[] NAMES = {"handle", "state"};
  }

  /** A party of a VC that is not GONE. */
  public record PartySummary(NdisPartyHandle handle, PartyState state) {
    // Written out for JPF: see RecordMethods.
    @Override
    public boolean equals(Object o) {
      return o instanceof PartySummary other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("PartySummary", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {handle, state};
    }

    private static final String[] NAMES = {"handle", "state"};
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
    @Override
    public boolean equals(Object o) {
      return o instanceof VcSummary other && RecordMethods.equal(components(), other.components());
    }

    @Override
    public int hashCode() {
      return RecordMethods.hash(components());
    }

    @Override
    public String toString() {
      return RecordMethods.text("VcSummary", NAMES, components());
    }

    private Object[] components() {
      return new Object[] {handle, creator, state, activation, liveParties};
    }

    private static final String[] NAMES = {
      "handle", "creator", "state", "activation", "liveParties"
    };
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
  @Override
  public boolean equals(Object o) {
    return o instanceof NdisSnapshot other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  @Override
  public String toString() {
    return RecordMethods.text("NdisSnapshot", NAMES, components());
  }

  private Object[] components() {
    return new Object[] {outstandingRequests, liveHandles, liveContexts, vcs};
  }

  private static final String[] NAMES = {
    "outstandingRequests", "liveHandles", "liveContexts", "vcs"
  };
}
