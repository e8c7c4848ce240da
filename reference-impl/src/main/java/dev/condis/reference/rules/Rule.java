package dev.condis.reference.rules;

import dev.condis.reference.event.RuleCategory;
import java.util.Objects;

/**
 * One checkable rule of condis-rules.md §3: its ID (e.g. "CLOSE-13"), category, whether the
 * documents state it or the digest infers it, and its first sentence.
 */
public record Rule(String id, RuleCategory category, boolean stated, String summary) {
  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof Rule other
        && Objects.equals(id, other.id)
        && Objects.equals(category, other.category)
        && stated == other.stated
        && Objects.equals(summary, other.summary);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(id);
    h = 31 * h + Objects.hashCode(category);
    h = 31 * h + Boolean.hashCode(stated);
    h = 31 * h + Objects.hashCode(summary);
    return h;
  }

  @Override
  public String toString() {
    return "Rule[id=" + id
        + ", category=" + category
        + ", stated=" + stated
        + ", summary=" + summary
        + "]";
  }
}
