package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** NdisSapHandle: a service access point the client registered for incoming calls. */
@PublicApi
public record NdisSapHandle(int id) implements NdisHandle {
  @Override
  public String toString() {
    return "sap#" + id;
  }

  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof NdisSapHandle other
        && id == other.id;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(id);
  }
}
