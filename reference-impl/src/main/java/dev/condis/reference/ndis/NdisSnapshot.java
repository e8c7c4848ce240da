package dev.condis.reference.ndis;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.PublicApi;
import dev.condis.reference.context.ContextRef;
import dev.condis.reference.event.Actor;
import dev.condis.reference.event.RequestToken;
import java.util.Objects;

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
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof LiveHandle other
          && Objects.equals(handle, other.handle)
          && Objects.equals(state, other.state);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(handle);
      h = 31 * h + Objects.hashCode(state);
      return h;
    }

    @Override
    public String toString() {
      return "LiveHandle[handle=" + handle + ", state=" + state + "]";
    }
  }

  /** A party of a VC that is not GONE. */
  public record PartySummary(NdisPartyHandle handle, PartyState state) {
    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof PartySummary other
          && Objects.equals(handle, other.handle)
          && Objects.equals(state, other.state);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(handle);
      h = 31 * h + Objects.hashCode(state);
      return h;
    }

    @Override
    public String toString() {
      return "PartySummary[handle=" + handle + ", state=" + state + "]";
    }
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

    // Written out: under Java PathFinder the compiler-generated record methods stop the
    // calling thread silently (jpf-config/README.md, "Known JPF limitations").
    @Override
    public boolean equals(Object o) {
      return o instanceof VcSummary other
          && Objects.equals(handle, other.handle)
          && Objects.equals(creator, other.creator)
          && Objects.equals(state, other.state)
          && Objects.equals(activation, other.activation)
          && Objects.equals(liveParties, other.liveParties);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(handle);
      h = 31 * h + Objects.hashCode(creator);
      h = 31 * h + Objects.hashCode(state);
      h = 31 * h + Objects.hashCode(activation);
      h = 31 * h + Objects.hashCode(liveParties);
      return h;
    }

    @Override
    public String toString() {
      return "VcSummary[handle=" + handle
          + ", creator=" + creator
          + ", state=" + state
          + ", activation=" + activation
          + ", liveParties=" + liveParties
          + "]";
    }
  }

  /** The VCs not deleted: at the end of a run, the VC leaks (VC-16). */
  public ImmutableList<VcSummary> undeletedVcs() {
    return vcs.stream().filter(vc -> !vc.deleted()).collect(ImmutableList.toImmutableList());
  }

  /** No request outstanding, no VC left undeleted and no context still allocated. */
  public boolean isClean() {
    return outstandingRequests.isEmpty() && undeletedVcs().isEmpty() && liveContexts.isEmpty();
  }

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof NdisSnapshot other
        && Objects.equals(outstandingRequests, other.outstandingRequests)
        && Objects.equals(liveHandles, other.liveHandles)
        && Objects.equals(liveContexts, other.liveContexts)
        && Objects.equals(vcs, other.vcs);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(outstandingRequests);
    h = 31 * h + Objects.hashCode(liveHandles);
    h = 31 * h + Objects.hashCode(liveContexts);
    h = 31 * h + Objects.hashCode(vcs);
    return h;
  }

  @Override
  public String toString() {
    return "NdisSnapshot[outstandingRequests=" + outstandingRequests
        + ", liveHandles=" + liveHandles
        + ", liveContexts=" + liveContexts
        + ", vcs=" + vcs
        + "]";
  }
}
