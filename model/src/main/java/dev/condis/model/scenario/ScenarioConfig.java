package dev.condis.model.scenario;

import dev.condis.reference.RecordMethods;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
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

  /**
   * A short stable label for reports and file names, e.g.
   * "make-close[parties=0,cm=mcm,vc=client,inject=[mcm-double-close-complete]]": faults
   * spelled as {@code --inject} takes them.
   */
  public String label() {
    StringBuilder injected = new StringBuilder();
    for (SeededFault f : faults.asSet()) { // a loop, not a stream: the label is made under JPF too
      injected.append(injected.length() == 0 ? "" : ", ").append(f.cliName());
    }
    return scenario
        + "[parties=" + parties
        + ",cm=" + ScenarioDefinition.cliName(callManagerKind)
        + ",vc=" + ScenarioDefinition.cliName(vcOwner)
        + (faults.isEmpty() ? "" : ",inject=[" + injected + "]")
        + "]";
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {scenario, parties, callManagerKind, vcOwner, faults, drivers}; }
  private static final String[] NAMES = {"scenario", "parties", "callManagerKind", "vcOwner", "faults", "drivers"};
  @Override public boolean equals(Object o) { return o instanceof ScenarioConfig r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("ScenarioConfig", NAMES, parts()); }
}
