package dev.condis.model.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.condis.model.report.Json;
import dev.condis.model.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The counterexamples of a JSON report ({@code verify --format json}), for {@code replay --from}. */
final class ReportCounterexamples {
  private ReportCounterexamples() {}

  /** The replay command of the counterexample of {@code label} (null: the report's only one). */
  static String replayCommand(Path report, String label) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(report));
    } catch (IOException | RuntimeException e) {
      throw new BadInputException("cannot read the report " + report + ": " + ErrorHandling.oneLine(e.getMessage()));
    }
    if (root == null || !JsonReport.SCHEMA.equals(root.path("schema").asText())) {
      throw new BadInputException(report + " is not a condis-verify JSON report (schema " + JsonReport.SCHEMA + ")");
    }
    List<String> labels = new ArrayList<>();
    JsonNode chosen = null;
    for (JsonNode s : root.path("scenarios")) {
      JsonNode cex = s.path("counterexample");
      if (cex.isObject()) {
        labels.add(s.path("label").asText());
        if (label == null || label.equals(s.path("label").asText())) {
          chosen = chosen == null ? cex : chosen;
        }
      }
    }
    if (labels.isEmpty()) {
      throw new BadInputException(report + " has no counterexample to replay");
    }
    if (label == null && labels.size() > 1) {
      throw new BadInputException(report + " has " + labels.size() + " counterexamples; pick one with --label: "
          + String.join(", ", labels));
    }
    if (chosen == null) {
      throw new BadInputException(report + " has no counterexample for " + label + "; it has: " + String.join(", ", labels));
    }
    return chosen.path("replayCommand").asText();
  }

  /** Splits a command line as a POSIX shell would, for the quoting replay commands use ('...'). */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean quoted = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        inWord = true;
      } else if (c == '\\' && i + 1 < command.length()) {
        word.append(command.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quoted) {
      throw new BadInputException("unbalanced quote in the replay command: " + command);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
