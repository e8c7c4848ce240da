package dev.condis.reference.ndis;

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
}
