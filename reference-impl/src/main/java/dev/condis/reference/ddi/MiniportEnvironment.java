package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;

/** What the miniport under a stand-alone call manager gets. */
@PublicApi
public record MiniportEnvironment(
    NdisMiniportApi ndis, Platform platform, ContextTracker tracker, FaultSet faults) {
  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {ndis, platform, tracker, faults}; }
  private static final String[] NAMES = {"ndis", "platform", "tracker", "faults"};
  @Override public boolean equals(Object o) { return o instanceof MiniportEnvironment r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("MiniportEnvironment", NAMES, parts()); }
}
