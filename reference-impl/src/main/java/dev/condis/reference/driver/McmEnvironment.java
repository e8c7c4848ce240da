package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisMcmApi;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.platform.Platform;
import java.util.Objects;

/** What an MCM gets: NdisMCmXxx functions only (GEN-10), the AF and the client's SAP. */
@PublicApi
public record McmEnvironment(
    NdisMcmApi ndis,
    Platform platform,
    ContextTracker tracker,
    NdisAfHandle ndisAfHandle,
    NdisSapHandle ndisSapHandle,
    FaultSet faults) {
  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof McmEnvironment other
        && Objects.equals(ndis, other.ndis)
        && Objects.equals(platform, other.platform)
        && Objects.equals(tracker, other.tracker)
        && Objects.equals(ndisAfHandle, other.ndisAfHandle)
        && Objects.equals(ndisSapHandle, other.ndisSapHandle)
        && Objects.equals(faults, other.faults);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(ndis);
    h = 31 * h + Objects.hashCode(platform);
    h = 31 * h + Objects.hashCode(tracker);
    h = 31 * h + Objects.hashCode(ndisAfHandle);
    h = 31 * h + Objects.hashCode(ndisSapHandle);
    h = 31 * h + Objects.hashCode(faults);
    return h;
  }

  @Override
  public String toString() {
    return "McmEnvironment[ndis=" + ndis
        + ", platform=" + platform
        + ", tracker=" + tracker
        + ", ndisAfHandle=" + ndisAfHandle
        + ", ndisSapHandle=" + ndisSapHandle
        + ", faults=" + faults
        + "]";
  }
}
