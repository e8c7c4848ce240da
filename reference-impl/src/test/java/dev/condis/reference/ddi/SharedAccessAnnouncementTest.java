package dev.condis.reference.ddi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.event.EventBus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.ScriptedPlatform;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping shared across locks (a context's released flag, the tracker's table and the
 * event stream) announces each access to the platform before making it, so a model checker can
 * order a driver's release under its own lock against NDIS's touch under the NDIS lock
 * (Platform#sharedAccess; the explorer-side test is model's SharedAccessTest).
 */
class SharedAccessAnnouncementTest {
  private final List<String> log = new ArrayList<>();
  private EventBus bus;
  private ContextTracker tracker;

  @BeforeEach
  void recordingPlatform() {
    ScriptedPlatform delegate = new ScriptedPlatform();
    Platform p = (Platform) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {Platform.class},
        (proxy, method, args) -> {
          if (method.getName().equals("sharedAccess")) {
            log.add("announce " + args[0]);
            return null;
          }
          if (method.getName().equals("sharedRead")) {
            log.add("read " + args[0]);
            return null;
          }
          return method.invoke(delegate, args);
        });
    bus = new EventBus(p);
    bus.addListener(e -> log.add("event " + e.getClass().getSimpleName()));
    tracker = ContextTracker.create(bus);
  }

  @Test
  void aReleaseAnnouncesTheFlagThenTheStream() {
    CloseData c = tracker.allocate(new CloseData("client.closeCall"));
    log.clear();

    tracker.release(c, "CLOSE-4", "test");

    assertThat(log).containsExactly("announce context#1", "announce ndis.events", "event ContextReleased");
  }

  @Test
  void aTouchAnnouncesAReadOfTheFlagAndATouchAfterReleaseTheStreamBeforeItsViolation() {
    CloseData c = tracker.allocate(new CloseData("client.closeCall"));
    log.clear();
    c.touch("CLOSE-3", "live");
    assertThat(log).containsExactly("read context#1"); // a read: two touches may commute
    tracker.release(c, "CLOSE-4", "test");
    log.clear();

    c.touch("CLOSE-3", "after release");

    assertThat(log).containsExactly("read context#1", "announce ndis.events", "event RuleViolation");
  }

  @Test
  void anAllocationAndAnEmissionAnnounceTheStreamFirst() {
    tracker.allocate(new CloseData("client.closeCall"));
    bus.emit(s -> new NdisEvent.Note(s, Actor.NDIS, "hello"));

    assertThat(log).containsExactly(
        "announce ndis.events", "event ContextAllocated", "announce ndis.events", "event Note");
  }

  @Test
  void aSecondReleaseReadsTheFlagAndReportsWithoutForgettingTwice() {
    CloseData c = tracker.allocate(new CloseData("client.closeCall"));
    tracker.release(c, "CLOSE-4", "first");
    log.clear();

    assertThat(tracker.release(c, "CLOSE-4", "second")).isFalse();
    assertThat(log).containsExactly("announce context#1", "announce ndis.events", "event RuleViolation");
  }

  @Test
  void releaseAndTouchTakeOnlyRuleIdsOfTheCatalog() {
    CloseData c = tracker.allocate(new CloseData("client.closeCall"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.touch("MY-RULE-1", "driver"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown rule ID 'MY-RULE-1': release() and touch() take a rule ID of RULES.md (e.g. VC-11) or an"
            + " open question OQ-1 to OQ-25");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tracker.release(c, "OQ-26", "driver"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(c.touch("VC-11", "driver")).isTrue();
    assertThat(tracker.release(c, "OQ-18", "driver")).isTrue();
  }

  private ContextTracker.Holds holds;

  /** NDIS's capability, taken once per tracker as NDIS does. */
  private ContextTracker.Holds holds() {
    if (holds == null) {
      holds = tracker.holds();
    }
    return holds;
  }

  @Test
  void theHoldsAreHandedOutOnceSoADriverCannotLetGoOfWhatNdisHolds() {
    holds();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tracker.holds())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the context holds belong to NDIS and were taken already");
  }

  @Test
  void aReleaseWhileNdisHoldsTheContextIsTheHoldsViolationAtTheReleaseItself() {
    CloseData c = tracker.allocate(new CloseData("cm.closeCall"));
    holds().hold(c, "DROP-7", "while NDIS still holds it");
    log.clear();

    assertThat(tracker.release(c, "DROP-6", "cm.early")).isTrue(); // released all the same

    // The hold is read under the flag's own announcement, before the violation is emitted.
    assertThat(log).containsExactly("announce context#1", "announce ndis.events", "event RuleViolation",
        "announce ndis.events", "event ContextReleased");
  }

  @Test
  void aReleaseAfterNdisLetGoIsClean() {
    CloseData c = tracker.allocate(new CloseData("cm.closeCall"));
    holds().hold(c, "DROP-7", "until ProtocolCmDropParty");
    List<NdisEvent> events = new ArrayList<>();
    bus.addListener(events::add);
    log.clear();

    holds().letGo(c, "DROP-7");
    tracker.release(c, "DROP-6", "cm.ProtocolCmDropParty");

    assertThat(log.get(0)).isEqualTo("announce context#1");
    assertThat(events).noneMatch(e -> e instanceof NdisEvent.RuleViolation);
  }

  @Test
  void theViolationNamesTheHoldsRuleWithItsCatalogCategory() {
    CloseData c = tracker.allocate(new CloseData("client.vc"));
    holds().hold(c, "VC-11", "while NDIS still holds it to hand back (the creator's per-VC context of vc#1,"
        + " until its delete returns)");
    List<NdisEvent> events = new ArrayList<>();
    bus.addListener(events::add);

    tracker.release(c, "VC-11", "client.deleteVc");

    assertThat(events).filteredOn(e -> e instanceof NdisEvent.RuleViolation)
        .singleElement()
        .satisfies(e -> {
          NdisEvent.RuleViolation v = (NdisEvent.RuleViolation) e;
          assertThat(v.ruleId()).isEqualTo("VC-11");
          assertThat(v.category()).isEqualTo(dev.condis.reference.rules.RuleCategory.USE_AFTER_CLOSE);
          assertThat(v.message()).isEqualTo("client.deleteVc: releases CloseData#1(client.vc) while NDIS still"
              + " holds it to hand back (the creator's per-VC context of vc#1, until its delete returns)");
        });
  }

  @Test
  void aLetGoEndsOnlyItsOwnRulesHold() {
    CloseData c = tracker.allocate(new CloseData("cm.party"));
    holds().hold(c, "CLOSE-5", "after NdisCmDeactivateVc on vc#1");
    holds().letGo(c, "DROP-7"); // the party ends: NDIS hands it back no more, the order still matters
    List<NdisEvent> events = new ArrayList<>();
    bus.addListener(events::add);

    tracker.release(c, "CLOSE-4", "cm.late");

    assertThat(events).filteredOn(e -> e instanceof NdisEvent.RuleViolation)
        .extracting(e -> ((NdisEvent.RuleViolation) e).ruleId() + ": " + ((NdisEvent.RuleViolation) e).message())
        .containsExactly("CLOSE-5: cm.late: releases CloseData#1(cm.party) after NdisCmDeactivateVc on vc#1");
  }

  @Test
  void aContextAlreadyReleasedIsNotHeldAgain() {
    CloseData c = tracker.allocate(new CloseData("cm.party"));
    tracker.release(c, "DROP-6", "cm.ProtocolCmDropParty");
    holds().hold(c, "DROP-7", "drop failed: attached again");
    List<NdisEvent> events = new ArrayList<>();
    bus.addListener(events::add);

    tracker.release(c, "DROP-6", "again");

    assertThat(events).filteredOn(e -> e instanceof NdisEvent.RuleViolation)
        .extracting(e -> ((NdisEvent.RuleViolation) e).message())
        .containsExactly("again: releases CloseData#1(cm.party) a second time");
  }
}
