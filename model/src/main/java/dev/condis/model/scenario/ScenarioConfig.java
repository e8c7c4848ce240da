package dev.condis.model.scenario;

import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.util.Objects;

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
        + ",cm=" + callManagerKind.name().toLowerCase(java.util.Locale.ROOT)
        + ",vc=" + (vcOwner == VcOwner.CLIENT ? "client" : "cm")
        + (faults.isEmpty() ? "" : ",inject=[" + injected + "]")
        + "]";
  }

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof ScenarioConfig other
        && Objects.equals(scenario, other.scenario)
        && parties == other.parties
        && Objects.equals(callManagerKind, other.callManagerKind)
        && Objects.equals(vcOwner, other.vcOwner)
        && Objects.equals(faults, other.faults)
        && Objects.equals(drivers, other.drivers);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(scenario);
    h = 31 * h + Integer.hashCode(parties);
    h = 31 * h + Objects.hashCode(callManagerKind);
    h = 31 * h + Objects.hashCode(vcOwner);
    h = 31 * h + Objects.hashCode(faults);
    h = 31 * h + Objects.hashCode(drivers);
    return h;
  }

  @Override
  public String toString() {
    return "ScenarioConfig[scenario=" + scenario
        + ", parties=" + parties
        + ", callManagerKind=" + callManagerKind
        + ", vcOwner=" + vcOwner
        + ", faults=" + faults
        + ", drivers=" + drivers
        + "]";
  }
}
