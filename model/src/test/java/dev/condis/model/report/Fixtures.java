package dev.condis.model.report;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.Violation;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextKind;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.event.Stamp;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.rules.RuleCategory;
import dev.condis.reference.system.CallManagerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A known counterexample (the MCM completes a pended close twice) and results around it. */
public final class Fixtures {
  public static final RequestToken CLOSE = new RequestToken(2, RequestKind.CLOSE_CALL, new NdisVcHandle(1), null);
  public static final String SCHEDULE = "t0 t0 c1 t1 t1";
  public static final String REPLAY =
      "condis-verify replay 't0 t0 c1 t1 t1' --scenario make-close --cm mcm --vc client --inject mcm-double-close-complete";

  private Fixtures() {}

  private static Stamp s(long seq, String thread) {
    return new Stamp(seq, thread);
  }

  /** 16 events; the valid handle use (seq 2) is not a chart row, so the chart has 15 rows. */
  public static ImmutableList<NdisEvent> trace() {
    return ImmutableList.of(
        new NdisEvent.ApiCalled(s(1, "client"), Actor.CLIENT, "NdisClCloseCall", "vc#1"),
        new NdisEvent.HandleUsed(s(2, "client"), Actor.CLIENT, new NdisVcHandle(1), "NdisClCloseCall", true),
        new NdisEvent.RequestOpened(s(3, "client"), CLOSE),
        new NdisEvent.HandlerCalled(s(4, "client"), Actor.MCM, "ProtocolCmCloseCall", "vc#1"),
        new NdisEvent.HandlerReturned(s(5, "client"), Actor.MCM, "ProtocolCmCloseCall", NdisStatus.PENDING),
        new NdisEvent.ApiReturned(s(6, "client"), Actor.CLIENT, "NdisClCloseCall", NdisStatus.PENDING),
        new NdisEvent.Note(s(7, "network"), Actor.NETWORK, "network hangs up; nothing to do"),
        new NdisEvent.ApiCalled(s(8, "dpc-1"), Actor.MCM, "NdisMCmCloseCallComplete", "SUCCESS, vc#1"),
        new NdisEvent.RequestCompleted(s(9, "dpc-1"), CLOSE, NdisStatus.SUCCESS, true),
        new NdisEvent.HandlerCalled(s(10, "dpc-1"), Actor.CLIENT, "ProtocolClCloseCallComplete", "SUCCESS"),
        new NdisEvent.ContextReleased(
            s(11, "dpc-1"), new ContextRef(ContextKind.PROTOCOL_PARTY_CONTEXT, 1, "party 1", Actor.CLIENT), "ProtocolClCloseCallComplete"),
        new NdisEvent.HandlerReturned(s(12, "dpc-1"), Actor.CLIENT, "ProtocolClCloseCallComplete", null),
        new NdisEvent.ApiReturned(s(13, "dpc-1"), Actor.MCM, "NdisMCmCloseCallComplete", null),
        new NdisEvent.ApiCalled(s(14, "dpc-1"), Actor.MCM, "NdisMCmCloseCallComplete", "SUCCESS, vc#1"),
        new NdisEvent.HandleUsed(s(15, "dpc-1"), Actor.MCM, new NdisPartyHandle(5), "NdisMCmCloseCallComplete", false),
        new NdisEvent.RuleViolation(
            s(16, "dpc-1"), "GEN-2", RuleCategory.DOUBLE_COMPLETE, "second completion of CLOSE_CALL#2[vc#1]; <&> \"quoted\" ]]> end"));
  }

  public static ScenarioConfig config(String scenario, CallManagerKind kind, FaultSet faults) {
    return new ScenarioConfig(scenario, 0, kind, VcOwner.CLIENT, faults, DriverSelection.REFERENCE);
  }

  public static Figures figures(long executions) {
    return new Figures(executions, executions / 3, 42, 17, -1, Duration.ofMillis(1234));
  }

  public static final ImmutableList<String> PROPERTIES =
      ImmutableList.of("exactly-once-completion", "no-use-after-close", "no-leak");

  public static VerificationResult verified(String scenario) {
    return new VerificationResult(
        config(scenario, CallManagerKind.STANDALONE, FaultSet.none()),
        "explorer",
        Verdict.VERIFIED,
        PROPERTIES,
        figures(1500),
        Optional.empty(),
        Optional.empty());
  }

  public static Counterexample counterexample() {
    return new Counterexample(
        new Violation("exactly-once-completion", "GEN-2", "second completion of CLOSE_CALL#2[vc#1]"),
        SCHEDULE,
        trace(),
        REPLAY);
  }

  public static VerificationResult violation(String scenario) {
    return new VerificationResult(
        config(scenario, CallManagerKind.MCM, FaultSet.of(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE)),
        "explorer",
        Verdict.VIOLATION,
        PROPERTIES,
        figures(30),
        Optional.of(counterexample()),
        Optional.empty());
  }

  public static VerificationResult inconclusive(String scenario) {
    return new VerificationResult(
        config(scenario, CallManagerKind.STANDALONE, FaultSet.none()),
        "explorer",
        Verdict.INCONCLUSIVE,
        PROPERTIES,
        figures(100),
        Optional.empty(),
        Optional.of("execution bound reached (100 executions)"));
  }

  public static VerificationResult error(String scenario) {
    return new VerificationResult(
        config(scenario, CallManagerKind.STANDALONE, FaultSet.none()),
        "explorer",
        Verdict.ERROR,
        PROPERTIES,
        new Figures(-1, -1, -1, -1, -1, Duration.ZERO),
        Optional.empty(),
        Optional.of("internal error: java.lang.IllegalStateException: boom"));
  }

  public static final Bounds BOUNDS = new Bounds(100, 500, Duration.ofSeconds(30));

  public static ScenarioReport report(VerificationResult r) {
    return new ScenarioReport(r, BOUNDS);
  }

  public static final ToolInfo TOOL = new ToolInfo("condis-verify", "9.9.9-test", Optional.of("abc123"));

  /** One of each verdict: VERIFIED, VIOLATION, INCONCLUSIVE, ERROR, VERIFIED. */
  public static SuiteReport mixedSuite() {
    return new SuiteReport(
        TOOL,
        Instant.parse("2025-01-02T03:04:05Z"),
        Duration.ofMillis(4321),
        List.of(
            report(verified("make-close")),
            report(violation("make-close")),
            report(inconclusive("multipoint")),
            report(error("combined")),
            report(verified("early-completion"))));
  }
}
