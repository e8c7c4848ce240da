package dev.condis.reference.ndis;

/** NdisAfHandle: the address family a client opened and a call manager registered. */
public record NdisAfHandle(int id) {
  @Override
  public String toString() {
    return "af#" + id;
  }
}
