package dev.condis.model.scenario;

import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;

/**
 * Where each seeded fault shows: the scenario instance whose search reaches the faulty path
 * (per the fault's catalog entry). Used by the tests that check every fault is caught by its
 * property, and by the benchmark's time-to-first-counterexample figures.
 */
public final class FaultScenarios {

  private FaultScenarios() {}

  /** The scenario instance, with {@code fault} switched on, in which it shows. */
  public static ScenarioConfig forFault(SeededFault fault) {
    String scenario;
    int parties;
    CallManagerKind kind = CallManagerKind.STANDALONE;
    VcOwner owner = VcOwner.CLIENT;
    switch (fault.name()) {
      case "MCM_DOUBLE_CLOSE_COMPLETE" -> {
        scenario = ScenarioCatalog.MAKE_CLOSE;
        parties = 0;
        kind = CallManagerKind.MCM;
      }
      case "CM_KEEPS_VC_AFTER_CLOSE" -> {
        scenario = ScenarioCatalog.MAKE_CLOSE;
        parties = 0;
        kind = CallManagerKind.MCM;
        owner = VcOwner.CALL_MANAGER;
      }
      case "CLIENT_FREES_PARTY_ON_PARAMETER_REJECTION" -> {
        scenario = ScenarioCatalog.CHANGED_PARAMETERS;
        parties = 1;
      }
      case "CLIENT_KEEPS_VC_AFTER_FAILED_MAKE_CALL", "CLIENT_KEEPS_VC_CONTEXT_AFTER_FAILED_CREATE" -> {
        scenario = ScenarioCatalog.MAKE_CALL_FAILURE;
        parties = 0;
      }
      case "CLIENT_SENDS_BEFORE_MAKE_CALL_COMPLETES" -> {
        scenario = ScenarioCatalog.CLOSE_FAILURE; // its application sends while the call is set up
        parties = 0;
      }
      case "CLIENT_IGNORES_INCOMING_CLOSE" -> {
        scenario = ScenarioCatalog.INCOMING_CLOSE;
        parties = 0;
      }
      case "CLIENT_ANSWERS_INCOMING_CALL_TWICE", "CLIENT_USES_VC_AFTER_CLOSE" -> {
        scenario = ScenarioCatalog.MAKE_CLOSE;
        parties = 0;
        owner = VcOwner.CALL_MANAGER;
      }
      case "CLIENT_CLOSES_CALL_TWICE" -> {
        scenario = ScenarioCatalog.DOUBLE_CLOSE;
        parties = 0;
      }
      case "CLIENT_CLOSES_WITH_PARTIES_ATTACHED" -> {
        // make-close with a multipoint call: the close comes with no drop before it.
        scenario = ScenarioCatalog.MAKE_CLOSE;
        parties = 2;
      }
      case "CM_NEVER_COMPLETES_FAILED_MAKE_CALL" -> {
        scenario = ScenarioCatalog.MAKE_CALL_FAILURE;
        parties = 0;
      }
      case "CLIENT_LEAKS_PARTY_ON_MAKE_FAILURE" -> {
        scenario = ScenarioCatalog.MAKE_CALL_FAILURE;
        parties = 1;
      }
      case "CLIENT_USES_PARTY_AFTER_DROP",
          "CLIENT_FREES_PARTY_BEFORE_CLOSE_COMPLETES",
          "CM_READS_PARTY_AFTER_FREE",
          "CM_LEAKS_PARTY_ON_CLOSE",
          "CM_FREES_PARTY_BEFORE_DROP_COMPLETES",
          "CLIENT_LEAKS_ADD_PARTY_PARAMETERS" -> {
        scenario = ScenarioCatalog.MULTIPOINT;
        parties = 2;
      }
      default -> {
        scenario = ScenarioCatalog.MAKE_CLOSE;
        parties = 0;
      }
    }
    return ScenarioCatalog.get(scenario)
        .config(parties, kind, owner, FaultSet.of(fault), DriverSelection.REFERENCE);
  }
}
