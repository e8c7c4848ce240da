package dev.condis.reference.ndis;

/** NdisSapHandle: a service access point the client registered for incoming calls. */
public record NdisSapHandle(int id) {
  @Override
  public String toString() {
    return "sap#" + id;
  }
}
