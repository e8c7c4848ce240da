package dev.condis.model.scenario;

import com.google.common.collect.ImmutableSet;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.util.Locale;

/**
 * One named, parameterised scenario (harness): what it exercises, the rules it is aimed at,
 * its parameters' defaults and ranges, and its body.
 *
 * @param rules the rule IDs the scenario is built to exercise (every property is checked on
 *     every scenario regardless)
 * @param minParties {@code parties} 0 means a point-to-point call; n >= 1 a multipoint call
 *     with n parties
 * @param constraints the drivers' data choices this scenario narrows to its subject (most
 *     scenarios: none, every choice is explored)
 * @param standaloneConstraints further narrowing under the stand-alone call manager only: the
 *     CoNDIS miniport's own pend-or-inline choices for activation and deactivation, explored in
 *     full by {@code make-close} and fixed to in-line elsewhere, where a second and third
 *     deferred thread would multiply the interleavings without touching the scenario's subject
 */
public record ScenarioDefinition(
    String name,
    String description,
    String rules,
    int defaultParties,
    int minParties,
    int maxParties,
    VcOwner defaultVcOwner,
    ImmutableSet<VcOwner> vcOwners,
    ChoiceConstraints constraints,
    ChoiceConstraints standaloneConstraints,
    Body body) {

  /** A scenario's steps, run on the harness thread ("main") of every execution. */
  @FunctionalInterface
  public interface Body {
    void run(ScenarioContext ctx);
  }

  /**
   * A checked instance; throws {@link IllegalArgumentException} with one clear line when a
   * parameter is outside what this scenario supports.
   */
  public ScenarioConfig config(
      int parties, CallManagerKind kind, VcOwner vcOwner, FaultSet faults, DriverSelection drivers) {
    if (parties < minParties || parties > maxParties) {
      throw new IllegalArgumentException(
          "scenario " + name + " takes --parties " + minParties + ".." + maxParties + ", not " + parties);
    }
    if (!vcOwners.contains(vcOwner)) {
      throw new IllegalArgumentException(
          "scenario " + name + " runs with --vc " + vcOwnersText() + ", not " + cliName(vcOwner));
    }
    return new ScenarioConfig(name, parties, kind, vcOwner, faults, drivers);
  }

  /**
   * Narrowed in every scenario unless its own constraints say otherwise: a call manager's
   * pended close never fails ({@code closeCall.fail}), except in {@code close-failure}, and the
   * stand-alone CM's miniport never refuses an activation ({@code activateVc.status}) nor the
   * call manager a client's VC ({@code createVc.status}), except in {@code make-call-failure},
   * and the network hangs up with SUCCESS ({@code incomingClose.status}), except in {@code
   * incoming-close}, and a call manager never rewrites a make-call's parameters
   * ({@code makeCall.changeParameters}), except in {@code changed-parameters}, nor offers a
   * rejected call again on its VC ({@code incomingCall.offerAgain}), except in {@code
   * offer-again}: the scenarios whose subjects they are. Each would double every
   * close or set-up subtree of the suite without touching the other scenarios' subjects.
   */
  public static final ChoiceConstraints BASE_CONSTRAINTS =
      ChoiceConstraints.of(java.util.Map.of("closeCall.fail", new int[] {0}, "activateVc.status", new int[] {0},
          "createVc.status", new int[] {0}, "makeCall.changeParameters", new int[] {0},
          "incomingCall.offerAgain", new int[] {0}, "incomingClose.status", new int[] {0}));

  /** The choice constraints in force under {@code kind}. */
  public ChoiceConstraints constraintsFor(CallManagerKind kind) {
    ChoiceConstraints own = BASE_CONSTRAINTS.and(constraints);
    return kind == CallManagerKind.STANDALONE ? own.and(standaloneConstraints) : own;
  }

  /** The default instance for {@code kind}, reference drivers, no fault. */
  public ScenarioConfig defaultConfig(CallManagerKind kind) {
    return config(defaultParties, kind, defaultVcOwner, FaultSet.none(), DriverSelection.REFERENCE);
  }

  /** "client", "cm" or "client|cm". */
  public String vcOwnersText() {
    return String.join("|", vcOwners.stream().map(ScenarioDefinition::cliName).toList());
  }

  /** The command-line spelling of a VC owner: {@code client} or {@code cm}. */
  public static String cliName(VcOwner owner) {
    return owner == VcOwner.CLIENT ? "client" : "cm";
  }

  /** The command-line spelling of a call manager kind: {@code standalone} or {@code mcm}. */
  public static String cliName(CallManagerKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code client} / {@code cm} (also the enum names); bad input throws. */
  public static VcOwner parseVcOwner(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "client" -> VcOwner.CLIENT;
      case "cm", "call_manager", "call-manager", "mcm" -> VcOwner.CALL_MANAGER;
      default -> throw new IllegalArgumentException("--vc must be client or cm, not '" + s + "'");
    };
  }

  /** Parses {@code standalone} / {@code mcm}; bad input throws. */
  public static CallManagerKind parseCallManagerKind(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "standalone", "cm", "stand-alone" -> CallManagerKind.STANDALONE;
      case "mcm" -> CallManagerKind.MCM;
      default -> throw new IllegalArgumentException("--cm must be standalone or mcm, not '" + s + "'");
    };
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {name, description, rules, defaultParties, minParties, maxParties, defaultVcOwner, vcOwners, constraints, standaloneConstraints, body}; }
  private static final String[] NAMES = {"name", "description", "rules", "defaultParties", "minParties", "maxParties", "defaultVcOwner", "vcOwners", "constraints", "standaloneConstraints", "body"};
  @Override public boolean equals(Object o) { return o instanceof ScenarioDefinition r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("ScenarioDefinition", NAMES, parts()); }
}
