package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.reference.context.ContextKind;
import dev.condis.reference.context.ContextRef;
import dev.condis.reference.event.Actor;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.event.RequestToken;
import dev.condis.reference.event.RuleCategory;
import dev.condis.reference.event.Stamp;
import dev.condis.reference.ndis.NdisStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of NDIS event survives a trip through one line of JPF's path output. */
class EventCodecTest {

  @Test
  void everyEventKindRoundTrips() {
    Stamp s = new Stamp(7, "network\tthread");
    RequestToken t = new RequestToken(3, RequestKind.CLOSE_CALL, "vc#1", "-");
    ContextRef c = new ContextRef(ContextKind.values()[0], 4, "client.vc");
    List<NdisEvent> events =
        List.of(
            new NdisEvent.ApiCalled(s, Actor.CLIENT, "NdisClCloseCall", "vc#1, party#2\nmore"),
            new NdisEvent.ApiReturned(s, Actor.CLIENT, "NdisClCloseCall", NdisStatus.PENDING),
            new NdisEvent.ApiReturned(s, Actor.CLIENT, "NdisCoDeleteVc", null),
            new NdisEvent.HandlerCalled(s, Actor.CALL_MANAGER, "ProtocolCmCloseCall", "back\\slash"),
            new NdisEvent.HandlerReturned(s, Actor.CALL_MANAGER, "ProtocolCmCloseCall", null),
            new NdisEvent.RequestOpened(s, t),
            new NdisEvent.RequestCompleted(s, t, NdisStatus.SUCCESS, true),
            new NdisEvent.HandleIssued(s, "vc#1", "by client"),
            new NdisEvent.HandleInvalidated(s, "vc#1", "deleted"),
            new NdisEvent.HandleUsed(s, Actor.MINIPORT, "vc#1", "NdisMCoSendNetBufferLists", false),
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
