package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.report.Json;
import dev.condis.model.report.ToolInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed certificates (proofs/certificates) are what the main job writes today: the
 * default suite is run as proofs/README.md says to regenerate them, and every certificate must
 * equal its committed twin in statement, verdict, bounds, figures and assumptions. Only the
 * date, the wall time (and the rate computed from it), the tool's version and the commit it
 * names may differ.
 * Regenerate as proofs/README.md says ("How certificates are produced").
 */
class CommittedCertificatesTest {
  private static final Path COMMITTED = Path.of("..").toAbsolutePath().normalize().resolve("proofs/certificates");

  @TempDir Path fresh;

  @Test
  void theCommittedCertificatesAreCurrent() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ToolInfo tool = new ToolInfo(ToolInfo.NAME, "test", Optional.empty());
    CliEnvironment env = new CliEnvironment(new ServiceEngineDirectory(), false, () -> tool, Map.of());
    // The built-ins by name: the test class path also holds a ServiceLoader-registered example
    // property, which the launcher's class path does not.
    int exit = CondisVerify.run(new String[] {"verify", "--quiet", "--certificates", fresh.toString(),
        "--property", String.join(",", PropertyCatalog.builtInIds())}, env, new PrintWriter(out), new PrintWriter(err));
    assertThat(exit).as(err.toString()).isZero();

    List<String> names = list(fresh);
    assertThat(list(COMMITTED)).as("the committed set: one certificate per default-suite instance").isEqualTo(names);
    for (String name : names) {
      assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.CERTIFICATE,
          java.nio.file.Files.readString(fresh.resolve(name)))).as(name + " against its schema").isEmpty();
      assertThat(comparable(COMMITTED.resolve(name)))
          .as(name + " is stale: regenerate proofs/certificates (see this test's comment)")
          .isEqualTo(comparable(fresh.resolve(name)));
    }
  }

  private static List<String> list(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A certificate without what changes from run to run. */
  private static JsonNode comparable(Path file) throws Exception {
    ObjectNode c = (ObjectNode) Json.MAPPER.readTree(file.toFile());
    c.remove("date");
    ((ObjectNode) c.get("tool")).remove(List.of("gitCommit", "version")); // the test build has no version
    ((ObjectNode) c.get("figures")).remove(List.of("wallTimeMillis", "executionsPerSecond"));
    // "... 1,471 decision points, 0.15 s (2,236 executions/s); no bound reached": the time goes,
    // and so does a bare "0.00 s" (a search under a millisecond prints no rate)
    c.put("coverage", c.get("coverage").asText()
        .replaceAll(", (\\d+ min )?[0-9.]+ s( \\([0-9,.]+ executions/s\\))?(?=;|$)", ""));
    return c;
  }
}
