package dev.condis.reference.context;

/** A close or drop data buffer, kept by its requester until the request completes (OQ-18). */
public class CloseData extends TrackedContext {
  public CloseData(String tag) {
    super(ContextKind.CLOSE_DATA, tag);
  }
}
