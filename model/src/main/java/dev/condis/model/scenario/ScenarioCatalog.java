package dev.condis.model.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.condis.reference.system.CallManagerKind;
import java.util.Map;
import java.util.Optional;

/**
 * The named scenarios. Each runs under every engine with every pend/inline and status choice
 * the drivers make through {@code platform.choose} explored, and every interleaving of the
 * threads it starts and the deferred completions they set off. Every scenario ends with
 * {@code CoNdisSystem.finish()} (client and call-manager shutdown, all deferred work run), so
 * a correct reference ends clean: nothing outstanding, nothing leaked.
 */
public final class ScenarioCatalog {

  public static final String MAKE_CLOSE = "make-close";
  public static final String MAKE_CALL_FAILURE = "make-call-failure";
  public static final String MULTIPOINT = "multipoint";
  public static final String INCOMING_CLOSE_RACE = "incoming-close-race";
  public static final String INCOMING_CLOSE = "incoming-close";
  public static final String INCOMING_DROP_RACE = "incoming-drop-race";
  public static final String DROP_CLOSE_RACE = "drop-close-race";
  public static final String TWO_CALLS = "two-calls";
  public static final String CM_VC_REUSE = "cm-vc-reuse";
  public static final String EARLY_COMPLETION = "early-completion";
  public static final String DOUBLE_CLOSE = "double-close";
  public static final String CLOSE_FAILURE = "close-failure";
  public static final String CHANGED_PARAMETERS = "changed-parameters";
  public static final String OFFER_AGAIN = "offer-again";
  public static final String COMBINED = "combined";
  public static final String COMBINED_UNCUT = "combined-uncut";

  private static final ImmutableSet<VcOwner> BOTH = ImmutableSet.of(VcOwner.CLIENT, VcOwner.CALL_MANAGER);
  private static final ImmutableSet<VcOwner> CLIENT_ONLY = ImmutableSet.of(VcOwner.CLIENT);
  private static final ImmutableSet<VcOwner> CM_ONLY = ImmutableSet.of(VcOwner.CALL_MANAGER);

  /**
   * Under the stand-alone call manager, the CoNDIS miniport beneath it completes activation and
   * deactivation in-line in every scenario but {@code make-close}, which explores its pended
   * completions too (see {@link ScenarioDefinition#standaloneConstraints()}).
   */
  private static final ChoiceConstraints MINIPORT_INLINE =
      ChoiceConstraints.of(
          Map.of("miniport.activateVc.pend", new int[] {0}, "miniport.deactivateVc.pend", new int[] {0}));

  private static final ImmutableMap<String, ScenarioDefinition> SCENARIOS = build();

  private ScenarioCatalog() {}

