package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.plugin.DriverLoader;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioHarness;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own client class, compiled at test time from a test resource into a directory of
 * its own and loaded by name from that classpath (what {@code --client C --classpath P} does),
 * is checked like the reference and its bug is caught. Bad class names give one clear line.
 */
class UserClientTest {

  @TempDir static Path classes;

  @BeforeAll
  static void compileUserClasses() throws IOException, URISyntaxException {
    compile("/userclient", classes);
  }

  /** Compiles the test resource folder {@code resource}'s sources into {@code out}, against the tool's class path. */
  private static void compile(String resource, Path out) throws IOException, URISyntaxException {
    Path sources = Path.of(UserClientTest.class.getResource(resource).toURI());
    List<String> args = new ArrayList<>();
    args.add("-d");
    args.add(out.toString());
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add("--release");
    args.add("17");
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK with javac").isNotNull();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = javac.run(null, null, err, args.toArray(String[]::new));
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  @AfterAll
  static void closeLoaders() {
    DriverLoader.clearCache();
  }

  private static ScenarioConfig multipoint(String clientClass) {
    return ScenarioCatalog.get(ScenarioCatalog.MULTIPOINT)
        .config(
            2,
            CallManagerKind.STANDALONE,
            VcOwner.CLIENT,
            FaultSet.none(),
            new DriverSelection(
                Optional.of(clientClass), Optional.empty(), Optional.empty(), List.of(classes)));
  }

  @Test
  void buggyUserClientIsCaught() {
    ScenarioConfig config = multipoint("com.example.buggy.LoggingClient");
    VerificationResult r = Runs.verify(config);

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VIOLATION);
    Counterexample cex = r.counterexample().orElseThrow();
    assertThat(cex.violation().property()).isEqualTo("no-use-after-close");
    assertThat(cex.violation().ruleId()).isEqualTo("CLOSE-13");
    assertThat(cex.violation().message()).contains("LoggingClient");
    assertThat(cex.replayCommand())
        .contains("--client com.example.buggy.LoggingClient")
        .contains("--classpath " + classes);
    ReplayResult replay = new ExplorerEngine().replay(config, cex.schedule());
    assertThat(replay.violation()).contains(cex.violation());
  }

  @Test
  void unknownClassIsBadInput() {
    assertThatThrownBy(
            () -> new ScenarioHarness(multipoint("com.example.buggy.Nope"), PropertyCatalog.defaultPropertyClasses()))
        .isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessageContaining("client class not found: com.example.buggy.Nope");
  }

  @Test
  void classThatIsNotAClientIsBadInput() {
    assertThatThrownBy(
            () -> new ScenarioHarness(multipoint("com.example.buggy.NotAClient"), PropertyCatalog.defaultPropertyClasses()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.example.buggy.NotAClient does not implement dev.condis.reference.ddi.ClientDriver");
  }

  @Test
  void classWithoutNoArgConstructorIsBadInput() {
    assertThatThrownBy(
            () -> new ScenarioHarness(
                multipoint("com.example.buggy.NoDefaultConstructorClient"), PropertyCatalog.defaultPropertyClasses()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no public no-argument constructor");
  }

  @Test
  void badPropertyNameIsBadInput() {
    assertThatThrownBy(() -> PropertyCatalog.resolve("no-such-property", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown property 'no-such-property'");
    assertThatThrownBy(() -> PropertyCatalog.resolve("com.example.Missing", List.of(classes)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("property class not found: com.example.Missing");
  }

  /**
   * A client compiled before the DDI became one package still names dev.condis.reference.driver:
   * the class is there, its interface is not, and the line says where the interface went.
   */
  @Test
  void clientCompiledAgainstTheOldPackagesIsBadInputThatSaysWhereTheTypesWent(@TempDir Path old) throws Exception {
    compile("/oldapi", old);
    Files.delete(old.resolve("dev/condis/reference/driver/ClientDriver.class")); // the user has only the new jar

    assertThatThrownBy(
            () -> DriverLoader.loadClass("com.example.old.OldClient", ClientDriver.class, List.of(old), "client"))
        .isInstanceOf(DriverLoader.BadDriverException.class)
        .hasMessage("client class com.example.old.OldClient needs dev.condis.reference.driver.ClientDriver, which is"
            + " not on the classpath; the DDI types are in dev.condis.reference.ddi now: recompile against it"
            + " (PLUGINS.md, \"The API\", has a sed line for your imports)");
  }

  @Test
  void missingClasspathEntryIsBadInput() {
    assertThatThrownBy(
            () -> DriverLoader.loadClass(
                "x.Y", Object.class, List.of(classes.resolve("does-not-exist")), "client"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("classpath entry does not exist");
  }
}
