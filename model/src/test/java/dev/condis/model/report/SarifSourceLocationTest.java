package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.SourceFrame;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.FaultScenarios;
import dev.condis.reference.fault.SeededFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SARIF step a driver caused points at the driver's source line: the counterexample of a
 * client that deletes its VC while its close is outstanding (VC-5) puts NdisCoDeleteVc at the
 * line of ClientCalls that calls it. The log stays valid against the SARIF schema.
 */
class SarifSourceLocationTest {
  private static final Path REFERENCE_SOURCES = Path.of("../reference-impl/src/main/java");

  @Test
  void theDriversCallIsLocatedAtTheLineThatMakesIt() throws IOException {
    VerificationResult r = new ExplorerEngine().verify(new VerificationRequest(
        FaultScenarios.forFault(SeededFault.CLIENT_DELETES_VC_BEFORE_CLOSE_COMPLETES),
        ImmutableList.copyOf(PropertyCatalog.defaultPropertyClasses()), Fixtures.BOUNDS, ProgressListener.NONE,
        ImmutableMap.of()));
    assertThat(r.verdict()).as(r.detail().orElse("")).isEqualTo(Verdict.VIOLATION);
    String sarif = SarifReport.render(new SuiteReport(Fixtures.TOOL, Instant.EPOCH, Duration.ofSeconds(1),
        List.of(new ScenarioReport(r, Fixtures.BOUNDS))));
    assertThat(SchemaCheck.sarifProblems(sarif)).isEmpty();

    List<JsonNode> located = new ArrayList<>();
    for (JsonNode threadFlow : new ObjectMapper().readTree(sarif).at("/runs/0/results/0/codeFlows/0/threadFlows")) {
      for (JsonNode step : threadFlow.get("locations")) {
        if (step.at("/location/physicalLocation").isObject()) {
          located.add(step.get("location"));
        }
      }
    }
    assertThat(located).as("steps with a source line").isNotEmpty();
    for (JsonNode location : located) {
      // Run from the model module, the reference's sources are not under the working
      // directory: the path is given under the Java source root.
      assertThat(location.at("/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo(SourceRoots.BASE_ID);
      Path file = REFERENCE_SOURCES.resolve(location.at("/physicalLocation/artifactLocation/uri").asText());
      assertThat(file).as("a reference driver's source file").exists();
      assertThat(location.at("/physicalLocation/region/startLine").asInt())
          .isBetween(1, Files.readAllLines(file).size());
    }
    JsonNode delete = located.stream()
        .filter(l -> l.at("/logicalLocations/0/name").asText().equals("NdisCoDeleteVc"))
        .findFirst().orElseThrow();
    Path file = REFERENCE_SOURCES.resolve(delete.at("/physicalLocation/artifactLocation/uri").asText());
    String line = Files.readAllLines(file).get(delete.at("/physicalLocation/region/startLine").asInt() - 1);
    assertThat(file.getFileName().toString()).isEqualTo("ClientCalls.java");
    assertThat(line).contains("coDeleteVc(");
  }

  @Test
  void aFileTheCheckoutHoldsIsNamedRelativeToIt(@TempDir Path checkout) throws IOException {
    Path source = checkout.resolve("my-driver/src/main/java/com/example/MyClient.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class MyClient {}\n");
    SourceFrame frame = new SourceFrame("com.example.MyClient$Handlers", "incomingCloseCall", "MyClient.java", 1);

    assertThat(new SourceRoots(checkout).find(frame)).contains("my-driver/src/main/java/com/example/MyClient.java");
    assertThat(new SourceRoots(checkout.resolve("my-driver")).find(frame)).contains("src/main/java/com/example/MyClient.java");
    assertThat(new SourceRoots(checkout.resolve("elsewhere")).find(frame)).isEmpty();
    assertThat(frame.packagePath()).isEqualTo("com/example/MyClient.java");
  }
}
