package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.condis.model.cli.ChildJvm.Child;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.ProtocolVcContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plug-in that calls System.exit cannot end a run unreported: in a real condis-verify process
 * (a child JVM), the exit is said on one line naming where it was called, the scenarios that
 * finished keep their report and certificates, and the process ends with the internal-error
 * code instead of the plug-in's status.
 */
class SystemExitTest {

  /** A client that exits the JVM when a call comes in (make-close with the CM's VC). */
  public static final class ExitingClient extends ReferenceClient {
    @Override
    public NdisStatus protocolClIncomingCall(ProtocolVcContext protocolVcContext, CallParameters callParameters) {
      System.exit(42);
      return NdisStatus.SUCCESS;
    }
  }

  private static Child verify(Path dir, String... args) throws Exception {
    List<String> words = new java.util.ArrayList<>(List.of("verify"));
    words.addAll(List.of(args));
    return ChildJvm.run(dir, List.of(), words.toArray(String[]::new));
  }

  @Test
  void anExitFromADriverIsReportedAndTheFinishedScenariosKept(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    Path certificates = dir.resolve("certificates");
    // One worker: the instances run one after the other, so which one exits is known.
    Child child = verify(dir, "--workers", "1", "--scenario", "make-close", "--cm", "mcm",
        "--client", ExitingClient.class.getName(), "--format", "json", "--output", report.toString(),
        "--certificates", certificates.toString());

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    List<String> lines = child.lines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("condis-verify: plug-in code called System.exit at " + ExitingClient.class.getName()
            + ".protocolClIncomingCall(SystemExitTest.java:")
        .contains("while checking make-close[parties=0,cm=mcm,vc=cm]")
        .contains("1 scenario(s) finished");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    // The report says what the process says: cut short, an ERROR, never VERIFIED.
    assertThat(json.get("verdict").asText()).isEqualTo("ERROR");
    assertThat(json.get("exitCode").asInt()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(json.get("scenarios")).hasSize(2);
    assertThat(json.get("scenarios").get(0).get("label").asText()).isEqualTo("make-close[parties=0,cm=mcm,vc=client]");
    assertThat(json.get("scenarios").get(0).get("verdict").asText()).isEqualTo("VERIFIED");
    assertThat(json.get("scenarios").get(1).get("label").asText()).isEqualTo("make-close[parties=0,cm=mcm,vc=cm]");
    assertThat(json.get("scenarios").get(1).get("verdict").asText()).isEqualTo("ERROR");
    assertThat(json.get("scenarios").get(1).get("detail").asText())
        .startsWith("not checked to the end: plug-in code called System.exit at " + ExitingClient.class.getName());
    try (Stream<Path> files = Files.list(certificates)) {
      assertThat(files.toList()).hasSize(1);
    }
  }

  /**
   * Stopped by a signal (SIGTERM, as a CI timeout sends) in the middle of the suite: the line
   * says so rather than blaming plug-in code, and the report holds the scenarios that finished
   * and an ERROR for each of the others.
   */
  @Test
  void aSignalIsReportedAsSuchAndNothingUnfinishedIsVerified(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    Process p = ChildJvm.start(dir, ChildJvm.command(List.of(), "verify", "--workers", "1",
        "--format", "json", "--output", report.toString(), "--progress", "lines"));
    // Wait until the first search reports progress: the guard is installed by then.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!ChildJvm.err(dir).contains("progress ")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    Child child = new Child(p.exitValue(), ChildJvm.err(dir));

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(child.lines()).singleElement().asString()
        .startsWith("condis-verify: the run was stopped from outside (a signal such as Ctrl-C or SIGTERM) while checking ")
        .doesNotContain("System.exit");
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.get("verdict").asText()).isEqualTo("ERROR");
    assertThat(json.get("exitCode").asInt()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    // The whole default suite, finished or not.
    assertThat(json.get("scenarios")).hasSize(ScenarioCatalog.defaultSuite().size());
    assertThat(json.get("summary").get("error").asInt()).isPositive();
  }

  @Test
  void withSeveralWorkersTheExitNamesTheScenariosInFlight(@TempDir Path dir) throws Exception {
    Child child = verify(dir, "--workers", "2", "--scenario", "make-close", "--cm", "mcm",
        "--client", ExitingClient.class.getName(), "--quiet");

    assertThat(child.exit()).as(child.err()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(child.lines()).singleElement().asString()
        .contains("while checking ")
        .contains("make-close[parties=0,cm=mcm,vc=cm]")
        .contains("(checked in parallel)");
  }
}
