package dev.condis.reference.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.condis.reference.ddi.ContextKind;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.rules.RuleCatalog;
import dev.condis.reference.rules.RuleCategory;
import dev.condis.reference.scenario.ReferenceRun;
import dev.condis.reference.system.CallManagerKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeded-fault catalog: its shape, and for every entry a deterministic scripted run that
 * switches it on and shows the violation it causes — a RuleViolation with the entry's rule ID
 * and category, or for a leak or a missing completion the final snapshot — while the same run
 * without the fault is clean.
 */
class SeededFaultTest {

  /** Which categories each property id owns (model/ property catalog). */
  private static final Map<String, RuleCategory> PROPERTY_CATEGORY =
      ImmutableMap.of(
          "exactly-once-completion", RuleCategory.DOUBLE_COMPLETE,
          "no-use-after-close", RuleCategory.USE_AFTER_CLOSE,
          "no-leak", RuleCategory.LEAK,
          "status-discipline", RuleCategory.STATUS,
          "call-ordering", RuleCategory.ORDERING,
          "deadlock", RuleCategory.IRQL);

  /** How a fault shows up in a run. */
  private sealed interface Shows {}

  /** A RuleViolation with the entry's rule ID and category. */
  private record Violation() implements Shows {}

  /** Contexts of these kinds (with these tags) still live at the end; VCs undeleted if asked. */
  private record Leak(ContextKind kind, String tag, boolean vcUndeleted) implements Shows {}

  /** A request of this kind still outstanding at the end: a missing completion. */
  private record Outstanding(RequestKind kind) implements Shows {}

  /** The single-threaded platform stops the run: a self-deadlock (lock re-acquired). */
  private record SelfDeadlock() implements Shows {}

  private record Case(
      SeededFault fault,
      CallManagerKind kind,
      Object[] choices,
      Consumer<ReferenceRun> scenario,
      Shows shows) {
    @Override
    public String toString() {
      return fault + " (" + kind + ")";
    }
  }

  private static Case c(SeededFault f, CallManagerKind k, Object[] choices, Consumer<ReferenceRun> s, Shows shows) {
    return new Case(f, k, choices, s, shows);
  }

  private static Object[] ch(Object... labelsAndValues) {
    return labelsAndValues;
  }

  private static final CallManagerKind CM = CallManagerKind.STANDALONE;
  private static final CallManagerKind MCM = CallManagerKind.MCM;

  private static void makeAndClose(ReferenceRun run) {
    run.client().makeCall(0);
    run.client().closeCall();
  }

  private static void makeMultipointAndClose(ReferenceRun run) {
    run.client().makeCall(2);
    run.client().closeCall();
  }

