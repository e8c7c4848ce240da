package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;

/** What an MCM gets: NdisMCmXxx functions only (GEN-10), the AF and the client's SAP. */
@PublicApi
public record McmEnvironment(
    NdisMcmApi ndis,
    Platform platform,
    ContextTracker tracker,
    NdisAfHandle ndisAfHandle,
    NdisSapHandle ndisSapHandle,
    FaultSet faults) {
  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {ndis, platform, tracker, ndisAfHandle, ndisSapHandle, faults}; }
  private static final String[] NAMES = {"ndis", "platform", "tracker", "ndisAfHandle", "ndisSapHandle", "faults"};
  @Override public boolean equals(Object o) { return o instanceof McmEnvironment r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("McmEnvironment", NAMES, parts()); }
}
