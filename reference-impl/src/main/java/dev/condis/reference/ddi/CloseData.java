package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/** A close or drop data buffer, kept by its requester until the request completes (OQ-18). */
@PublicApi
public class CloseData extends TrackedContext {
  public CloseData(String tag) {
    super(ContextKind.CLOSE_DATA, tag);
  }
}
