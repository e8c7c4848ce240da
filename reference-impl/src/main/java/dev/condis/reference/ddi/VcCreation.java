package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

/** NdisCoCreateVc / NdisMCmCreateVc: the status and, on SUCCESS, the new NdisVcHandle. */
@PublicApi
public record VcCreation(NdisStatus status, NdisVcHandle ndisVcHandle) {
  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {status, ndisVcHandle}; }
  private static final String[] NAMES = {"status", "ndisVcHandle"};
  @Override public boolean equals(Object o) { return o instanceof VcCreation r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("VcCreation", NAMES, parts()); }
}
