package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** NdisAfHandle: the address family a client opened and a call manager registered. */
@PublicApi
public record NdisAfHandle(int id) implements NdisHandle {
  @Override
  public String toString() {
    return "af#" + id;
  }

  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof NdisAfHandle other
        && id == other.id;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(id);
  }
}
