package dev.condis.model.report;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;

/**
 * Plain-text tables drawn with picocli's {@link TextTable}: each column as wide as its widest
 * cell up to a cap, longer cells wrapped inside their column, a dashed rule under the header.
 */
public final class Tables {
  private static final int GAP = 2;

  private final List<String> header;
  private final int[] caps;
  private final List<String[]> rows = new ArrayList<>();

  private Tables(List<String> header, int[] caps) {
    this.header = header;
    this.caps = caps;
  }

  /** A table with these column titles; {@code caps[i]} is column i's maximum width. */
  public static Tables withHeader(List<String> header, int... caps) {
    if (caps.length != header.size()) {
      throw new IllegalArgumentException("one cap per column");
    }
    return new Tables(List.copyOf(header), caps.clone());
  }

  public Tables row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, want " + header.size());
    }
    String[] copy = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      copy[i] = cells[i] == null ? "" : cells[i].replace('\n', ' ').strip();
    }
    rows.add(copy);
    return this;
  }

  public int rowCount() {
    return rows.size();
  }

  /** The table, each line prefixed with {@code indent} spaces, without trailing blanks. */
  public String render(int indent) {
    int n = header.size();
    Column[] columns = new Column[n];
    String[] rule = new String[n];
    List<String[]> wrapped = new ArrayList<>();
    for (String[] row : rows) {
      String[] w = new String[n];
      for (int i = 0; i < n; i++) {
        w[i] = wordWrap(row[i], Math.max(caps[i], header.get(i).length()));
      }
      wrapped.add(w);
    }
    for (int i = 0; i < n; i++) {
      int widest = header.get(i).length();
      for (String[] row : wrapped) {
        for (String line : row[i].split("\n", -1)) {
          widest = Math.max(widest, line.length());
        }
      }
      int content = widest;
      int lead = i == 0 ? indent : 0;
      columns[i] = new Column(lead + content + GAP, lead, Overflow.WRAP);
      rule[i] = "-".repeat(content);
    }
    TextTable table = TextTable.forColumns(Help.defaultColorScheme(Ansi.OFF), columns);
    table.setAdjustLineBreaksForWideCJKCharacters(false);
    table.addRowValues(header.toArray(new String[0]));
    table.addRowValues(rule);
    for (String[] row : wrapped) {
      table.addRowValues(row);
    }
    StringBuilder out = new StringBuilder();
    for (String line : table.toString().split("\\R", -1)) {
      String stripped = line.stripTrailing();
      if (!stripped.isEmpty()) {
        out.append(stripped).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Breaks {@code text} into lines of at most {@code width} characters at spaces (and after
   * ',' '/' '.' where a word is too long), so that picocli's table never cuts a word.
   */
  static String wordWrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      while (word.length() > width) {
        int cut = breakPoint(word, width - (line.length() == 0 ? 0 : line.length() + 1));
        if (cut <= 0) {
          if (line.length() > 0) {
            out.append(line).append('\n');
            line.setLength(0);
            continue;
          }
          cut = width; // no break point: cut the word
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word, 0, cut);
        out.append(line).append('\n');
        line.setLength(0);
        word = word.substring(cut);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line);
    return out.toString();
  }

  /** The last position in {@code word} up to {@code max} just after ',', '/', '.', '(' or '_'. */
  private static int breakPoint(String word, int max) {
    for (int i = Math.min(max, word.length()) - 1; i > 0; i--) {
      char c = word.charAt(i - 1);
      if (c == ',' || c == '/' || c == '.' || c == '(' || c == '_' || c == '[' || c == ';') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return render(0);
  }
}
