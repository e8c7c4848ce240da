package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/** NdisCoCreateVc / NdisMCmCreateVc: the status and, on SUCCESS, the new NdisVcHandle. */
@PublicApi
public record VcCreation(NdisStatus status, NdisVcHandle ndisVcHandle) {
  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof VcCreation other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  @Override
  public String toString() {
    return RecordMethods.text("VcCreation", NAMES, components());
  }

  private Object[] components() {
    return new Object[] {status, ndisVcHandle};
  }

  private static final String[] NAMES = {"status", "ndisVcHandle"};
}