  /** One case per catalog entry; the Javadoc of each constant names the same scenario. */
  static List<Case> cases() {
    return List.of(
        // DOUBLE_COMPLETE
        c(SeededFault.MCM_DOUBLE_CLOSE_COMPLETE, MCM, ch("closeCall.pend", 1),
            SeededFaultTest::makeAndClose, new Violation()),
        c(SeededFault.CM_COMPLETES_INLINE_MAKE_CALL, CM, ch(),
            run -> run.client().makeCall(0), new Violation()),
        c(SeededFault.CLIENT_ANSWERS_INCOMING_CALL_TWICE, CM, ch("client.incomingCall.answer", 1),
            run -> run.callManager().offerIncomingCall(), new Violation()),
        c(SeededFault.CLIENT_CLOSES_CALL_TWICE, MCM, ch("closeCall.pend", 1),
            run -> {
              makeAndClose(run);
              run.client().closeCall();
            },
            new Violation()),
        c(SeededFault.CM_NEVER_COMPLETES_FAILED_MAKE_CALL, CM, ch("makeCall.pend", 1, "makeCall.status", 1),
            run -> run.client().makeCall(0), new Outstanding(RequestKind.MAKE_CALL)),
        // USE_AFTER_CLOSE
        c(SeededFault.CLIENT_SENDS_BEFORE_MAKE_CALL_COMPLETES, CM, ch("makeCall.pend", 1),
            run -> {
              run.client().makeCall(0);
              run.client().sendData();
            },
            new Violation()),
        c(SeededFault.CLIENT_USES_VC_AFTER_CLOSE, CM, ch(),
            run -> {
              run.callManager().offerIncomingCall();
              run.client().closeCall();
            },
            new Violation()),
        c(SeededFault.CM_TOUCHES_VC_AFTER_CLOSE, CM, ch("closeCall.pend", 1),
            SeededFaultTest::makeAndClose, new Violation()),
        c(SeededFault.CLIENT_USES_PARTY_AFTER_DROP, MCM, ch(),
            run -> {
              run.client().makeCall(2);
              run.client().dropParty();
            },
            new Violation()),
        c(SeededFault.CLIENT_FREES_PARTY_BEFORE_CLOSE_COMPLETES, CM, ch("closeCall.pend", 1),
            run -> {
              run.client().makeCall(1);
              run.client().closeCall();
            },
            new Violation()),
        c(SeededFault.CLIENT_FREES_PARTY_ON_PARAMETER_REJECTION, CM,
            ch("makeCall.pend", 1, "makeCall.changeParameters", 1, "client.makeCall.changedParameters", 1,
                "closeCall.pend", 1),
            run -> {
              run.client().makeCall(1);
              run.settle(); // the pended make-call completes; the client rejects and closes
            },
            new Violation()),
        c(SeededFault.CM_READS_PARTY_AFTER_FREE, MCM, ch(),
            run -> {
              run.client().makeCall(1);
              run.client().closeCall();
            },
            new Violation()),
        c(SeededFault.CLIENT_FREES_VC_BEFORE_DELETE, CM, ch(),
            SeededFaultTest::makeAndClose, new Violation()),
        c(SeededFault.CM_FREES_PARTY_BEFORE_DROP_COMPLETES, MCM, ch("dropParty.pend", 1),
            run -> {
              run.client().makeCall(2);
              run.client().dropParty();
            },
            new Violation()),
        // LEAK
        c(SeededFault.CLIENT_LEAKS_PARTY_ON_MAKE_FAILURE, CM, ch("makeCall.status", 1),
            run -> run.client().makeCall(1),
            new Leak(ContextKind.PROTOCOL_PARTY_CONTEXT, "client.party", false)),
        c(SeededFault.CLIENT_KEEPS_VC_CONTEXT_AFTER_FAILED_CREATE, CM, ch("createVc.status", 1),
            run -> run.client().makeCall(0),
            new Leak(ContextKind.PROTOCOL_VC_CONTEXT, "client.vc", false)),
        c(SeededFault.CM_LEAKS_PARTY_ON_CLOSE, MCM, ch(),
            SeededFaultTest::makeMultipointAndClose,
            new Leak(ContextKind.CALL_MGR_PARTY_CONTEXT, "mcm.party", false)),
        // Obligations a handler leaves undone: NDIS reports them when the scenario ends
        // quiescent, before the shutdown() that would clean up after them.
        c(SeededFault.CLIENT_KEEPS_VC_AFTER_FAILED_MAKE_CALL, CM, ch("makeCall.status", 1),
            run -> run.client().makeCall(0), new Violation()),
        c(SeededFault.CM_KEEPS_VC_AFTER_CLOSE, MCM, ch("closeCall.pend", 1),
            run -> {
              run.callManager().offerIncomingCall();
              run.client().closeCall();
            },
            new Violation()),
        c(SeededFault.CLIENT_IGNORES_INCOMING_CLOSE, CM, ch("makeCall.pend", 1),
            run -> {
              run.client().makeCall(0);
              run.settle();
              run.callManager().remoteClose();
            },
            new Violation()),
        c(SeededFault.CLIENT_NEVER_DELETES_VC, CM, ch(),
            SeededFaultTest::makeAndClose,
            new Leak(ContextKind.PROTOCOL_VC_CONTEXT, "client.vc", true)),
        c(SeededFault.CLIENT_LEAKS_ADD_PARTY_PARAMETERS, CM, ch("addParty.status", 1),
            SeededFaultTest::makeMultipointAndClose,
            new Leak(ContextKind.CALL_PARAMETERS, "client.addParty", false)),
        // ORDERING
        c(SeededFault.CLIENT_CLOSES_WITH_PARTIES_ATTACHED, CM, ch(),
            SeededFaultTest::makeMultipointAndClose, new Violation()),
        c(SeededFault.CLIENT_DELETES_VC_BEFORE_CLOSE_COMPLETES, MCM, ch("closeCall.pend", 1),
            SeededFaultTest::makeAndClose, new Violation()),
        // STATUS
        c(SeededFault.CM_COMPLETES_WITH_PENDING, CM, ch("makeCall.pend", 1),
            run -> run.client().makeCall(0), new Violation()),
        c(SeededFault.CM_CREATE_VC_PENDING, MCM, ch(),
            run -> run.client().makeCall(0), new Violation()),
        // deadlock
        c(SeededFault.CLIENT_HOLDS_LOCK_ACROSS_CLOSE, CM, ch("closeCall.pend", 2),
            SeededFaultTest::makeAndClose, new SelfDeadlock()));
  }

