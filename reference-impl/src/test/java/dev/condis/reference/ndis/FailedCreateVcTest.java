package dev.condis.reference.ndis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.VcCreation;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.rules.RuleCategory;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NDIS's VC-2 check: a ProtocolCoCreateVc that fails must release everything it allocated for
 * the VC before returning. NDIS sees what the handler hands back; a context still allocated is
 * left behind for good (no ProtocolCoDeleteVc will return it), a LEAK reported at once. Both
 * directions (the call manager's handler for a client VC, the client's for a call-manager VC),
 * under both kinds of call manager.
 */
class FailedCreateVcTest {

  static Stream<Supplier<Fixture>> fixtures() {
    return Stream.of(Fixture::standalone, Fixture::mcm);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void failedCallManagerCreateThatKeepsItsContextIsAVc2Leak(Supplier<Fixture> fixture) {
    Fixture f = fixture.get();
    f.cm.createVcReturn = NdisStatus.RESOURCES;
    f.cm.keepContextOnFailedCreate = true;

    VcCreation created = f.cl.coCreateVc(f.af, f.vcContext());

    assertThat(created).isEqualTo(new VcCreation(NdisStatus.RESOURCES, null)); // the failure stands
    assertThat(f.rec.violations())
        .extracting(NdisEvent.RuleViolation::ruleId, NdisEvent.RuleViolation::category)
        .containsExactly(Tuple.tuple("VC-2", RuleCategory.LEAK));
    assertThat(f.rec.violations().get(0).message()).contains("cm.vc");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void failedCallManagerCreateThatReleasedEverythingIsNoViolation(Supplier<Fixture> fixture) {
    Fixture f = fixture.get();
    f.cm.createVcReturn = NdisStatus.RESOURCES; // allocates nothing, hands back nothing (VC-2 kept)

    assertThat(f.cl.coCreateVc(f.af, f.vcContext()).status()).isEqualTo(NdisStatus.RESOURCES);
    assertThat(f.rec.violations()).isEmpty();
    assertThat(f.tracker.live()).extracting(c -> c.tag()).containsExactly("client.vc"); // the creator's, VC-3
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void failedClientCreateThatKeepsItsContextIsAVc2Leak(Supplier<Fixture> fixture) {
    Fixture f = fixture.get();
    f.client.createVcReturn = NdisStatus.RESOURCES;
    f.client.keepContextOnFailedCreate = true;
    CallMgrVcContext context = f.tracker.allocate(new StubCallManager.StubVc("cm.incoming"));

    VcCreation created = f.cmApi != null ? f.cmApi.coCreateVc(f.af, context) : f.mcmApi.mcmCreateVc(f.af, context);

    assertThat(created.status()).isEqualTo(NdisStatus.RESOURCES);
    assertThat(f.rec.violations())
        .extracting(NdisEvent.RuleViolation::ruleId, NdisEvent.RuleViolation::category)
        .containsExactly(Tuple.tuple("VC-2", RuleCategory.LEAK));
    assertThat(f.rec.violations().get(0).message()).contains("client.offered");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void pendingCreateWithAContextIsGen5NotVc2(Supplier<Fixture> fixture) {
    Fixture f = fixture.get();
    f.cm.createVcReturn = NdisStatus.PENDING;
    f.cm.keepContextOnFailedCreate = true;

    assertThat(f.cl.coCreateVc(f.af, f.vcContext()).status()).isEqualTo(NdisStatus.FAILURE);
    // GEN-5's case: the VC is unusable, the context not abandoned by a failure status.
    assertThat(f.rec.ruleIds()).containsExactly("GEN-5");
  }
}
