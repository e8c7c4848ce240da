package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.Violation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A violation message may hold anything a driver or property put in it: control characters
 * XML 1.0 forbids and a lone surrogate UTF-8 cannot encode. Every format still writes a
 * well-formed report that keeps the verdict, with each such character visible as an escape.
 */
class SafeTextTest {
  private static final String NASTY = "nul\u0000 soh\u0001 bell\u0007 lone\uD800 pair\uD83D\uDE00 tab\t end";

  @TempDir Path dir;

  private static SuiteReport suite() {
    VerificationResult v = Fixtures.violation("make-close");
    Counterexample cex = v.counterexample().orElseThrow();
    Counterexample nasty = new Counterexample(new Violation("my-property", "GEN-2", NASTY),
        cex.schedule(), cex.trace(), cex.replayCommand());
    VerificationResult r = new VerificationResult(v.config(), v.engine(), v.verdict(), v.properties(),
        v.figures(), Optional.of(nasty), Optional.of(NASTY));
    return new SuiteReport(Fixtures.TOOL, Fixtures.mixedSuite().startedAt(), Fixtures.mixedSuite().wallTime(),
        List.of(Fixtures.report(r)));
  }

  @Test
  void escapesOnlyWhatItMust() {
    assertThat(SafeText.wellFormed(NASTY)).isEqualTo(
        "nul\u0000 soh\u0001 bell\u0007 lone\\uD800 pair\uD83D\uDE00 tab\t end");
    assertThat(SafeText.xml(NASTY)).isEqualTo(
        "nul\\u0000 soh\\u0001 bell\\u0007 lone\\uD800 pair\uD83D\uDE00 tab\t end");
    assertThat(SafeText.xml("plain <text> & more")).isEqualTo("plain <text> & more");
  }

  @Test
  void junitXmlIsWellFormedAndKeepsTheFailure() throws Exception {
    String xml = JunitXmlReport.render(suite());
    Element failure = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("GEN-2");
    assertThat(failure.getAttribute("message")).contains("nul\\u0000 soh\\u0001 bell\\u0007 lone\\uD800 pair\uD83D\uDE00");
  }

  @Test
  void jsonWritesToAFileAndReadsBackTheSameText() throws Exception {
    Path file = dir.resolve("report.json");
    Files.writeString(file, JsonReport.render(suite()), StandardCharsets.UTF_8);
    JsonNode read = Json.MAPPER.readTree(file.toFile());
    assertThat(read.get("verdict").asText()).isEqualTo("VIOLATION");
    assertThat(read.get("scenarios").get(0).get("counterexample").get("message").asText()).isEqualTo(NASTY);
  }

  @Test
  void textWritesToAFile() throws Exception {
    Path file = dir.resolve("report.txt");
    Files.writeString(file, SafeText.wellFormed(TextReport.render(suite())), StandardCharsets.UTF_8);
    assertThat(Files.readString(file)).contains("VIOLATION").contains("lone\\uD800");
  }
}
