package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** NdisVcHandle: an opaque value from NDIS's handle table; never reused within one run. */
@PublicApi
public record NdisVcHandle(int id) implements NdisHandle {
  @Override
  public String toString() {
    return "vc#" + id;
  }

  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof NdisVcHandle other
        && id == other.id;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(id);
  }
}
