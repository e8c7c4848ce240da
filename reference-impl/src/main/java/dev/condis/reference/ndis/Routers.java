package dev.condis.reference.ndis;

import java.util.Objects;

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

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof Routers other
        && Objects.equals(core, other.core)
        && Objects.equals(vcs, other.vcs)
        && Objects.equals(activation, other.activation)
        && Objects.equals(calls, other.calls)
        && Objects.equals(parties, other.parties)
        && Objects.equals(incoming, other.incoming);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(core);
    h = 31 * h + Objects.hashCode(vcs);
    h = 31 * h + Objects.hashCode(activation);
    h = 31 * h + Objects.hashCode(calls);
    h = 31 * h + Objects.hashCode(parties);
    h = 31 * h + Objects.hashCode(incoming);
    return h;
  }

  @Override
  public String toString() {
    return "Routers[core=" + core
        + ", vcs=" + vcs
        + ", activation=" + activation
        + ", calls=" + calls
        + ", parties=" + parties
        + ", incoming=" + incoming
        + "]";
  }
}
