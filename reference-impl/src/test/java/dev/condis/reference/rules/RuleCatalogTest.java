package dev.condis.reference.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

  @Test
  void holdsEveryRuleOfTheDigestWithItsCategoryCounts() {
    // condis-rules.md §3.12: 116 rules, 86 stated and 30 inferred.
    assertThat(RuleCatalog.all()).hasSize(116);
    assertThat(RuleCatalog.all().stream().filter(Rule::stated)).hasSize(86);
    Map<RuleCategory, Long> byCategory =
        RuleCatalog.all().stream().collect(Collectors.groupingBy(Rule::category, Collectors.counting()));
    assertThat(byCategory)
        .containsEntry(RuleCategory.DOUBLE_COMPLETE, 10L)
        .containsEntry(RuleCategory.USE_AFTER_CLOSE, 26L)
        .containsEntry(RuleCategory.LEAK, 24L)
        .containsEntry(RuleCategory.ORDERING, 34L)
        .containsEntry(RuleCategory.STATUS, 17L)
        .containsEntry(RuleCategory.IRQL, 5L);
  }

  @Test
  void findsARuleById() {
    assertThat(RuleCatalog.find("CLOSE-13"))
        .hasValueSatisfying(r -> assertThat(r.category()).isEqualTo(RuleCategory.LEAK));
    assertThat(RuleCatalog.isKnown("CLOSE-" + 99)).isFalse();
  }
}
