package dev.condis.reference.context;

import dev.condis.reference.event.EventBus;

/**
 * Makes a run's {@link ContextTracker}, for NDIS. Not API: the tracker is part of the API, but
 * the event bus it reports to is NDIS's, so its constructor is not for drivers.
 */
public final class ContextTrackers {
  private ContextTrackers() {}

  /** A new run's tracker, NDIS's own view; drivers get views of it ({@link ContextTracker#forOwner}). */
  public static ContextTracker create(EventBus events) {
    return new ContextTracker(events);
  }
}
