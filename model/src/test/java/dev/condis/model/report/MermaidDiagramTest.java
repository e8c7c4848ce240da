package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

  @Test
  void drawsTheKnownTraceAsASequenceDiagramInOrder() {
    List<String> lines = MermaidDiagram.render(Fixtures.trace()).lines().map(String::strip).toList();
    assertThat(lines)
        .containsSubsequence(
            "sequenceDiagram",
            "participant CLIENT",
            "participant NDIS",
            "participant MCM",
            "participant NETWORK",
            "CLIENT->>NDIS: 1 [client] NdisClCloseCall(vc#1)",
            "Note over NDIS: 3 [client] open CLOSE_CALL#2[vc#1]",
            "NDIS->>MCM: 4 [client] ProtocolCmCloseCall(vc#1)",
            "MCM-->>NDIS: 5 [client] ProtocolCmCloseCall returned PENDING",
            "NDIS-->>CLIENT: 6 [client] NdisClCloseCall returned PENDING",
            "Note over NETWORK: 7 [network] network hangs up#59; nothing to do",
            "MCM->>NDIS: 8 [dpc-1] NdisMCmCloseCallComplete(SUCCESS, vc#1)",
            "Note over NDIS: 9 [dpc-1] complete CLOSE_CALL#2[vc#1] SUCCESS (pended)",
            "NDIS->>CLIENT: 10 [dpc-1] ProtocolClCloseCallComplete(SUCCESS)",
            "MCM->>NDIS: 14 [dpc-1] NdisMCmCloseCallComplete(SUCCESS, vc#1)",
            "Note over MCM: !! 15 [dpc-1] uses dead handle party#5 in NdisMCmCloseCallComplete");
    assertThat(lines.get(lines.size() - 1)).startsWith("Note over NDIS: !! 16 [dpc-1] VIOLATION GEN-2");
  }

  @Test
  void hasOneStatementPerStep() {
    String diagram = MermaidDiagram.render(Fixtures.trace());
    // header + 4 participants + 15 steps, no statement split by ';' or a line break
    assertThat(diagram.lines()).hasSize(1 + 4 + 15);
    assertThat(diagram.replace("#59;", "")).doesNotContain(";");
  }
}
