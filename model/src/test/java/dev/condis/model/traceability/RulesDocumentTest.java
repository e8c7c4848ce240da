package dev.condis.model.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** RULES.md is current, has every rule, and no document sends a user outside the repository. */
class RulesDocumentTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path RULES = REPO.resolve("RULES.md");

  @Test
  void committedRulesAreCurrent() throws IOException {
    Traceability traceability = new Traceability(REPO);
    String rendered = RulesDocument.render(traceability);
    if (Boolean.getBoolean("traceability.write")) {
      Files.writeString(RULES, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(RULES, StandardCharsets.UTF_8))
        .as("RULES.md is stale: regenerate it with -Dtraceability.write=true (see its header)")
        .isEqualTo(rendered);
    for (Traceability.Row row : traceability.rows) {
      assertThat(rendered).contains("| " + row.rule().id() + " |");
      assertThat(row.rule().summary()).as(row.rule().id() + "'s text is whole").doesNotEndWith("...");
    }
  }

  @Test
  void noDocumentPointsOutsideTheRepository() throws IOException {
    try (Stream<Path> docs = Files.walk(REPO, 3)) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).toList()) {
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
            .as(REPO.relativize(doc).toString())
            .doesNotContain("../shared/")
            .doesNotContain("condis-rules.md");
      }
    }
  }
}
