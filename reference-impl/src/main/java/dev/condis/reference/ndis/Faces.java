package dev.condis.reference.ndis;

import dev.condis.reference.ddi.Actor;

/**
 * The objects registration hands the drivers, each typed as its {@code Ndis*Api}. A face holds
 * no DDI function: each function is written once, as a default method of an {@code *Entries}
 * interface in the router that carries it out (NdisClDropParty in {@link PartyRouter.ClientEntries}),
 * so a DDI function lives in its interface, its router and the reference driver. A face only
 * says who is calling; the stand-alone and MCM spellings of a shared call-manager routine are one
 * entry, recorded under the caller's prefix (§1.1). Each driver gets its own face, whose
 * interface does not reach another kind's functions (GEN-10).
 */
final class Faces {
  private Faces() {}

  /** What an entry needs of the face it runs on. */
  interface Caller {
    Routers routers();

    Actor actor();

    /** The name the shared call-manager routines are recorded under: "NdisMCm" for an MCM, else "NdisCm". */
    default String prefix() {
      return actor() == Actor.MCM ? "NdisMCm" : "NdisCm";
    }
  }

  private abstract static class Face implements Caller {
    private final Routers routers;
    private final Actor actor;

    Face(Routers routers, Actor actor) {
      this.routers = routers;
      this.actor = actor;
    }

    @Override
    public final Routers routers() {
      return routers;
    }

    @Override
    public final Actor actor() {
      return actor;
    }
  }

  /** The client's face ({@code NdisClientApi}). */
  static final class Client extends Face implements VcRouter.ClientEntries, CallRouter.ClientEntries,
      PartyRouter.ClientEntries, IncomingRouter.ClientEntries {
    Client(Routers routers) {
      super(routers, Actor.CLIENT);
    }
  }

  /** The stand-alone call manager's face ({@code NdisCmApi}): NdisCmXxx and the NdisCo pair. */
  static final class Standalone extends Face implements VcRouter.CmEntries, ActivationRouter.CmEntries,
      CallRouter.CallManagerEntries, PartyRouter.CallManagerEntries, IncomingRouter.CallManagerEntries {
    Standalone(Routers routers) {
      super(routers, Actor.CALL_MANAGER);
    }
  }

  /** The MCM's face ({@code NdisMcmApi}): NdisMCmXxx only. */
  static final class Integrated extends Face implements VcRouter.McmEntries, ActivationRouter.McmEntries,
      CallRouter.CallManagerEntries, PartyRouter.CallManagerEntries, IncomingRouter.CallManagerEntries {
    Integrated(Routers routers) {
      super(routers, Actor.MCM);
    }
  }

  /** The face of the miniport beneath a stand-alone call manager ({@code NdisMiniportApi}). */
  static final class Miniport extends Face implements ActivationRouter.MiniportEntries {
    Miniport(Routers routers) {
      super(routers, Actor.MINIPORT);
    }
  }
}
