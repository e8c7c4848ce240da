package com.example.condis;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What PLUGINS.md promises a newcomer: the client written from it alone is VERIFIED against
 * both reference call managers in every scenario it supports, and its seeded-bug twin is a
 * VIOLATION of the rule it breaks, with a replay command. (The same checks from the command
 * line are in PLUGINS.md.)
 */
class PointToPointClientTest {
  private static final Bounds BOUNDS = new Bounds(500_000, 2_000, Duration.ofMinutes(3));

  private static VerificationResult verify(String scenario, CallManagerKind kind, Class<?> client) {
    ScenarioConfig config = ScenarioCatalog.get(scenario).config(0, kind, VcOwner.CLIENT, FaultSet.none(),
        new DriverSelection(Optional.of(client.getName()), Optional.empty(), Optional.empty(), List.of()));
    return new ExplorerEngine().verify(new VerificationRequest(config,
        ImmutableList.copyOf(PropertyCatalog.defaultPropertyClasses()), BOUNDS, ProgressListener.NONE,
        ImmutableMap.of()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CallManagerKind.class)
  void theClientIsVerifiedInEveryScenarioItSupports(CallManagerKind kind) {
    for (String scenario : List.of(ScenarioCatalog.MAKE_CLOSE, ScenarioCatalog.MAKE_CALL_FAILURE,
        ScenarioCatalog.INCOMING_CLOSE)) {
      VerificationResult r = verify(scenario, kind, PointToPointClient.class);
      assertThat(r.verdict()).as(scenario + " " + kind + ": " + r.detail().orElse("")
          + r.counterexample().map(c -> " " + c.violation()).orElse("")).isEqualTo(Verdict.VERIFIED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CallManagerKind.class)
  void theSeededBugIsCaughtWithItsRule(CallManagerKind kind) {
    VerificationResult r = verify(ScenarioCatalog.MAKE_CLOSE, kind, EarlyFreeClient.class);

    assertThat(r.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(r.counterexample().orElseThrow().violation().property()).isEqualTo("no-use-after-close");
    assertThat(r.counterexample().orElseThrow().violation().ruleId()).isEqualTo("VC-11");
    assertThat(r.counterexample().orElseThrow().replayCommand())
        .contains("--client " + EarlyFreeClient.class.getName());
  }

  /** The hang-up of a call made in-line is a path the reference call managers take (OQ-13). */
  @ParameterizedTest(name = "{0}")
  @EnumSource(CallManagerKind.class)
  void aBugOnTheHangUpOfACallMadeInLineIsCaught(CallManagerKind kind) {
    VerificationResult r = verify(ScenarioCatalog.INCOMING_CLOSE, kind, FastCallFlushClient.class);

    assertThat(r.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(r.counterexample().orElseThrow().violation().ruleId()).isEqualTo("ICLOSE-2");
    assertThat(r.counterexample().orElseThrow().trace().toString())
        .doesNotContain("ProtocolClMakeCallComplete");
  }
}
