package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.engine.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON the tool writes keeps to the schemas it ships (condis-verify-report/1,
 * condis-verify-certificate/1): the report of every verdict, every committed certificate, and
 * a schema that catches a broken document, so a test passing means something.
 */
class OutputSchemasTest {
  private static final Path CERTIFICATES =
      Path.of("..").toAbsolutePath().normalize().resolve("proofs/certificates");

  @Test
  void aReportWithEveryVerdictIsValid() {
    assertThat(SchemaCheck.problems(SchemaCheck.REPORT, JsonReport.render(Fixtures.mixedSuite()))).isEmpty();
  }

  @Test
  void everyCommittedCertificateIsValid() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(CERTIFICATES)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertThat(SchemaCheck.problems(SchemaCheck.CERTIFICATE, Files.readString(f))).as(f.getFileName().toString())
          .isEmpty();
    }
  }

  @Test
  void aCertificateOfEachStatusIsValid() {
    for (ScenarioReport s : Fixtures.mixedSuite().scenarios()) {
      String certificate = Json.write(dev.condis.model.proof.ProofCertificate.of(s, Fixtures.TOOL,
          java.time.Instant.EPOCH, java.util.Map.of("exactly-once-completion", "every request completed once"),
          List.of("no-uncaught-exception")));
      assertThat(SchemaCheck.problems(SchemaCheck.CERTIFICATE, certificate)).as(s.label() + " " + s.verdict()).isEmpty();
    }
  }

  @Test
  void theSchemasCatchWhatIsWrong() {
    String report = JsonReport.render(Fixtures.mixedSuite());
    assertThat(SchemaCheck.problems(SchemaCheck.REPORT, report.replace("\"VERIFIED\"", "\"PASSED\""))).isNotEmpty();
    assertThat(SchemaCheck.problems(SchemaCheck.REPORT, report.replace("condis-verify-report/1", "x/2"))).isNotEmpty();
    assertThat(Fixtures.mixedSuite().verdict()).isNotEqualTo(Verdict.VERIFIED);
    String certificate = Json.write(dev.condis.model.proof.ProofCertificate.of(Fixtures.mixedSuite().scenarios().get(0),
        Fixtures.TOOL, java.time.Instant.EPOCH, java.util.Map.of(), List.of()));
    assertThat(SchemaCheck.problems(SchemaCheck.CERTIFICATE, certificate)).isEmpty();
    // through the reference into the report schema's definitions
    assertThat(SchemaCheck.problems(SchemaCheck.CERTIFICATE, certificate.replace("\"reference\": true", "\"reference\": \"yes\"")))
        .isNotEmpty();
  }
}
