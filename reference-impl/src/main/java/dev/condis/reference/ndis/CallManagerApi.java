package dev.condis.reference.ndis;

import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.driver.NdisCallManagerApi;
import dev.condis.reference.driver.NdisCmApi;
import dev.condis.reference.driver.NdisMcmApi;
import dev.condis.reference.driver.VcCreation;

/**
 * The call-manager functions, as {@link Actor#CALL_MANAGER} (NdisCmXxx and the NdisCo pair) or
 * {@link Actor#MCM} (NdisMCmXxx). The completions and dispatches ({@link NdisCallManagerApi})
 * are one routine for both, as the NDIS header's macros make them (§1.1), recorded under the
 * caller's prefix. Only creation, deletion, activation and deactivation are spelt per kind
 * (GEN-10): both spellings are here side by side, and each kind gets its own face, {@link
 * Standalone} ({@link NdisCmApi}) or {@link Integrated} ({@link NdisMcmApi}), a separate object
 * whose interface does not reach the other kind's spelling.
 */
abstract class CallManagerApi implements NdisCallManagerApi {
  private final Routers r;
  private final Actor actor;
  /** "NdisCm" or "NdisMCm". */
  private final String prefix;

  CallManagerApi(Routers routers, Actor actor, String prefix) {
    this.r = routers;
    this.actor = actor;
    this.prefix = prefix;
  }

  /** The stand-alone call manager's face: NdisCmXxx and the NdisCo pair. */
  static final class Standalone extends CallManagerApi implements NdisCmApi {
    Standalone(Routers routers) {
      super(routers, Actor.CALL_MANAGER, "NdisCm");
    }
  }

  /** The MCM's face: NdisMCmXxx only. */
  static final class Integrated extends CallManagerApi implements NdisMcmApi {
    Integrated(Routers routers) {
      super(routers, Actor.MCM, "NdisMCm");
    }
  }

  // NdisCoCreateVc (stand-alone CM) and NdisMCmCreateVc (MCM): INCALL-1, VC-4.
  public final VcCreation coCreateVc(NdisAfHandle af, CallMgrVcContext callMgrVcContext) {
    return createVc("NdisCoCreateVc", af, callMgrVcContext);
  }

  public final VcCreation mcmCreateVc(NdisAfHandle af, CallMgrVcContext miniportVcContext) {
    return createVc("NdisMCmCreateVc", af, miniportVcContext);
  }

  private VcCreation createVc(String api, NdisAfHandle af, CallMgrVcContext context) {
    return r.core().api(actor, api, Fmt.args(af, context), call -> r.vcs().create(call, af, context), VcCreation::status);
  }

  public final NdisStatus coDeleteVc(NdisVcHandle vc) {
    return deleteVc("NdisCoDeleteVc", vc);
  }

  public final NdisStatus mcmDeleteVc(NdisVcHandle vc) {
    return deleteVc("NdisMCmDeleteVc", vc);
  }

  private NdisStatus deleteVc(String api, NdisVcHandle vc) {
    return r.core().api(actor, api, Fmt.args(vc), call -> r.vcs().delete(call, vc), s -> s);
  }

  // Ndis(M)CmActivateVc and Ndis(M)CmDeactivateVc: one routine, named by the caller's prefix.
  public final NdisStatus cmActivateVc(NdisVcHandle vc, CallParameters parameters) {
    return r.core().api(actor, prefix + "ActivateVc", Fmt.args(vc, parameters),
        call -> r.activation().activate(call, vc, parameters), s -> s);
  }

  public final NdisStatus mcmActivateVc(NdisVcHandle vc, CallParameters parameters) {
    return cmActivateVc(vc, parameters);
  }

  public final NdisStatus cmDeactivateVc(NdisVcHandle vc) {
    return r.core().api(actor, prefix + "DeactivateVc", Fmt.args(vc),
        call -> r.activation().deactivate(call, vc), s -> s);
  }

  public final NdisStatus mcmDeactivateVc(NdisVcHandle vc) {
    return cmDeactivateVc(vc);
  }

  @Override
  public final void cmMakeCallComplete(NdisStatus status, NdisVcHandle vc, NdisPartyHandle party,
      CallMgrPartyContext partyContext, CallParameters parameters) {
    r.core().apiVoid(actor, prefix + "MakeCallComplete", Fmt.args(status, vc, party, partyContext, parameters),
        call -> r.calls().makeCallComplete(call, status, vc, party, partyContext, parameters));
  }

  @Override
  public final void cmCloseCallComplete(NdisStatus status, NdisVcHandle vc, NdisPartyHandle party) {
    r.core().apiVoid(actor, prefix + "CloseCallComplete", Fmt.args(status, vc, party),
        call -> r.calls().closeCallComplete(call, status, vc, party));
  }

  @Override
  public final void cmAddPartyComplete(NdisStatus status, NdisPartyHandle party, CallMgrPartyContext partyContext,
      CallParameters parameters) {
    r.core().apiVoid(actor, prefix + "AddPartyComplete", Fmt.args(status, party, partyContext, parameters),
        call -> r.parties().addPartyComplete(call, status, party, partyContext, parameters));
  }

  @Override
  public final void cmDropPartyComplete(NdisStatus status, NdisPartyHandle party) {
    r.core().apiVoid(actor, prefix + "DropPartyComplete", Fmt.args(status, party),
        call -> r.parties().dropPartyComplete(call, status, party));
  }

  @Override
  public final NdisStatus cmDispatchIncomingCall(NdisSapHandle sap, NdisVcHandle vc, CallParameters parameters) {
    return r.core().api(actor, prefix + "DispatchIncomingCall", Fmt.args(sap, vc, parameters),
        call -> r.incoming().dispatchIncomingCall(call, sap, vc, parameters), s -> s);
  }

  @Override
  public final void cmDispatchCallConnected(NdisVcHandle vc) {
    r.core().apiVoid(actor, prefix + "DispatchCallConnected", Fmt.args(vc),
        call -> r.incoming().dispatchCallConnected(call, vc));
  }

  @Override
  public final void cmDispatchIncomingCloseCall(NdisStatus closeStatus, NdisVcHandle vc, CloseData closeData) {
    r.core().apiVoid(actor, prefix + "DispatchIncomingCloseCall", Fmt.args(closeStatus, vc, closeData),
        call -> r.incoming().dispatchIncomingClose(call, closeStatus, vc, closeData));
  }

  @Override
  public final void cmDispatchIncomingDropParty(NdisStatus dropStatus, NdisPartyHandle party, CloseData closeData) {
    r.core().apiVoid(actor, prefix + "DispatchIncomingDropParty", Fmt.args(dropStatus, party, closeData),
        call -> r.incoming().dispatchIncomingDrop(call, dropStatus, party, closeData));
  }
}
