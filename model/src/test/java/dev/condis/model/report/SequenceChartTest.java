package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceChartTest {

  private static final List<String> ROWS_IN_ORDER =
      List.of(
          "call NdisClCloseCall(vc#1)",
          "open CLOSE_CALL#2[vc#1]",
          "enter ProtocolCmCloseCall(vc#1)",
          "ProtocolCmCloseCall returned PENDING",
          "NdisClCloseCall returned PENDING",
          "network hangs up; nothing to do",
          "call NdisMCmCloseCallComplete(SUCCESS, vc#1)",
          "complete CLOSE_CALL#2[vc#1] SUCCESS (pended)",
          "enter ProtocolClCloseCallComplete(SUCCESS)",
          "release ProtocolPartyContext#1(party 1): ProtocolClCloseCallComplete",
          "ProtocolClCloseCallComplete returned",
          "NdisMCmCloseCallComplete returned",
          "!! uses dead handle party#5 in NdisMCmCloseCallComplete",
          "!! VIOLATION GEN-2 (DOUBLE_COMPLETE)");

  @Test
  void rowsOfAKnownTraceAppearInOrder() {
    String chart = SequenceChart.render(Fixtures.trace(), 0);
    // Cells wrap inside their column: compare without white space.
    String flat = chart.replaceAll("\\s+", "");
    int last = -1;
    for (String row : ROWS_IN_ORDER) {
      int at = flat.indexOf(row.replaceAll("\\s+", ""), last + 1);
      assertThat(at).as("row '%s' after position %d in%n%s", row, last, chart).isGreaterThan(last);
      last = at;
    }
  }

  @Test
  void hasOneColumnPerActingActorInAFixedOrder() {
    String header = SequenceChart.render(Fixtures.trace(), 0).lines().findFirst().orElseThrow();
    assertThat(Arrays.asList(header.trim().split("\\s+")))
        .containsExactly("step", "thread", "CLIENT", "NDIS", "MCM", "NETWORK");
  }

  @Test
  void everyRowNamesItsStepAndThread() {
    List<String> lines = SequenceChart.render(Fixtures.trace(), 0).lines().toList();
    assertThat(lines.stream().filter(l -> l.matches("^1 +client +call NdisClCloseCall.*"))).hasSize(1);
    assertThat(lines.stream().filter(l -> l.matches("^7 +network .*network hangs up.*"))).hasSize(1);
    assertThat(lines.stream().filter(l -> l.matches("^16 +dpc-1 .*!! VIOLATION GEN-2.*"))).hasSize(1);
  }

  @Test
  void putsEachStepInItsActorsColumn() {
    List<String> lines = SequenceChart.render(Fixtures.trace(), 0).lines().toList();
    String header = lines.get(0);
    int mcmColumn = header.indexOf("MCM");
    int clientColumn = header.indexOf("CLIENT");
    String enterCm = lines.stream().filter(l -> l.startsWith("4 ")).findFirst().orElseThrow();
    assertThat(enterCm.indexOf("enter ProtocolCmCloseCall")).isEqualTo(mcmColumn);
    String call = lines.stream().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow();
    assertThat(call.indexOf("call NdisClCloseCall")).isEqualTo(clientColumn);
  }

  @Test
  void aValidHandleUseIsPartOfItsCallNotARow() {
    List<TraceStep> steps = TraceStep.of(Fixtures.trace());
    assertThat(steps).hasSize(Fixtures.trace().size() - 1);
    assertThat(steps).extracting(TraceStep::seq).doesNotContain(2L);
  }

  @Test
  void indentsEveryLine() {
    assertThat(SequenceChart.render(Fixtures.trace(), 4).lines()).allMatch(l -> l.startsWith("    "));
  }

  @Test
  void aContextIsDrawnInTheColumnOfTheDriverThatAllocatedIt() {
    var alloc =
        new dev.condis.reference.event.NdisEvent.ContextAllocated(
            new dev.condis.reference.event.Stamp(1, "main"),
            new dev.condis.reference.ddi.ContextRef(
                dev.condis.reference.ddi.ContextKind.CALL_PARAMETERS, 3, "mine.makeCall",
                dev.condis.reference.ddi.Actor.CLIENT));
    var mcm =
        new dev.condis.reference.event.NdisEvent.ContextAllocated(
            new dev.condis.reference.event.Stamp(2, "main"),
            new dev.condis.reference.ddi.ContextRef(
                dev.condis.reference.ddi.ContextKind.CALL_PARAMETERS, 4, "cm.activateVc",
                dev.condis.reference.ddi.Actor.MCM));
    var untagged =
        new dev.condis.reference.event.NdisEvent.ContextAllocated(
            new dev.condis.reference.event.Stamp(3, "main"),
            new dev.condis.reference.ddi.ContextRef(
                dev.condis.reference.ddi.ContextKind.CALL_MGR_VC_CONTEXT, 5, "x", null));
    assertThat(TraceStep.of(List.of(alloc, mcm, untagged)))
        .extracting(TraceStep::column)
        .containsExactly(
            dev.condis.reference.ddi.Actor.CLIENT,
            dev.condis.reference.ddi.Actor.MCM,
            // no owner named: the kind's; no MCM acts in this trace, so the stand-alone CM
            dev.condis.reference.ddi.Actor.CALL_MANAGER);
  }
}
