package dev.condis.reference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.platform.ScriptedPlatform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoNdisSystemTest {
  private final List<String> log = new ArrayList<>();
  private final ScriptedPlatform platform = new ScriptedPlatform();
  private final List<NdisEvent> events = new ArrayList<>();

  private CoNdisSystem.Builder standalone() {
    return CoNdisSystem.builder()
        .platform(platform)
        .client(new TestDrivers.Client(log))
        .standaloneCallManager(new TestDrivers.Standalone(log), new TestDrivers.Miniport(log))
        .listener(events::add);
  }

  @Test
  void standaloneWiringInitialisesBottomUpWithTheirEnvironments() {
    FaultSet faults = FaultSet.of(SeededFault.values()[0]);
    CoNdisSystem system = standalone().faults(faults).build();

    assertThat(system.kind()).isEqualTo(CallManagerKind.STANDALONE);
    assertThat(log).containsExactly("miniport.initialize", "cm.initialize", "client.initialize");
    TestDrivers.Client client = (TestDrivers.Client) system.client();
    TestDrivers.Standalone cm = (TestDrivers.Standalone) system.callManager();
    assertThat(client.env.ndisAfHandle()).isEqualTo(new NdisAfHandle(1)).isEqualTo(system.afHandle());
    assertThat(client.env.ndisSapHandle()).isEqualTo(new NdisSapHandle(1)).isEqualTo(system.sapHandle());
    assertThat(cm.env.ndisAfHandle()).isEqualTo(system.afHandle());
    assertThat(cm.env.ndisSapHandle()).isEqualTo(system.sapHandle());
    // One tracker table, one view per driver: each allocation names its driver (ContextRef#owner).
    assertThat(client.env.tracker().owner()).isEqualTo(Actor.CLIENT);
    assertThat(cm.env.tracker().owner()).isEqualTo(Actor.CALL_MANAGER);
    assertThat(system.ndis().tracker().owner()).isEqualTo(Actor.NDIS);
    CloseData data = client.env.tracker().allocate(new CloseData("test.close"));
    assertThat(system.ndis().tracker().live()).extracting(ContextRef::owner).containsExactly(Actor.CLIENT);
    assertThat(cm.env.tracker().release(data, "CLOSE-13", "test")).isTrue();
    assertThat(system.ndis().tracker().live()).isEmpty();
    assertThat(client.env.platform()).isSameAs(platform);
    assertThat(client.env.faults()).isSameAs(faults);
    assertThat(cm.env.ndis()).isInstanceOf(NdisCmApi.class).isNotInstanceOf(NdisMcmApi.class);
    assertThat(((TestDrivers.Miniport) system.miniport()).env.faults()).isSameAs(faults);
    // listeners come first: they saw the AF and the SAP being issued
    assertThat(events).filteredOn(NdisEvent.HandleIssued.class::isInstance)
        .extracting(e -> ((NdisEvent.HandleIssued) e).handle().toString()).containsExactly("af#1", "sap#1");
  }

  @Test
  void mcmWiringInferredFromTheDriversGiven() {
    CoNdisSystem system = CoNdisSystem.builder()
        .platform(platform)
        .client(new TestDrivers.Client(log))
        .integratedCallManager(new TestDrivers.Mcm(log))
        .build();

    assertThat(system.kind()).isEqualTo(CallManagerKind.MCM);
    assertThat(system.miniport()).isNull();
    assertThat(log).containsExactly("mcm.initialize", "client.initialize");
    assertThat(((TestDrivers.Mcm) system.callManager()).env.ndis()).isInstanceOf(NdisMcmApi.class);
  }

  @Test
  void finishShutsDownClientThenCallManagerWaitingForDeferredWorkInBetween() {
    CoNdisSystem system = standalone().build();
    system.client().makeCall(0);
    log.clear();

    NdisSnapshot end = system.finish();

    assertThat(log).containsExactly("client.shutdown", "client.close SUCCESS", "client.delete SUCCESS",
        "client.dpc", "cm.shutdown", "cm.dpc");
    assertThat(end.isClean()).isTrue();
    assertThat(events).noneMatch(NdisEvent.RuleViolation.class::isInstance);
    assertThatThrownBy(system::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void mcmRunEndsClean() {
    CoNdisSystem system = CoNdisSystem.builder()
        .platform(platform)
        .client(new TestDrivers.Client(log))
        .integratedCallManager(new TestDrivers.Mcm(log))
        .listener(events::add)
        .build();
    system.client().makeCall(0);

    assertThat(system.finish().isClean()).isTrue();
    assertThat(log).contains("client.makeCall SUCCESS", "mcm.dpc");
    assertThat(events).noneMatch(NdisEvent.RuleViolation.class::isInstance);
  }

  @Test
  void buildRejectsIncompleteOrMixedWiring() {
    assertThatThrownBy(() -> CoNdisSystem.builder().platform(platform).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no client")
        .hasMessageContaining("stand-alone call manager");
    assertThatThrownBy(() -> CoNdisSystem.builder().platform(platform).client(new TestDrivers.Client(log))
            .callManager(new TestDrivers.Standalone(log)).build())
        .hasMessageContaining("miniport");
    assertThatThrownBy(() -> standalone().integratedCallManager(new TestDrivers.Mcm(log)).build())
        .hasMessageContaining("STANDALONE takes no integrated call manager");
    assertThatThrownBy(() -> standalone().callManagerKind(CallManagerKind.MCM).build())
        .hasMessageContaining("MCM needs an integrated call manager");
    assertThat(log).isEmpty(); // nothing was initialised
  }

  @Test
  void builderTellsWhatIsStillMissing() {
    CoNdisSystem.Builder builder = CoNdisSystem.builder();
    assertThat(builder.hasClient()).isFalse();
    assertThat(builder.hasCallManager()).isFalse();
    builder.client(new TestDrivers.Client(log)).integratedCallManager(new TestDrivers.Mcm(log));
    assertThat(builder.hasClient()).isTrue();
    assertThat(builder.hasCallManager()).isTrue();
  }
}
