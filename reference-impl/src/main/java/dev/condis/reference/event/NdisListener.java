package dev.condis.reference.event;

/** Receives every {@link NdisEvent} in order. Runs on the acting thread, inside NDIS. */
@FunctionalInterface
public interface NdisListener {
  void onEvent(NdisEvent event);
}
