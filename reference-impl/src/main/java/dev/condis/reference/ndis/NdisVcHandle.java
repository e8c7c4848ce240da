package dev.condis.reference.ndis;

/** NdisVcHandle: an opaque value from NDIS's handle table; never reused within one run. */
public record NdisVcHandle(int id) {
  @Override
  public String toString() {
    return "vc#" + id;
  }
}
