package dev.condis.reference.rules;

import dev.condis.reference.RecordMethods;

/**
 * One checkable rule of condis-rules.md §3: its ID (e.g. "CLOSE-13"), category, whether the
 * documents state it or the digest infers it, and its first sentence.
 */
public record Rule(String id, RuleCategory category, boolean stated, String summary) {
  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {id, category, stated, summary}; }
  private static final String[] NAMES = {"id", "category", "stated", "summary"};
  @Override public boolean equals(Object o) { return o instanceof Rule r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("Rule", NAMES, parts()); }
}
