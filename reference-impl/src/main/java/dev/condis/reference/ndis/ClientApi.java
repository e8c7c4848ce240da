package dev.condis.reference.ndis;

import dev.condis.reference.context.CallParameters;
import dev.condis.reference.context.CloseData;
import dev.condis.reference.context.ProtocolPartyContext;
import dev.condis.reference.context.ProtocolVcContext;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.driver.NdisClientApi;
import dev.condis.reference.driver.PartyCreation;
import dev.condis.reference.driver.VcCreation;

/** The client's NDIS functions: every call is made as {@link Actor#CLIENT}. */
final class ClientApi implements NdisClientApi {
  private final Routers r;

  ClientApi(Routers routers) {
    this.r = routers;
  }

  @Override
  public VcCreation coCreateVc(NdisAfHandle ndisAfHandle, ProtocolVcContext protocolVcContext) {
    return r.core().api(Actor.CLIENT, "NdisCoCreateVc", Fmt.args(ndisAfHandle, protocolVcContext),
        call -> r.vcs().create(call, ndisAfHandle, protocolVcContext), VcCreation::status);
  }

  @Override
  public NdisStatus coDeleteVc(NdisVcHandle ndisVcHandle) {
    return r.core().api(Actor.CLIENT, "NdisCoDeleteVc", Fmt.args(ndisVcHandle),
        call -> r.vcs().delete(call, ndisVcHandle), s -> s);
  }

  @Override
  public PartyCreation clMakeCall(
      NdisVcHandle ndisVcHandle, CallParameters callParameters, ProtocolPartyContext protocolPartyContext) {
    return r.core().api(Actor.CLIENT, "NdisClMakeCall", Fmt.args(ndisVcHandle, callParameters, protocolPartyContext),
        call -> r.calls().makeCall(call, ndisVcHandle, callParameters, protocolPartyContext), PartyCreation::status);
  }

  @Override
  public NdisStatus clCloseCall(NdisVcHandle ndisVcHandle, NdisPartyHandle ndisPartyHandle, CloseData closeData) {
    return r.core().api(Actor.CLIENT, "NdisClCloseCall", Fmt.args(ndisVcHandle, ndisPartyHandle, closeData),
        call -> r.calls().closeCall(call, ndisVcHandle, ndisPartyHandle, closeData), s -> s);
  }

  @Override
  public PartyCreation clAddParty(
      NdisVcHandle ndisVcHandle, ProtocolPartyContext protocolPartyContext, CallParameters callParameters) {
    return r.core().api(Actor.CLIENT, "NdisClAddParty", Fmt.args(ndisVcHandle, protocolPartyContext, callParameters),
        call -> r.parties().addParty(call, ndisVcHandle, protocolPartyContext, callParameters), PartyCreation::status);
  }

  @Override
  public NdisStatus clDropParty(NdisPartyHandle ndisPartyHandle, CloseData closeData) {
    return r.core().api(Actor.CLIENT, "NdisClDropParty", Fmt.args(ndisPartyHandle, closeData),
        call -> r.parties().dropParty(call, ndisPartyHandle, closeData), s -> s);
  }

  @Override
  public void clIncomingCallComplete(NdisStatus status, NdisVcHandle ndisVcHandle, CallParameters callParameters) {
    r.core().apiVoid(Actor.CLIENT, "NdisClIncomingCallComplete", Fmt.args(status, ndisVcHandle, callParameters),
        call -> r.incoming().incomingCallComplete(call, status, ndisVcHandle, callParameters));
  }

  @Override
  public NdisStatus coSendNetBufferLists(NdisVcHandle ndisVcHandle) {
    return r.core().api(Actor.CLIENT, "NdisCoSendNetBufferLists", Fmt.args(ndisVcHandle),
        call -> r.calls().send(call, ndisVcHandle), s -> s);
  }
}
