package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.Classified;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.Violation;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.reference.system.CallManagerKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How JPF's findings become verdicts, violations and figures. */
class JpfVerdictsTest {

  static JpfVerdicts.RunFacts facts(long endMarkers, boolean killed) {
    return new JpfVerdicts.RunFacts(
        ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).defaultConfig(CallManagerKind.STANDALONE),
        Duration.ofSeconds(70), killed, killed ? null : 0, "", endMarkers, Path.of("/tmp/x"));
  }

  static VerificationResult verdict(String xml, String console, long endMarkers) {
    return JpfVerdicts.result(
        facts(endMarkers, false), JpfReport.parse(xml, console), ImmutableList.of("no-leak"), "./condis-verify verify --engine jpf");
  }

  static Classified classify(String property, String details) {
    return JpfVerdicts.classify(new JpfReport.JpfError(property, details));
  }

  @Test
  void aPropertyViolationCarriesItsPropertyRuleAndTrace() {
    VerificationResult r = verdict(JpfReportTest.VIOLATION_XML_MALFORMED, JpfReportTest.VIOLATION_CONSOLE, 0);
    assertThat(r.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(r.engine()).isEqualTo("jpf");
    Violation v = r.counterexample().orElseThrow().violation();
    assertThat(v.property()).isEqualTo("no-leak");
    assertThat(v.ruleId()).isEqualTo("CLOSE-4");
    assertThat(v.message()).isEqualTo("CallMgrPartyContext#3(cm.party) <was> never released & more");
    assertThat(r.counterexample().orElseThrow().schedule())
        .isEqualTo("jpf: 5 transitions; threads 0>1>0; data choices [1,0]");
    assertThat(r.counterexample().orElseThrow().trace()).hasSize(1);
    assertThat(r.figures().states()).isEqualTo(321);
    assertThat(r.figures().executions()).isEqualTo(12);
    assertThat(r.figures().maxDepth()).isEqualTo(57);
    assertThat(r.figures().decisionPoints()).isEqualTo(46);
    assertThat(r.figures().wallTime()).isEqualTo(Duration.ofSeconds(70));
  }

  @Test
  void aCleanSearchThatRanToTheEndIsVerified() {
    VerificationResult r = verdict(JpfReportTest.PASS_XML, JpfReportTest.PASS_CONSOLE, 3);
    assertThat(r.verdict()).isEqualTo(Verdict.VERIFIED);
    assertThat(r.detail()).isEmpty();
  }

  @Test
  void aCleanSearchWhereNothingRanToTheEndIsAnError() {
    VerificationResult r = verdict(JpfReportTest.PASS_XML, JpfReportTest.PASS_CONSOLE, 0);
    assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(r.detail().orElseThrow()).contains("no execution ran to the end").contains("stopped the program silently");
  }

  @Test
  void aBudgetHitIsInconclusive() {
    String console =
        JpfReportTest.console(
            JpfReportTest.BANNER + "search constraint\nmax time exceeded: 00:00:02 >= 00:00:02\n\n",
            JpfReportTest.BANNER + "results\nno errors detected\n\n",
            JpfReportTest.statistics(85, 4, 30, 1));
    VerificationResult r = verdict(JpfReportTest.PASS_XML, console, 3);
    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.detail().orElseThrow()).contains("max time exceeded").doesNotContain("jpf.races");
    VerificationResult withRaces =
        JpfVerdicts.result(facts(3, false), JpfReport.parse(JpfReportTest.PASS_XML, console),
            ImmutableList.of("no-leak", JpfVerdicts.DATA_RACE), "");
    assertThat(withRaces.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(withRaces.detail().orElseThrow()).contains("-Djpf.races=false");
  }

  @Test
  void noResultIsAnErrorAndAKilledRunIsInconclusive() {
    String crashed = JpfReportTest.console();
    assertThat(verdict("", crashed, 0).verdict()).isEqualTo(Verdict.ERROR);
    VerificationResult killed =
        JpfVerdicts.result(facts(0, true), JpfReport.parse("", crashed), ImmutableList.of(), "");
    assertThat(killed.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(killed.detail().orElseThrow()).contains("time budget");
  }

  @Test
  void aDeadlockIsTheDeadlockProperty() {
    Classified c =
        classify(
            JpfVerdicts.DEADLOCK,
            "deadlock encountered:\n  thread java.lang.Thread:{id:0,name:main,status:WAITING,priority:5}\n"
                + "  thread java.lang.Thread:{id:1,name:network,status:WAITING,priority:5}");
    assertThat(c.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(c.violation().property()).isEqualTo("deadlock");
    assertThat(c.violation().ruleId()).isEqualTo("IRQL-4");
    assertThat(c.violation().message()).contains("main, network");
  }

  @Test
  void aUserPropertysOwnExceptionIsThatPropertysErrorNotTheDrivers() {
    Classified c =
        classify(
            JpfVerdicts.UNCAUGHT,
            "dev.condis.model.property.PropertyFailure: PROPERTY-ERROR property 'mine' (com.example.Mine) threw in"
                + " onEvent: java.lang.IllegalStateException: my own bug\n"
                + "\tat dev.condis.model.scenario.ScenarioHarness.guarded(ScenarioHarness.java:210)");
    assertThat(c.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(c.violation()).isNull();
    assertThat(c.detail()).startsWith("property 'mine' (com.example.Mine) threw in onEvent:");
  }

  @Test
  void aRaceIsTheDataRaceProperty() {
    Classified c =
        classify(
            JpfVerdicts.RACE,
            "race for field dev.condis.reference.cm.CmVc@1a2.state\n  network at dev.condis...\n  main at dev.condis...");
    assertThat(c.violation().property()).isEqualTo(JpfVerdicts.DATA_RACE);
    assertThat(c.violation().message()).startsWith("JPF: race for field dev.condis.reference.cm.CmVc@1a2.state");
  }

  @Test
  void aGapInJpfsModelClassesIsAnErrorNotAViolation() {
    Classified c =
        classify(
            JpfVerdicts.UNCAUGHT,
            "java.lang.NoSuchMethodError: java.lang.String.strip()Ljava/lang/String;\n"
                + "\tat dev.condis.reference.client.ReferenceClient.closeCall(ReferenceClient.java:1)");
    assertThat(c.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(c.detail()).contains("JPF cannot run this program").contains("String.strip");
  }

  @Test
  void anExceptionFromDriverCodeIsNoUncaughtException() {
    Classified c =
        classify(
            JpfVerdicts.UNCAUGHT,
            "java.lang.IllegalStateException: boom\n"
                + "\tat dev.condis.reference.client.ReferenceClient.closeCall(ReferenceClient.java:12)\n"
                + "\tat dev.condis.model.scenario.ScenarioHarness.runOnce(ScenarioHarness.java:171)");
    assertThat(c.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(c.violation().property()).isEqualTo("no-uncaught-exception");
    assertThat(c.violation().message())
        .isEqualTo("java.lang.IllegalStateException: boom at dev.condis.reference.client.ReferenceClient.closeCall(ReferenceClient.java:12)");
  }

  @Test
  void anExceptionFromTheModelIsAnInternalError() {
    Classified c =
        classify(
            JpfVerdicts.UNCAUGHT,
            "java.lang.IllegalArgumentException: JpfMain: unknown argument 'x'\n\tat dev.condis.jpf.JpfArguments.parse(JpfArguments.java:9)");
    assertThat(c.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(c.detail()).startsWith("internal error in condis-verify under JPF");
  }

  @Test
  void reacquiringAPlatformLockIsADeadlockAsInTheExplorer() {
    Classified c =
        classify(
            JpfVerdicts.UNCAUGHT,
            "java.lang.IllegalStateException: lock client re-acquired by main: platform locks are not reentrant\n"
                + "\tat dev.condis.reference.platform.JavaPlatform$JavaLock.acquire(JavaPlatform.java:230)");
    assertThat(c.violation().property()).isEqualTo("deadlock");
    assertThat(c.violation().ruleId()).isEqualTo("IRQL-4");
  }

  @Test
  void aTraceIsSummarisedInOneLine() {
    assertThat(JpfVerdicts.summarizeTrace("")).isEqualTo("jpf (no trace)");
  }
}
