package dev.condis.model.scenario;

import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;

/**
 * One scenario instance to check: the harness by name and its parameters, the seeded faults
 * switched on, and the drivers under test.
 */
public record ScenarioConfig(
    String scenario,
    int parties,
    CallManagerKind callManagerKind,
    VcOwner vcOwner,
    FaultSet faults,
    DriverSelection drivers) {

  /** A short stable label, e.g. "multipoint[parties=3,cm=mcm]" for reports and file names. */
  public String label() {
    return scenario
        + "[parties=" + parties
        + ",cm=" + callManagerKind.name().toLowerCase(java.util.Locale.ROOT)
        + ",vc=" + (vcOwner == VcOwner.CLIENT ? "client" : "cm")
        + (faults.isEmpty() ? "" : ",inject=" + faults)
        + "]";
  }
}
