package dev.condis.reference.ndis;

/** NdisPartyHandle: an opaque value from NDIS's handle table; never reused within one run. */
public record NdisPartyHandle(int id) {
  @Override
  public String toString() {
    return "party#" + id;
  }
}
