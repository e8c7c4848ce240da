package dev.condis.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.reference.system.CallManagerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference drivers' choice labels, the table of them in reference-impl/README.md ("Data
 * choices") and the labels the scenario catalogue narrows agree. A constraint whose label
 * matches no choice is ignored without a word (ChoiceConstraints), so a misspelt one would
 * leave its scenario exploring what it meant to cut, or a premise never met: caught here.
 */
class ChoiceLabelsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  /** A label drawn in code: choose("...") or the reference CM's pendMode(request, "...", n). */
  private static final Pattern DRAWN = Pattern.compile("(?:choose|pendMode)\\((?:[a-z]+, )?\"([A-Za-z.]+)\"");
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z.]+)` \\|", Pattern.MULTILINE);

  /** The README's labels, as the drivers draw them (cm.* for both call managers). */
  private static Set<String> documented() throws IOException {
    String readme = Files.readString(REPO.resolve("reference-impl/README.md"));
    String section = readme.substring(readme.indexOf("## Data choices"), readme.indexOf("## Lifecycles"));
    Set<String> out = new TreeSet<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Each label the code draws, with the call managers' prefix put back on their own ones. */
  private static Set<String> drawn() throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(REPO.resolve("reference-impl/src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = DRAWN.matcher(Files.readString(f));
        while (m.find()) {
          String label = m.group(1);
          out.add(label.startsWith("client.") || label.startsWith("miniport.") ? label : "cm." + label);
        }
      }
    }
    return out;
  }

  @Test
  void everyLabelTheDriversDrawIsDocumentedAndEveryDocumentedOneIsDrawn() throws IOException {
    assertThat(drawn()).as("labels drawn in reference-impl").isNotEmpty()
        .isEqualTo(documented());
  }

  @Test
  void theLabelsAConstraintMayNameAreTheOnesTheDriversDraw() throws IOException {
    assertThat(new TreeSet<>(ChoiceConstraints.LABELS)).isEqualTo(drawn());
  }

  @Test
  void aConstraintThatNamesNoChoiceIsRefusedWithTheLabelsItCouldName() {
    assertThatThrownBy(() -> ChoiceConstraints.of(Map.of("makeCall.stauts", new int[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'makeCall.stauts' names no choice the drivers draw")
        .hasMessageContaining("cm.makeCall.status");
    assertThat(ChoiceConstraints.of(Map.of("mcm.makeCall.status", new int[] {1}, "makeCall.status", new int[] {1},
        "client.incomingCall.answer", new int[] {0})).allowed()).hasSize(3);
  }

  @Test
  void everyLabelTheCatalogueNarrowsIsOneADriverDraws() throws IOException {
    Set<String> drawn = drawn();
    Set<String> narrowed = new TreeSet<>();
    for (ScenarioDefinition d : ScenarioCatalog.all()) {
      for (CallManagerKind kind : CallManagerKind.values()) {
        narrowed.addAll(d.constraintsFor(kind).allowed().keySet());
      }
    }
    assertThat(narrowed).as("the catalogue narrows something").isNotEmpty();
    for (String key : narrowed) {
      // As ChoiceConstraints matches: the whole label, or its suffix after the driver prefix.
      assertThat(drawn.stream().anyMatch(l -> l.equals(key) || l.substring(l.indexOf('.') + 1).equals(key)))
          .as("constraint label '" + key + "' matches a choice some driver draws " + drawn).isTrue();
    }
  }
}
