package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TablesTest {
  @Test
  void alignsColumnsAndWrapsLongCellsInsideTheirColumn() {
    String table =
        Tables.withHeader(List.of("name", "description"), 10, 20)
            .row("a", "short")
            .row("bb", "a description that is longer than twenty characters")
            .render(0);
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0)).startsWith("name  description");
    assertThat(lines.get(1)).startsWith("----  ----");
    int col = lines.get(0).indexOf("description");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("bb").contains("a description"));
    // the wrapped remainder starts in the description column, not at the margin
    assertThat(lines.subList(4, lines.size()))
        .allSatisfy(l -> assertThat(l.length() - l.stripLeading().length()).isGreaterThanOrEqualTo(col));
    assertThat(table.replaceAll("\\s+", " ")).contains("longer than twenty characters");
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
  }

  @Test
  void wrapsAtWordBoundariesAndBreaksOverlongWordsAfterPunctuation() {
    assertThat(Tables.wordWrap("one two three four", 9)).isEqualTo("one two\nthree\nfour");
    assertThat(Tables.wordWrap("call NdisMCmCloseCallComplete(SUCCESS,vc#1)", 30))
        .isEqualTo("call\nNdisMCmCloseCallComplete(\nSUCCESS,vc#1)");
    assertThat(Tables.wordWrap("abcdefghij", 4)).isEqualTo("abcd\nefgh\nij");
    assertThat(Tables.wordWrap("", 4)).isEmpty();
  }
}
