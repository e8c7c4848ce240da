package dev.condis.reference.context;

import dev.condis.reference.PublicApi;
import java.util.Objects;

/** An immutable reference to one tracked allocation, as events and reports carry it. */
@PublicApi
public record ContextRef(ContextKind kind, int id, String tag) {
  @Override
  public String toString() {
    return kind.ndisName() + "#" + id + "(" + tag + ")";
  }

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof ContextRef other
        && Objects.equals(kind, other.kind)
        && id == other.id
        && Objects.equals(tag, other.tag);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(kind);
    h = 31 * h + Integer.hashCode(id);
    h = 31 * h + Objects.hashCode(tag);
    return h;
  }
}