  static Stream<Arguments> caseArguments() {
    return cases().stream().map(Arguments::of);
  }

  @Test
  void catalogHasAtLeastTwelveEntriesCoveringEveryCategoryAndProperty() {
    SeededFault[] all = SeededFault.values();
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    EnumSet<RuleCategory> categories = EnumSet.noneOf(RuleCategory.class);
    Arrays.stream(all).forEach(f -> categories.add(f.category()));
    assertThat(categories).contains(
        RuleCategory.DOUBLE_COMPLETE, RuleCategory.USE_AFTER_CLOSE, RuleCategory.LEAK,
        RuleCategory.ORDERING, RuleCategory.STATUS);
    assertThat(Arrays.stream(all).map(SeededFault::property)).containsAll(PROPERTY_CATEGORY.keySet());
  }

  @Test
  void everyEntryNamesADigestRuleAndThePropertyOwningItsCategory() {
    for (SeededFault f : SeededFault.values()) {
      assertThat(RuleCatalog.isKnown(f.ruleId())).as(f + " rule").isTrue();
      // The entry's category is the rule's, except that touching a released context is a
      // USE_AFTER_CLOSE whatever rule governs the access (OQ-6 for CLOSE-13).
      assertThat(f.category())
          .as(f + " category")
          .isIn(RuleCatalog.find(f.ruleId()).orElseThrow().category(), RuleCategory.USE_AFTER_CLOSE);
      assertThat(PROPERTY_CATEGORY.get(f.property())).as(f + " property").isEqualTo(f.category());
      assertThat(f.description()).isNotBlank();
      assertThat(f.cliName()).matches("[a-z]+(-[a-z]+)*");
    }
  }

  @Test
  void everyEntryHasADeterministicTest() {
    assertThat(cases().stream().map(Case::fault)).containsExactlyInAnyOrder(SeededFault.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseArguments")
  void theSameRunIsCleanWithoutTheFault(Case c) {
    ReferenceRun run = ReferenceRun.start(c.kind(), c.choices());
    c.scenario().accept(run);
    run.settle();
    run.finishClean();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseArguments")
  void switchedOnTheFaultShowsAsItsCatalogEntrySays(Case c) {
    ReferenceRun run = ReferenceRun.withFault(c.kind(), c.fault(), c.choices());
    SeededFault f = c.fault();
    if (c.shows() instanceof SelfDeadlock) {
      // IRQL-4, GEN-9: the nested completion waits for the lock its own thread holds.
      assertThatThrownBy(() -> c.scenario().accept(run))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("client")
          .hasMessageContaining("not reentrant");
      return;
    }
    c.scenario().accept(run);
    run.settle();
    NdisSnapshot end = run.finish();
    if (c.shows() instanceof Leak leak) {
      assertThat(end.liveContexts())
          .extracting(ContextRef::kind, ContextRef::tag)
          .contains(org.assertj.core.groups.Tuple.tuple(leak.kind(), leak.tag()));
      if (leak.vcUndeleted()) {
        assertThat(end.undeletedVcs()).isNotEmpty(); // VC-16
      }
      assertThat(f.category()).isEqualTo(RuleCategory.LEAK);
    } else if (c.shows() instanceof Outstanding missing) {
      assertThat(end.outstandingRequests()).extracting(RequestToken::kind).contains(missing.kind());
      assertThat(f.property()).isEqualTo("exactly-once-completion");
    } else {
      assertThat(run.violations())
          .as("a %s violation of %s", f.category(), f.ruleId())
          .anySatisfy(e -> {
            assertThat(e.ruleId()).isEqualTo(f.ruleId());
            assertThat(e.category()).isEqualTo(f.category());
          });
    }
    assertThat(end.isClean() && run.violations().isEmpty()).as("the fault left a trace").isFalse();
  }

  @Test
  void faultsAreOffByDefault() {
    assertThat(FaultSet.none().isEmpty()).isTrue();
    ReferenceRun run = ReferenceRun.start(CM, "closeCall.pend", 1);
    makeAndClose(run);
    run.settle();
    run.finishClean();
    assertThat(run.of(NdisEvent.RuleViolation.class)).isEmpty();
  }
}
