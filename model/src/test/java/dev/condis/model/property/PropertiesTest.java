package dev.condis.model.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextKind;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.event.Stamp;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.rules.RuleCategory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in properties on hand-written event streams: their raw-event checks catch what
 * NDIS's own reports would, and NDIS's more precise rule ID wins when it reports the same
 * thing.
 */
class PropertiesTest {
  private long seq = 1;
  private final List<Violation> found = new ArrayList<>();

  private Stamp stamp() {
    return new Stamp(seq++, "main");
  }

  private static final NdisSnapshot CLEAN =
      new NdisSnapshot(ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  private void feed(PropertyListener p, NdisEvent... events) {
    for (NdisEvent e : events) {
      p.onEvent(e, (rule, msg) -> found.add(new Violation(p.id(), rule, msg)));
    }
  }

  private void end(PropertyListener p, NdisSnapshot s) {
    p.onExecutionEnd(s, (rule, msg) -> found.add(new Violation(p.id(), rule, msg)));
  }

  @Test
  void exactlyOnceSeesASecondCompletionFromRawEvents() {
    PropertyListener p = new ExactlyOnceCompletionProperty();
    RequestToken close = new RequestToken(3, RequestKind.CLOSE_CALL, new NdisVcHandle(1), null);
    feed(p,
        new NdisEvent.RequestOpened(stamp(), close),
        new NdisEvent.RequestCompleted(stamp(), close, NdisStatus.SUCCESS, true),
        new NdisEvent.RequestCompleted(stamp(), close, NdisStatus.SUCCESS, true),
        new NdisEvent.Note(stamp(), Actor.NETWORK, "next"));
    assertThat(found).extracting(Violation::ruleId).containsExactly("GEN-2");
  }

  @Test
  void completionAfterAFinalReturnIsGen3() {
    PropertyListener p = new ExactlyOnceCompletionProperty();
    RequestToken make = new RequestToken(1, RequestKind.MAKE_CALL, new NdisVcHandle(1), null);
    feed(p,
        new NdisEvent.RequestOpened(stamp(), make),
        new NdisEvent.RequestCompleted(stamp(), make, NdisStatus.SUCCESS, false),
        new NdisEvent.RequestCompleted(stamp(), make, NdisStatus.SUCCESS, true));
    end(p, CLEAN);
    assertThat(found).extracting(Violation::ruleId).containsExactly("GEN-3");
  }

  @Test
  void ndisRuleIdWinsOverTheRawFinding() {
    PropertyListener p = new ExactlyOnceCompletionProperty();
    RequestToken close = new RequestToken(3, RequestKind.CLOSE_CALL, new NdisVcHandle(1), null);
    feed(p,
        new NdisEvent.RequestOpened(stamp(), close),
        new NdisEvent.RequestCompleted(stamp(), close, NdisStatus.SUCCESS, true),
        new NdisEvent.RequestCompleted(stamp(), close, NdisStatus.SUCCESS, true),
        new NdisEvent.RuleViolation(stamp(), "CLOSE-17", RuleCategory.DOUBLE_COMPLETE, "second close"));
    assertThat(found).extracting(Violation::ruleId).containsExactly("CLOSE-17");
  }

  @Test
  void missingCompletionIsFoundFromRawEventsAndTheSnapshot() {
    PropertyListener p = new ExactlyOnceCompletionProperty();
    RequestToken incoming = new RequestToken(4, RequestKind.INCOMING_CALL, new NdisVcHandle(2), null);
    RequestToken make = new RequestToken(5, RequestKind.MAKE_CALL, new NdisVcHandle(3), null);
    feed(p, new NdisEvent.RequestOpened(stamp(), incoming));
    end(p, new NdisSnapshot(ImmutableList.of(make), ImmutableList.of(), ImmutableList.of(), ImmutableList.of()));
    assertThat(found).extracting(Violation::ruleId).containsExactly("GEN-7", "GEN-2");
  }

  @Test
  void otherCategoriesAreLeftToTheirProperties() {
    PropertyListener p = new ExactlyOnceCompletionProperty();
    feed(p, new NdisEvent.RuleViolation(stamp(), "VC-7", RuleCategory.USE_AFTER_CLOSE, "x"));
    assertThat(found).isEmpty();
  }

  @Test
  void useOfAnInvalidatedHandleIsCaughtFromRawEvents() {
    PropertyListener p = new NoUseAfterCloseProperty();
    feed(p,
        new NdisEvent.HandleIssued(stamp(), new NdisVcHandle(1), "client"),
        new NdisEvent.HandleInvalidated(stamp(), new NdisVcHandle(1), "NdisCoDeleteVc returned SUCCESS"),
        new NdisEvent.HandleUsed(stamp(), Actor.CLIENT, new NdisVcHandle(1), "NdisClMakeCall", true),
        new NdisEvent.Note(stamp(), Actor.CLIENT, "next"));
    assertThat(found).extracting(Violation::ruleId).containsExactly("VC-7");
  }

  @Test
  void leaksAreAttributedByWhatHappened() {
    PropertyListener p = new NoLeakProperty();
    RequestToken make = new RequestToken(1, RequestKind.MAKE_CALL, new NdisVcHandle(1), new NdisPartyHandle(2));
    ContextRef party = new ContextRef(ContextKind.PROTOCOL_PARTY_CONTEXT, 7, "client.party", Actor.CLIENT);
    ContextRef addParams = new ContextRef(ContextKind.CALL_PARAMETERS, 8, "client.addParty", Actor.CLIENT);
    RequestToken add = new RequestToken(2, RequestKind.ADD_PARTY, new NdisVcHandle(1), new NdisPartyHandle(3), addParams);
    feed(p,
        new NdisEvent.ContextAllocated(stamp(), party),
        new NdisEvent.ContextAllocated(stamp(), addParams),
        new NdisEvent.RequestOpened(stamp(), make),
        new NdisEvent.RequestCompleted(stamp(), make, NdisStatus.RESOURCES, true),
        new NdisEvent.RequestOpened(stamp(), add));
    end(p, CLEAN);
    assertThat(found).extracting(Violation::ruleId).containsExactly("MAKE-8", "ADD-5");
  }

  /**
   * A leaked CallParameters buffer is attributed by the request NDIS lent it with, whatever the
   * driver tagged it: a user's driver names its pools its own way.
   */
  @Test
  void leakedCallParametersAreAttributedByTheirRequestNotTheirTag() {
    PropertyListener p = new NoLeakProperty();
    ContextRef makeParams = new ContextRef(ContextKind.CALL_PARAMETERS, 4, "addParty-looking pool", Actor.CLIENT);
    ContextRef offer = new ContextRef(ContextKind.CALL_PARAMETERS, 5, "CoCallParams", Actor.CALL_MANAGER);
    ContextRef spare = new ContextRef(ContextKind.CALL_PARAMETERS, 6, "makecall spare", Actor.CLIENT);
    feed(p,
        new NdisEvent.ContextAllocated(stamp(), makeParams),
        new NdisEvent.ContextAllocated(stamp(), offer),
        new NdisEvent.ContextAllocated(stamp(), spare),
        new NdisEvent.RequestOpened(stamp(),
            new RequestToken(1, RequestKind.MAKE_CALL, new NdisVcHandle(1), null, makeParams)),
        new NdisEvent.RequestOpened(stamp(),
            new RequestToken(2, RequestKind.INCOMING_CALL, new NdisVcHandle(2), null, offer)));
    end(p, CLEAN);
    assertThat(found).extracting(Violation::ruleId).containsExactly("MAKE-8", "INCALL-7", "VC-9");
  }

  @Test
  void aLeakAfterASuccessfulDropIsDrop4() {
    PropertyListener p = new NoLeakProperty();
    RequestToken drop = new RequestToken(3, RequestKind.DROP_PARTY, new NdisVcHandle(1), new NdisPartyHandle(2));
    feed(p,
        new NdisEvent.ContextAllocated(stamp(), new ContextRef(ContextKind.PROTOCOL_PARTY_CONTEXT, 7, "client.party", Actor.CLIENT)),
        new NdisEvent.RequestOpened(stamp(), drop),
        new NdisEvent.RequestCompleted(stamp(), drop, NdisStatus.SUCCESS, false));
    end(p, CLEAN);
    assertThat(found).extracting(Violation::ruleId).containsExactly("DROP-4");
  }

  @Test
  void aCallManagersPartyStateLeftAfterAFailedAddIsAdd7() {
    PropertyListener p = new NoLeakProperty();
    RequestToken add = new RequestToken(4, RequestKind.ADD_PARTY, new NdisVcHandle(1), new NdisPartyHandle(3));
    feed(p,
        new NdisEvent.ContextAllocated(stamp(), new ContextRef(ContextKind.CALL_MGR_PARTY_CONTEXT, 9, "cm.party", Actor.CALL_MANAGER)),
        new NdisEvent.RequestOpened(stamp(), add),
        new NdisEvent.RequestCompleted(stamp(), add, NdisStatus.RESOURCES, true));
    end(p, CLEAN);
    assertThat(found).extracting(Violation::ruleId).containsExactly("ADD-7");
  }

  @Test
  void aPerVcContextLeftAfterTheVcWentIsVc9() {
    PropertyListener p = new NoLeakProperty();
    feed(p, new NdisEvent.ContextAllocated(stamp(), new ContextRef(ContextKind.CALL_MGR_VC_CONTEXT, 2, "cm.vc", Actor.CALL_MANAGER)));
    end(p, CLEAN);
    assertThat(found).extracting(Violation::ruleId).containsExactly("VC-9");
  }

  @Test
  void aPartyHandleStillLiveAtTheEndIsDrop9() {
    PropertyListener p = new NoLeakProperty();
    // DROP-9: every party handle ends by one successful drop or by the final close; one still
    // live at the end (its VC already deleted, so no VC-16) is the client's miscount.
    end(p, new NdisSnapshot(ImmutableList.of(),
        ImmutableList.of(new NdisSnapshot.LiveHandle(new NdisPartyHandle(3), "CONNECTED"), new NdisSnapshot.LiveHandle(new NdisAfHandle(1), "open")),
        ImmutableList.of(), ImmutableList.of()));
    assertThat(found).extracting(Violation::ruleId).containsExactly("DROP-9");
    assertThat(found.get(0).message()).contains("party#3");
  }

  @Test
  void statusDisciplineChecksHandlerReturns() {
    PropertyListener p = new StatusDisciplineProperty();
    feed(p,
        new NdisEvent.HandlerReturned(stamp(), Actor.CALL_MANAGER, "ProtocolCoCreateVc", NdisStatus.PENDING),
        new NdisEvent.Note(stamp(), Actor.NETWORK, "next"));
    assertThat(found).extracting(Violation::ruleId).containsExactly("GEN-5");
  }

  @Test
  void catalogResolvesIdsAndClassNames() {
    assertThat(PropertyCatalog.builtInIds())
        .containsExactly("exactly-once-completion", "no-use-after-close", "no-leak",
            "status-discipline", "call-ordering", "deadlock");
    assertThat(PropertyCatalog.resolve("no-leak", List.of())).isEqualTo(NoLeakProperty.class.getName());
    assertThat(PropertyCatalog.resolve(
            "dev.condis.model.property.examples.VcDeletedOrReusedProperty", List.of()))
        .isEqualTo("dev.condis.model.property.examples.VcDeletedOrReusedProperty");
    PropertyCatalog.Factory f = PropertyCatalog.prepare(PropertyCatalog.defaultPropertyClasses(), List.of());
    assertThat(f.newInstances()).isNotSameAs(f.newInstances());
    assertThat(f.ids()).hasSize(6);
  }
}
