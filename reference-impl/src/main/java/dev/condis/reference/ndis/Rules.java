package dev.condis.reference.ndis;

import dev.condis.reference.event.EventBus;
import dev.condis.reference.rules.RuleCatalog;
import dev.condis.reference.rules.RuleCategory;

/**
 * Emits NDIS's rule violations with the category the digest gives the rule ({@link
 * RuleCatalog}). Open-question IDs ("OQ-18", cited where the digest has only a recommendation,
 * such as the lifetime of close data) count as USE_AFTER_CLOSE: NDIS cites them only for a
 * buffer it finds released.
 */
final class Rules {
  private Rules() {}

  static RuleCategory category(String ruleId) {
    if (ruleId.startsWith("OQ-")) {
      return RuleCategory.USE_AFTER_CLOSE;
    }
    return RuleCatalog.find(ruleId)
        .orElseThrow(() -> new IllegalArgumentException("NDIS bug: no rule " + ruleId + " in condis-rules.md"))
        .category();
  }

  static void report(EventBus events, String ruleId, String message) {
    events.violation(ruleId, category(ruleId), message);
  }
}
