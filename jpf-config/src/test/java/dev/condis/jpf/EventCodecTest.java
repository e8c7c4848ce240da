package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextKind;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.event.Stamp;
import dev.condis.reference.rules.RuleCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of NDIS event survives a trip through one line of JPF's path output. */
class EventCodecTest {

  @Test
  void everyEventKindRoundTrips() {
    Stamp s = new Stamp(7, "network\tthread");
    RequestToken t = new RequestToken(3, RequestKind.CLOSE_CALL, new NdisVcHandle(1), null);
    RequestToken drop = new RequestToken(5, RequestKind.DROP_PARTY, new NdisVcHandle(1), new NdisPartyHandle(2));
    ContextRef c = new ContextRef(ContextKind.values()[0], 4, "client.vc", Actor.CLIENT);
    RequestToken make = new RequestToken(6, RequestKind.MAKE_CALL, new NdisVcHandle(1), new NdisPartyHandle(2),
        new ContextRef(ContextKind.CALL_PARAMETERS, 8, "my\tparameters", Actor.CLIENT));
    List<NdisEvent> events =
        List.of(
            new NdisEvent.ApiCalled(s, Actor.CLIENT, "NdisClCloseCall", "vc#1, party#2\nmore"),
            new NdisEvent.ApiReturned(s, Actor.CLIENT, "NdisClCloseCall", NdisStatus.PENDING),
            new NdisEvent.ApiReturned(s, Actor.CLIENT, "NdisCoDeleteVc", null),
            new NdisEvent.HandlerCalled(s, Actor.CALL_MANAGER, "ProtocolCmCloseCall", "back\\slash"),
            new NdisEvent.HandlerReturned(s, Actor.CALL_MANAGER, "ProtocolCmCloseCall", null),
            new NdisEvent.RequestOpened(s, t),
            new NdisEvent.RequestCompleted(s, t, NdisStatus.SUCCESS, true),
            new NdisEvent.RequestOpened(s, drop),
            new NdisEvent.RequestOpened(s, make),
            new NdisEvent.RequestCompleted(s, make, NdisStatus.FAILURE, false),
            new NdisEvent.HandleIssued(s, new NdisVcHandle(1), "by client"),
            new NdisEvent.HandleIssued(s, new NdisAfHandle(1), "NdisClOpenAddressFamilyEx"),
            new NdisEvent.HandleIssued(s, new NdisSapHandle(2), "NdisClRegisterSap"),
            new NdisEvent.HandleInvalidated(s, new NdisPartyHandle(12), "dropped"),
            new NdisEvent.HandleUsed(s, Actor.MINIPORT, new NdisVcHandle(1), "NdisMCoSendNetBufferLists", false),
            new NdisEvent.HandleUsed(s, Actor.CLIENT, null, "NdisClCloseCall", false),
            new NdisEvent.ContextAllocated(s, c),
            new NdisEvent.ContextReleased(s, c, "ProtocolCoDeleteVc"),
            new NdisEvent.RuleViolation(s, "CLOSE-4", RuleCategory.LEAK, "a <leak> & more"),
            new NdisEvent.Note(s, Actor.NETWORK, ""));
    for (NdisEvent e : events) {
      String line = EventCodec.encode(e);
      assertThat(line).startsWith(EventCodec.PREFIX).doesNotContain("\n");
      assertThat(EventCodec.decode(line)).as(line).isEqualTo(e);
    }
    List<String> output = events.stream().map(EventCodec::encode).toList();
    assertThat(EventCodec.decodeAll(List.of("noise", output.get(0), "more noise"))).containsExactly(events.get(0));
  }

  @Test
  void aMalformedLineSaysSo() {
    assertThatThrownBy(() -> EventCodec.decode(EventCodec.PREFIX + "Nope\t1\tmain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed event line");
  }
}
