package dev.condis.model.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.property.examples.VcDeletedOrReusedProperty;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.event.Stamp;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.system.CallManagerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The example user property (model/PROPERTIES.md): VC-16 from raw events. */
class VcDeletedOrReusedPropertyTest {
  private static final String CLASS = VcDeletedOrReusedProperty.class.getName();
  private static final NdisSnapshot CLEAN =
      new NdisSnapshot(ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  private long seq = 1;

  private Stamp stamp() {
    return new Stamp(seq++, "main");
  }

  private List<Violation> run(NdisEvent... events) {
    List<Violation> found = new ArrayList<>();
    PropertyListener p = new VcDeletedOrReusedProperty();
    for (NdisEvent e : events) {
      p.onEvent(e, (rule, msg) -> found.add(new Violation(p.id(), rule, msg)));
    }
    p.onExecutionEnd(CLEAN, (rule, msg) -> found.add(new Violation(p.id(), rule, msg)));
    return found;
  }

  @Test
  void closedButNeverDeletedIsAViolation() {
    RequestToken make = new RequestToken(1, RequestKind.MAKE_CALL, new NdisVcHandle(1), null);
    RequestToken close = new RequestToken(2, RequestKind.CLOSE_CALL, new NdisVcHandle(1), null);
    List<Violation> found =
        run(
            new NdisEvent.HandleIssued(stamp(), new NdisVcHandle(1), "client"),
            new NdisEvent.RequestOpened(stamp(), make),
            new NdisEvent.RequestCompleted(stamp(), make, NdisStatus.SUCCESS, true),
            new NdisEvent.RequestOpened(stamp(), close),
            new NdisEvent.RequestCompleted(stamp(), close, NdisStatus.SUCCESS, true));
    assertThat(found).singleElement().satisfies(v -> {
      assertThat(v.ruleId()).isEqualTo("VC-16");
      assertThat(v.message()).startsWith("vc#1");
    });
  }

  @Test
  void deletedOrReusedIsFine() {
    RequestToken close = new RequestToken(2, RequestKind.CLOSE_CALL, new NdisVcHandle(1), null);
    RequestToken again = new RequestToken(3, RequestKind.MAKE_CALL, new NdisVcHandle(1), null);
    RequestToken close2 = new RequestToken(4, RequestKind.CLOSE_CALL, new NdisVcHandle(1), null);
    assertThat(
            run(
                new NdisEvent.HandleIssued(stamp(), new NdisVcHandle(1), "client"),
                new NdisEvent.RequestCompleted(stamp(), close, NdisStatus.SUCCESS, true),
                new NdisEvent.RequestOpened(stamp(), again),
                new NdisEvent.RequestCompleted(stamp(), again, NdisStatus.SUCCESS, true),
                new NdisEvent.RequestCompleted(stamp(), close2, NdisStatus.SUCCESS, true),
                new NdisEvent.HandleInvalidated(stamp(), new NdisVcHandle(1), "deleted")))
        .isEmpty();
  }

  private static VerificationResult verify(ScenarioConfig config) {
    return new ExplorerEngine()
        .verify(
            new VerificationRequest(
                config, ImmutableList.of(CLASS), Bounds.DEFAULT, ProgressListener.NONE, ImmutableMap.of()));
  }

  @Test
  void holdsOnTheReference() {
    VerificationResult r =
        verify(ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).defaultConfig(CallManagerKind.STANDALONE));
    assertThat(r.verdict()).isEqualTo(Verdict.VERIFIED);
    assertThat(r.properties()).contains("vc-deleted-or-reused");
  }

  @Test
  void catchesTheClientThatNeverDeletesItsVc() {
    ScenarioConfig config =
        ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE)
            .config(0, CallManagerKind.MCM, VcOwner.CLIENT,
                FaultSet.of(SeededFault.CLIENT_NEVER_DELETES_VC), DriverSelection.REFERENCE);
    VerificationResult r = verify(config);
    assertThat(r.verdict()).isEqualTo(Verdict.VIOLATION);
    Violation v = r.counterexample().orElseThrow().violation();
    assertThat(v.property()).isEqualTo("vc-deleted-or-reused");
    assertThat(v.ruleId()).isEqualTo("VC-16");
    assertThat(r.counterexample().orElseThrow().replayCommand())
        .contains("--property " + CLASS);
  }

  @Test
  void foundThroughServiceLoaderWhenRegistered() {
    // src/test/resources/META-INF/services registers it, as a user's jar would.
    assertThat(ServiceLoader.load(PropertyListener.class).stream().map(ServiceLoader.Provider::type))
        .contains(VcDeletedOrReusedProperty.class);
    assertThat(PropertyCatalog.available(List.of()))
        .extracting(PropertyCatalog.PropertyInfo::id)
        .contains("vc-deleted-or-reused");
    assertThat(PropertyCatalog.resolve("vc-deleted-or-reused", List.of())).isEqualTo(CLASS);
  }
}
