package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.NdisMiniportApi;
import dev.condis.reference.platform.Platform;

/** What the miniport under a stand-alone call manager gets. */
@PublicApi
public record MiniportEnvironment(
    NdisMiniportApi ndis, Platform platform, ContextTracker tracker, FaultSet faults) {
  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof MiniportEnvironment other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  @Override
  public String toString() {
    return RecordMethods.text("MiniportEnvironment", NAMES, components());
  }

  private Object[] components() {
    return new Object[] {ndis, platform, tracker, faults};
  }

  private static final String[] NAMES = {"ndis", "platform", "tracker", "faults"};
}
