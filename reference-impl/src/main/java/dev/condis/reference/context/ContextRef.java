package dev.condis.reference.context;

/** An immutable reference to one tracked allocation, as events and reports carry it. */
public record ContextRef(ContextKind kind, int id, String tag) {
  @Override
  public String toString() {
    return kind.ndisName() + "#" + id + "(" + tag + ")";
  }
}
