package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.NdisMiniportApi;
import dev.condis.reference.platform.Platform;
import java.util.Objects;

/** What the miniport under a stand-alone call manager gets. */
@PublicApi
public record MiniportEnvironment(
    NdisMiniportApi ndis, Platform platform, ContextTracker tracker, FaultSet faults) {
  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof MiniportEnvironment other
        && Objects.equals(ndis, other.ndis)
        && Objects.equals(platform, other.platform)
        && Objects.equals(tracker, other.tracker)
        && Objects.equals(faults, other.faults);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(ndis);
    h = 31 * h + Objects.hashCode(platform);
    h = 31 * h + Objects.hashCode(tracker);
    h = 31 * h + Objects.hashCode(faults);
    return h;
  }

  @Override
  public String toString() {
    return "MiniportEnvironment[ndis=" + ndis
        + ", platform=" + platform
        + ", tracker=" + tracker
        + ", faults=" + faults
        + "]";
  }
}
