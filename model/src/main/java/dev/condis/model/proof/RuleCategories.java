package dev.condis.model.proof;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.reference.rules.RuleCategory;

/**
 * Which rule categories of the digest (condis-rules.md §3.12) each built-in property covers:
 * a certificate's statement names them. A property not listed here (a user's) claims none;
 * the certificate says it holds without mapping it to rule categories.
 */
public final class RuleCategories {
  private static final ImmutableMap<String, ImmutableList<RuleCategory>> BY_PROPERTY =
      ImmutableMap.of(
          "exactly-once-completion", ImmutableList.of(RuleCategory.DOUBLE_COMPLETE),
          "no-use-after-close", ImmutableList.of(RuleCategory.USE_AFTER_CLOSE),
          "no-leak", ImmutableList.of(RuleCategory.LEAK),
          "status-discipline", ImmutableList.of(RuleCategory.STATUS),
          "call-ordering", ImmutableList.of(RuleCategory.ORDERING),
          "deadlock", ImmutableList.of(RuleCategory.IRQL));

  private RuleCategories() {}

  public static ImmutableList<RuleCategory> of(String propertyId) {
    return BY_PROPERTY.getOrDefault(propertyId, ImmutableList.of());
  }
}
