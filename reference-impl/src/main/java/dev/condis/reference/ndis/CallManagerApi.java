package dev.condis.reference.ndis;

import dev.condis.reference.context.CallMgrPartyContext;
import dev.condis.reference.context.CallMgrVcContext;
import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.event.Actor;

/**
 * The call-manager functions, as {@link Actor#CALL_MANAGER} (NdisCmXxx and the NdisCo pair) or
 * {@link Actor#MCM} (NdisMCmXxx). The two public faces, {@link NdisCmApi} and {@link
 * NdisMcmApi}, are separate objects, so a stand-alone CM cannot reach an NdisMCm function nor
 * an MCM an NdisCm one (GEN-10). The completion and dispatch side is one routine for both, as
 * the NDIS header's macros make it (§1.1).
 */
abstract class CallManagerApi {
  private final Routers r;
  private final Actor actor;
  /** "NdisCm" or "NdisMCm". */
  private final String prefix;

  CallManagerApi(Routers routers, Actor actor, String prefix) {
    this.r = routers;
    this.actor = actor;
    this.prefix = prefix;
  }

  final VcCreation createVc(String api, NdisAfHandle af, CallMgrVcContext context) {
    return r.core().api(actor, api, Fmt.args(af, context), call -> r.vcs().create(call, af, context), VcCreation::status);
  }

  final NdisStatus deleteVc(String api, NdisVcHandle vc) {
    return r.core().api(actor, api, Fmt.args(vc), call -> r.vcs().delete(call, vc), s -> s);
  }

  final NdisStatus activateVc(NdisVcHandle vc, CallParameters parameters) {
    return r.core().api(actor, prefix + "ActivateVc", Fmt.args(vc, parameters),
        call -> r.activation().activate(call, vc, parameters), s -> s);
  }

  final NdisStatus deactivateVc(NdisVcHandle vc) {
    return r.core().api(actor, prefix + "DeactivateVc", Fmt.args(vc),
        call -> r.activation().deactivate(call, vc), s -> s);
  }

  final void makeCallComplete(NdisStatus status, NdisVcHandle vc, NdisPartyHandle party,
      CallMgrPartyContext partyContext, CallParameters parameters) {
    r.core().apiVoid(actor, prefix + "MakeCallComplete", Fmt.args(status, vc, party, partyContext, parameters),
        call -> r.calls().makeCallComplete(call, status, vc, party, partyContext, parameters));
  }

  final void closeCallComplete(NdisStatus status, NdisVcHandle vc, NdisPartyHandle party) {
    r.core().apiVoid(actor, prefix + "CloseCallComplete", Fmt.args(status, vc, party),
        call -> r.calls().closeCallComplete(call, status, vc, party));
  }

  final void addPartyComplete(NdisStatus status, NdisPartyHandle party, CallMgrPartyContext partyContext,
      CallParameters parameters) {
    r.core().apiVoid(actor, prefix + "AddPartyComplete", Fmt.args(status, party, partyContext, parameters),
        call -> r.parties().addPartyComplete(call, status, party, partyContext, parameters));
  }

  final void dropPartyComplete(NdisStatus status, NdisPartyHandle party) {
    r.core().apiVoid(actor, prefix + "DropPartyComplete", Fmt.args(status, party),
        call -> r.parties().dropPartyComplete(call, status, party));
  }

  final NdisStatus dispatchIncomingCall(NdisSapHandle sap, NdisVcHandle vc, CallParameters parameters) {
    return r.core().api(actor, prefix + "DispatchIncomingCall", Fmt.args(sap, vc, parameters),
        call -> r.incoming().dispatchIncomingCall(call, sap, vc, parameters), s -> s);
  }

  final void dispatchCallConnected(NdisVcHandle vc) {
    r.core().apiVoid(actor, prefix + "DispatchCallConnected", Fmt.args(vc),
        call -> r.incoming().dispatchCallConnected(call, vc));
  }

  final void dispatchIncomingCloseCall(NdisStatus closeStatus, NdisVcHandle vc, CloseData closeData) {
    r.core().apiVoid(actor, prefix + "DispatchIncomingCloseCall", Fmt.args(closeStatus, vc, closeData),
        call -> r.incoming().dispatchIncomingClose(call, closeStatus, vc, closeData));
  }

  final void dispatchIncomingDropParty(NdisStatus dropStatus, NdisPartyHandle party, CloseData closeData) {
    r.core().apiVoid(actor, prefix + "DispatchIncomingDropParty", Fmt.args(dropStatus, party, closeData),
        call -> r.incoming().dispatchIncomingDrop(call, dropStatus, party, closeData));
  }
}
