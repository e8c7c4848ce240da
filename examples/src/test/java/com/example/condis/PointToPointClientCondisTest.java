package com.example.condis;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.condis.junit.CondisTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A driver engineer's own test suite, as PLUGINS.md shows it: the client is verified by
 * {@link CondisTest}, one test per scenario instance. Its seeded-bug twin would fail the same
 * way in a real suite; here the JUnit test kit runs it and checks it fails with VC-11.
 */
class PointToPointClientCondisTest {

  @CondisTest(scenarios = {"make-close", "make-call-failure", "incoming-close"}, vc = "client",
      client = PointToPointClient.class)
  void theClientTearsDownCorrectly() {}

  /** What a suite with the buggy client would hold (run below through the test kit). */
  static class WithTheBug {
    @CondisTest(scenarios = "make-close", vc = "client", client = EarlyFreeClient.class)
    void theClientTearsDownCorrectly() {}
  }

  @Test
  void theBuggyClientFailsUnderBothCallManagersWithItsRule() {
    Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(WithTheBug.class)).execute().testEvents();
    tests.assertStatistics(s -> s.started(2).failed(2));
    tests.assertThatEvents().haveExactly(2, event(finishedWithFailure(
        message(m -> m.startsWith("no-use-after-close [VC-11]: example.deleteVc: releases")
            && m.contains("--client com.example.condis.EarlyFreeClient")))));
  }
}
