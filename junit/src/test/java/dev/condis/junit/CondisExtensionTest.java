package dev.condis.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a driver engineer sees in their own test run: one test per scenario instance named by
 * its label; VERIFIED passes, VIOLATION fails with the rule, chart and replay command,
 * INCONCLUSIVE is skipped with its bound, a bad attribute fails with the CLI's one line.
 * (The user test classes below run only through the JUnit test kit.)
 */
class CondisExtensionTest {

  static class Verified {
    @CondisTest(scenarios = "make-call-failure", cm = "mcm")
    void referenceDrivers(VerificationResult result) {
      assertThat(result.verdict()).isEqualTo(Verdict.VERIFIED);
      assertThat(result.figures().executions()).isPositive();
    }
  }

  static class Violated {
    @CondisTest(scenarios = "make-close", cm = "mcm", vc = "client", inject = "mcm-double-close-complete")
    void doubleCompletion() {}
  }

  static class CutShort {
    @CondisTest(scenarios = "make-close", cm = "standalone", vc = "client", maxExecutions = 3)
    void tooSmallABound() {}
  }

  static class Hunt {
    @CondisTest(scenarios = "combined-uncut", cm = "standalone", randomWalk = "1", maxExecutions = 200,
        inject = "cm-never-completes-failed-make-call")
    void huntedDown() {}

    @CondisTest(scenarios = "two-calls", cm = "mcm", vc = "client", randomWalk = "1", maxExecutions = 50)
    void nothingFoundProvesNothing() {}
  }

  static class BadAttribute {
    @CondisTest(scenarios = "no-such-scenario")
    void typo() {}
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  @Test
  void aVerifiedInstanceIsAPassingTestNamedByItsLabelAndGetsItsResult() {
    Events events = run(Verified.class);
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    events.assertThatEvents().haveExactly(1,
        event(displayName("make-call-failure[parties=0,cm=mcm,vc=client]"), finishedSuccessfully()));
  }

  @Test
  void aViolationFailsWithTheRuleTheChartAndTheReplayCommand() {
    Events events = run(Violated.class);
    events.assertStatistics(s -> s.started(1).failed(1));
    events.assertThatEvents().haveExactly(1, event(finishedWithFailure(
        instanceOf(AssertionFailedError.class),
        message(m -> m.startsWith("exactly-once-completion [GEN-2]: ")
            && m.contains("./condis-verify replay --scenario make-close --parties 0 --cm mcm --vc client"
                + " --inject mcm-double-close-complete")
            && m.contains("NdisMCmCloseCallComplete")))));
  }

  @Test
  void anInconclusiveSearchIsAbortedWithTheBoundThatStoppedIt() {
    Events events = run(CutShort.class);
    events.assertStatistics(s -> s.started(1).aborted(1));
    events.assertThatEvents().haveExactly(1, event(abortedWithReason(
        instanceOf(TestAbortedException.class), message(m -> m.startsWith("INCONCLUSIVE") && m.contains("3 executions")))));
  }

  @Test
  void randomWalksFailOnAViolationAndAbortOtherwise() {
    Events events = run(Hunt.class);
    events.assertStatistics(s -> s.started(2).failed(1).aborted(1));
    events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(AssertionFailedError.class),
        message(m -> m.startsWith("exactly-once-completion [GEN-2]: ")))));
    events.assertThatEvents().haveExactly(1, event(abortedWithReason(instanceOf(TestAbortedException.class),
        message(m -> m.startsWith("INCONCLUSIVE") && m.contains("random walks (seed 1): 50 executions")))));
  }

  @Test
  void aBadAttributeFailsTheTestWithTheCommandLinesMessage() {
    Events all = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadAttribute.class)).execute().allEvents();
    all.assertThatEvents().haveExactly(1, event(finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("no-such-scenario")))));
  }
}
