package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.reference.rules.RuleCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code verify --coverage} tells a user about the rules a run tested. */
class RuleCoverageTest {

  private static VerificationResult checking(String... rules) {
    VerificationResult base = Fixtures.verified(ScenarioCatalog.MAKE_CLOSE);
    return base.withRulesChecked(ImmutableSortedSet.copyOf(rules));
  }

  @Test
  void countsTheInstancesThatCheckedEachRuleAndNamesTheRulesNoneChecked() {
    RuleCoverage coverage = RuleCoverage.of(List.of(checking("VC-7", "CLOSE-2"), checking("VC-7")));

    assertThat(coverage.lines()).filteredOn(l -> l.rule().id().equals("VC-7"))
        .singleElement().satisfies(l -> assertThat(l.instances()).isEqualTo(2));
    assertThat(coverage.uncheckedInScope()).contains("MAKE-13", "DROP-2").doesNotContain("VC-7", "CLOSE-2");
    assertThat(coverage.uncheckedInScope()).as("out of scope is not a gap").doesNotContain("AF-1", "IRQL-1");
    assertThat(coverage.checkedInScope()).isEqualTo(2);

    String text = coverage.render();
    assertThat(text).contains("2 of 2 instances", "1 of 2 instances", "out of scope")
        .contains("rules checked: 2 of " + coverage.inScope() + " in scope");
    assertThat(text).containsPattern("DROP-2 +STATUS +NEVER CHECKED \\(known gap of the default suite");
  }

  @Test
  void everyKnownGapIsARuleInScope() {
    assertThat(RuleCoverage.knownUnchecked()).isNotEmpty().allSatisfy((id, why) -> {
      assertThat(RuleCatalog.isKnown(id)).as(id).isTrue();
      assertThat(RuleCatalog.outOfScopeReason(id)).as(id + " is out of scope").isEmpty();
      assertThat(why).as(id).isNotBlank();
    });
  }

  @Test
  void anEngineThatRecordsNothingIsSaidToRecordNothing() {
    assertThat(RuleCoverage.of(List.of(Fixtures.verified(ScenarioCatalog.MAKE_CLOSE))).render())
        .contains("not recorded");
  }
}