  private static ImmutableMap<String, ScenarioDefinition> build() {
    ImmutableList<ScenarioDefinition> all =
        ImmutableList.of(
            new ScenarioDefinition(
                MAKE_CLOSE,
                "Outgoing point-to-point call (NdisCoCreateVc, NdisClMakeCall), then the client "
                    + "closes it (NdisClCloseCall) and deletes its VC; the close may be issued "
                    + "while the make-call is still pending. With --vc cm: an incoming call the "
                    + "client accepts, then closes.",
                "GEN-1, GEN-2, MAKE-2, MAKE-13, CLOSE-8, CLOSE-12, CLOSE-15, VC-5, VC-7",
                0, 0, 3, VcOwner.CLIENT, BOTH, ChoiceConstraints.NONE,
                ChoiceConstraints.NONE,
                ctx -> {
                  ctx.establishCall();
                  ctx.settle();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                MAKE_CALL_FAILURE,
                "Outgoing call whose make-call fails (the call manager's status choice is "
                    + "narrowed to the failure; pended or inline, activation pended or not, are "
                    + "all explored): the client releases its party context and parameters and "
                    + "deletes the VC from inside ProtocolClMakeCallComplete, so ProtocolCoDeleteVc "
                    + "runs nested in the call manager's own completion call. Or the call manager "
                    + "refuses the client's VC (ProtocolCoCreateVc fails): both sides free their VC "
                    + "context, and there is no call.",
                "MAKE-6, MAKE-8, MAKE-9, MAKE-10, MAKE-12, MAKE-14, GEN-9, VC-2, VC-3, VC-10",
                0, 0, 2, VcOwner.CLIENT, CLIENT_ONLY,
                // The make-call fails because the call manager refuses it, or because the
                // miniport refused the activation (VC-13, stand-alone only); or there is no
                // call, because the call manager refused the VC (VC-2, VC-3).
                ChoiceConstraints.of(Map.of("makeCall.status", new int[] {1}, "activateVc.status", new int[] {0, 1},
                    "createVc.status", new int[] {0, 1})),
                MINIPORT_INLINE,
                ctx -> ctx.client().makeCall(ctx.parties())),
            new ScenarioDefinition(
                MULTIPOINT,
                "Multipoint call: make the call with its first party, add the others "
                    + "(NdisClAddParty), drop all but one (NdisClDropParty), close the last "
                    + "with NdisClCloseCall.",
                "ADD-1..ADD-9, DROP-1..DROP-10, CLOSE-1, CLOSE-2, CLOSE-13",
                2, 2, 6, VcOwner.CLIENT, CLIENT_ONLY, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.client().makeCall(ctx.parties());
                  ctx.settle();
                  for (int i = 1; i < ctx.parties(); i++) {
                    ctx.client().dropParty();
                  }
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                INCOMING_CLOSE_RACE,
                "An established call; the network hangs up (incoming close) on one thread while "
                    + "the client closes the call on another (OQ-1).",
                "CLOSE-17, ICLOSE-3, ICLOSE-5, ICLOSE-6, ICLOSE-10, GEN-9",
                0, 0, 2, VcOwner.CLIENT, BOTH, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.establishCall();
                  ctx.settle();
                  ctx.race("network", ctx.callManager()::remoteClose, ctx.client()::closeCall);
                }),
            new ScenarioDefinition(
                INCOMING_CLOSE,
                "The network hangs up and the client has only to answer: the incoming close "
                    + "races the call's set-up, and once that settles the network hangs up the "
                    + "call if it has not already. The client must acknowledge it with "
                    + "NdisClCloseCall (ICLOSE-4) and stop sending (ICLOSE-2); it never closes "
                    + "on its own. The network's close status is SUCCESS or a failure, after "
                    + "which the client must delete its own VC, not reuse it (ICLOSE-7).",
                "ICLOSE-2, ICLOSE-3, ICLOSE-4, ICLOSE-5, ICLOSE-6, ICLOSE-7, ICLOSE-9, OQ-13",
                0, 0, 1, VcOwner.CLIENT, BOTH, ChoiceConstraints.of(Map.of("incomingClose.status", new int[] {0, 1})),
                MINIPORT_INLINE,
                ctx -> {
                  ctx.race("network", ctx.callManager()::remoteClose, ctx::establishCall);
                  ctx.settle();
                  ctx.callManager().remoteClose();
                }),
            new ScenarioDefinition(
                INCOMING_DROP_RACE,
                "An established multipoint call; a leaf leaves (incoming drop party) on one "
                    + "thread while the client drops a party on another (OQ-5, OQ-7, OQ-14: at "
                    + "most one drop per party, the acknowledging drop, the last party kept); "
                    + "once that settles the client closes the call (dropping down to one party "
                    + "first, CLOSE-1, DROP-10). The close itself does not race the incoming "
                    + "drop here (drop-close-race is the uncut race).",
                "DROP-3, DROP-10, DROP-11, IDROP-1..IDROP-5, CLOSE-1",
                2, 2, 6, VcOwner.CLIENT, CLIENT_ONLY, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.client().makeCall(ctx.parties());
                  ctx.settle();
                  ctx.race("network", ctx.callManager()::remoteDropParty, ctx.client()::dropParty);
                  ctx.settle();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                TWO_CALLS,
                "Two calls live at once on two VCs of the same client and call manager: a first "
                    + "call is set up; then, with no barrier, the client closes it and sets up a "
                    + "second (an outgoing call on a new VC of its own, multipoint with its adds "
                    + "for --parties 1..2, or an incoming call on a new VC of the call manager's), "
                    + "while the network hangs up whichever call it sees connected first. Each "
                    + "VC's requests, handles and contexts must stay its own. Too large to finish "
                    + "(README, Scaling): run by name, for bug finding within a budget, best by "
                    + "random walks (--random-walk SEED).",
                "GEN-2, VC-5, VC-7, MAKE-13, CLOSE-3, CLOSE-11, CLOSE-17, ICLOSE-2, ICLOSE-4, ICLOSE-10, OQ-1",
                0, 0, 2, VcOwner.CLIENT, BOTH, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.establishCall();
                  ctx.settle();
                  ctx.race(
                      "network",
                      ctx.callManager()::remoteClose,
                      () -> {
                        ctx.client().closeCall(); // the first call: the only one open yet
                        ctx.establishCall();
                      });
                }),
            new ScenarioDefinition(
                DROP_CLOSE_RACE,
                "incoming-drop-race uncut: an established multipoint call; on one thread the "
                    + "network drops leaves (one per two parties) and then hangs up the call, on "
                    + "another the client drops a party and then closes the call (dropping down "
                    + "to one party first), with no barrier between them: the client's drops "
                    + "and its close race the incoming drops and the incoming close (OQ-1, OQ-5, "
                    + "OQ-7, OQ-14).",
                "DROP-3, DROP-10, DROP-11, IDROP-1..IDROP-5, ICLOSE-3, ICLOSE-10, CLOSE-1, CLOSE-17",
                2, 2, 6, VcOwner.CLIENT, CLIENT_ONLY, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.client().makeCall(ctx.parties());
                  ctx.settle();
                  ctx.race(
                      "network",
                      () -> {
                        for (int i = 0; i < Math.max(1, ctx.parties() / 2); i++) {
                          ctx.callManager().remoteDropParty();
                        }
                        ctx.callManager().remoteClose();
                      },
                      () -> {
                        ctx.client().dropParty();
                        ctx.client().closeCall();
                      });
                }),
            new ScenarioDefinition(
                CM_VC_REUSE,
                "Incoming call on a VC the call manager creates; the client closes it; then a "
                    + "second incoming call, on the same VC if the call manager reuses it or on "
                    + "a new one if it deleted it; the client closes that too.",
                "CLOSE-10, CLOSE-11, CLOSE-12, VC-11, VC-16, VC-17, INCALL-1..INCALL-9",
                0, 0, 0, VcOwner.CALL_MANAGER, CM_ONLY, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.callManager().offerIncomingCall();
                  ctx.settle();
                  ctx.client().closeCall();
                  ctx.settle();
                  ctx.callManager().offerIncomingCall();
                  ctx.settle();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                OFFER_AGAIN,
                "An incoming call on a VC the call manager creates; if the client rejects it, "
                    + "the call manager deactivates the VC and offers a new call on it "
                    + "(incomingCall.offerAgain, INCALL-7, VC-17) or deletes it; the client "
                    + "closes whatever call it accepted.",
                "INCALL-7, INCALL-8, VC-17, VC-13, CLOSE-10, CLOSE-11",
                0, 0, 0, VcOwner.CALL_MANAGER, CM_ONLY,
                ChoiceConstraints.of(Map.of("incomingCall.offerAgain", new int[] {0, 1})),
                MINIPORT_INLINE,
                ctx -> {
                  ctx.callManager().offerIncomingCall();
                  ctx.settle();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                EARLY_COMPLETION,
                "Completions that overtake the PENDING return (GEN-8): every request the call "
                    + "manager, the miniport and the client may pend is pended (those choices "
                    + "are narrowed to their pending values, including the call manager "
                    + "completing a close from inside ProtocolCmCloseCall before returning "
                    + "PENDING), so each completion runs on a deferred thread that races the "
                    + "return of the request it completes; a call is set up and closed.",
                "GEN-8, GEN-9, GEN-1, GEN-2, GEN-6, CLOSE-15, MAKE-12",
                0, 0, 1, VcOwner.CLIENT, BOTH,
                ChoiceConstraints.of(
                    Map.of(
                        "makeCall.pend", new int[] {1},
                        "closeCall.pend", new int[] {1, 2},
                        "addParty.pend", new int[] {1},
                        "dropParty.pend", new int[] {1},
                        "activateVc.pend", new int[] {1},
                        "deactivateVc.pend", new int[] {1},
                        "incomingCall.answer", new int[] {1})),
                MINIPORT_INLINE,
                ctx -> {
                  ctx.establishCall();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                CLOSE_FAILURE,
                "A call is set up and the application sends data at once, while the make-call "
                    + "or the offer may still be outstanding (the client sends only on a call that "
                    + "is up: MAKE-7, INCALL-6); then the client closes it; the call manager pends "
                    + "the close and completes it with a failure once: the call stays up exactly as "
                    + "it was, nothing torn down or freed (CLOSE-18), and the client closes it again.",
                "CLOSE-18, CLOSE-2, CLOSE-4, CLOSE-5, CLOSE-13, MAKE-7, INCALL-6",
                0, 0, 1, VcOwner.CLIENT, BOTH,
                ChoiceConstraints.of(Map.of("closeCall.pend", new int[] {1, 2}, "closeCall.fail", new int[] {1})),
                MINIPORT_INLINE,
                ctx -> {
                  ctx.establishCall();
                  ctx.client().sendData();
                  ctx.settle();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                CHANGED_PARAMETERS,
                "An outgoing call whose make-call the call manager pends and completes with "
                    + "other parameters than asked (CALL_PARAMETERS_CHANGED). The client accepts "
                    + "them, or rejects them by closing from inside ProtocolClMakeCallComplete and "
                    + "leaves every release to ProtocolClCloseCallComplete (MAKE-11); an accepted "
                    + "call is closed once set up.",
                "MAKE-11, MAKE-2, CLOSE-13, MAKE-13",
                1, 0, 1, VcOwner.CLIENT, CLIENT_ONLY,
                ChoiceConstraints.of(Map.of("makeCall.changeParameters", new int[] {1}, "makeCall.pend", new int[] {1},
                    "makeCall.status", new int[] {0})),
                MINIPORT_INLINE,
                ctx -> {
                  ctx.client().makeCall(ctx.parties());
                  ctx.settle();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                DOUBLE_CLOSE,
                "The application asks the client to close the same call twice, the second "
                    + "time while the first close may still be outstanding: the client must not "
                    + "issue a second NdisClCloseCall (CLOSE-17, OQ-1).",
                "CLOSE-17, GEN-1, GEN-2",
                0, 0, 2, VcOwner.CLIENT, BOTH, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.establishCall();
                  ctx.settle();
                  ctx.client().closeCall();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                COMBINED,
                "The others in one run at small bounds, phase after phase (each settles before "
                    + "the next): an outgoing call (point-to-point, or multipoint with "
                    + "--parties); the network hangs up while the client closes it; an incoming "
                    + "call on a VC the call manager creates; the application closes it twice.",
                "all",
                0, 0, 2, VcOwner.CLIENT, CLIENT_ONLY, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> {
                  ctx.client().makeCall(ctx.parties());
                  ctx.settle();
                  ctx.race("network", ctx.callManager()::remoteClose, ctx.client()::closeCall);
                  ctx.settle();
                  ctx.callManager().offerIncomingCall();
                  ctx.settle();
                  ctx.client().closeCall();
                  ctx.client().closeCall();
                }),
            new ScenarioDefinition(
                COMBINED_UNCUT,
                "combined without phases: no barrier anywhere. On one thread the network hangs "
                    + "up the first call it sees connected, then offers a call on a VC of the call "
                    + "manager's; on another the client makes its call (multipoint with "
                    + "--parties), then asks three times to close a call (each time the first "
                    + "open one not yet closing: its own, the offered one once it is up, and once "
                    + "more). So the make-call, the hang-up, the offer and the closes race, and two "
                    + "calls can be live at once. Too large to finish (README, Scaling): run by "
                    + "name, for bug finding within a budget, best by random walks (--random-walk SEED).",
                "all",
                0, 0, 2, VcOwner.CLIENT, CLIENT_ONLY, ChoiceConstraints.NONE,
                MINIPORT_INLINE,
                ctx -> ctx.race(
                    "network",
                    () -> {
                      ctx.callManager().remoteClose();
                      ctx.callManager().offerIncomingCall();
                    },
                    () -> {
                      ctx.client().makeCall(ctx.parties());
                      ctx.client().closeCall();
                      ctx.client().closeCall();
                      ctx.client().closeCall();
                    })));
    ImmutableMap.Builder<String, ScenarioDefinition> map = ImmutableMap.builder();
    for (ScenarioDefinition d : all) {
      map.put(d.name(), d);
    }
    return map.buildOrThrow();
  }

  /**
   * The data choices {@code config}'s scenario relies on (its premises, {@link Premises}): the
   * narrowed choices that make it about its subject. A search in which the drivers never offer
   * one of them has not exercised the scenario.
   */
  public static ImmutableList<String> premises(ScenarioConfig config) {
    if (config.scenario().equals(MAKE_CALL_FAILURE)) {
      return ImmutableList.of("makeCall.status"); // the call manager can fail the make-call
    }
    if (config.scenario().equals(CLOSE_FAILURE)) {
      return ImmutableList.of("closeCall.fail"); // the call manager can fail a pended close
    }
    if (config.scenario().equals(OFFER_AGAIN)) {
      return ImmutableList.of("incomingCall.offerAgain"); // the call manager can offer again
    }
    if (config.scenario().equals(CHANGED_PARAMETERS)) {
      return ImmutableList.of("makeCall.changeParameters"); // the call manager can rewrite them
    }
    if (config.scenario().equals(EARLY_COMPLETION)) {
      // Completions that overtake the PENDING return: the set-up and the close can pend.
      return config.vcOwner() == VcOwner.CLIENT
          ? ImmutableList.of("makeCall.pend", "closeCall.pend")
          : ImmutableList.of("incomingCall.answer", "closeCall.pend");
    }
    return ImmutableList.of();
  }

  /** Every scenario, in catalog order. */
  public static ImmutableList<ScenarioDefinition> all() {
    return SCENARIOS.values().asList();
  }

  public static Optional<ScenarioDefinition> find(String name) {
    return Optional.ofNullable(SCENARIOS.get(name));
  }

  /** The scenario called {@code name}; an unknown name throws with the list of known ones. */
  public static ScenarioDefinition get(String name) {
    ScenarioDefinition d = SCENARIOS.get(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown scenario '" + name + "'; known: " + String.join(", ", SCENARIOS.keySet()));
    }
    return d;
  }

  /** The suites {@code verify --suite} runs: the fast default one and the larger nightly one. */
  public static final ImmutableList<String> SUITES = ImmutableList.of("default", "nightly");

  /**
   * Scenarios too large for the default suite at any size: the nightly suite runs those in
   * {@link #NIGHTLY_SIZES}; two-calls and combined-uncut, which finish at no size, only an
   * explicit {@code --scenario} runs.
   */
  private static final ImmutableSet<String> NIGHTLY_ONLY = ImmutableSet.of(DROP_CLOSE_RACE, TWO_CALLS, COMBINED_UNCUT);

  /**
   * The nightly suite's instances beyond the default suite, under both call-manager kinds: the
   * next sizes up of the scenarios whose cost grows with the parties, and the uncut race.
   * Larger sizes (up to 6 parties) are run by name; the README's scaling table says how far
   * each finishes.
   */
  private static final ImmutableMap<String, ImmutableList<Integer>> NIGHTLY_SIZES =
      ImmutableMap.of(
          MULTIPOINT, ImmutableList.of(3),
          INCOMING_DROP_RACE, ImmutableList.of(3),
          DROP_CLOSE_RACE, ImmutableList.of(2));

  /** The suite called {@code name} (one of {@link #SUITES}); another name throws. */
  public static ImmutableList<ScenarioConfig> suite(String name) {
    return switch (name) {
      case "default" -> defaultSuite();
      case "nightly" -> nightlySuite();
      default -> throw new IllegalArgumentException(
          "unknown suite '" + name + "'; known: " + SUITES.get(0) + ", " + SUITES.get(1));
    };
  }

  /**
   * The default suite, run by {@code condis-verify verify} with no {@code --scenario}: every
   * scenario but the nightly-only ones at its defaults under both call-manager kinds, plus the
   * call-manager-created-VC variants of the scenarios that take both VC owners.
   */
  public static ImmutableList<ScenarioConfig> defaultSuite() {
    ImmutableList.Builder<ScenarioConfig> out = ImmutableList.builder();
    for (ScenarioDefinition d : all()) {
      if (NIGHTLY_ONLY.contains(d.name())) {
        continue;
      }
      for (CallManagerKind kind : CallManagerKind.values()) {
        out.add(d.defaultConfig(kind));
        for (VcOwner owner : d.vcOwners()) {
          if (owner != d.defaultVcOwner()) {
            out.add(
                d.config(
                    d.defaultParties(),
                    kind,
                    owner,
                    dev.condis.reference.fault.FaultSet.none(),
                    DriverSelection.REFERENCE));
          }
        }
      }
    }
    return out.build();
  }

  /** {@code verify --suite nightly}: the default suite, then {@link #NIGHTLY_SIZES}. */
  public static ImmutableList<ScenarioConfig> nightlySuite() {
    ImmutableList.Builder<ScenarioConfig> out = ImmutableList.<ScenarioConfig>builder().addAll(defaultSuite());
    NIGHTLY_SIZES.forEach((name, sizes) -> {
      ScenarioDefinition d = get(name);
      for (int parties : sizes) {
        for (CallManagerKind kind : CallManagerKind.values()) {
          out.add(d.config(parties, kind, d.defaultVcOwner(), dev.condis.reference.fault.FaultSet.none(),
              DriverSelection.REFERENCE));
        }
      }
    });
    return out.build();
  }
}
