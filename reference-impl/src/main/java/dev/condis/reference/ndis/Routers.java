package dev.condis.reference.ndis;

import dev.condis.reference.RecordMethods;

/** The routers of one NDIS instance, shared by the per-driver API objects. */
record Routers(
    NdisCore core,
    VcRouter vcs,
    ActivationRouter activation,
    CallRouter calls,
    PartyRouter parties,
    IncomingRouter incoming) {

  static Routers of(NdisCore core) {
    return new Routers(core, new VcRouter(core), new ActivationRouter(core), new CallRouter(core),
        new PartyRouter(core), new IncomingRouter(core));
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {core, vcs, activation, calls, parties, incoming}; }
  private static final String[] NAMES = {"core", "vcs", "activation", "calls", "parties", "incoming"};
  @Override public boolean equals(Object o) { return o instanceof Routers r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("Routers", NAMES, parts()); }
}
