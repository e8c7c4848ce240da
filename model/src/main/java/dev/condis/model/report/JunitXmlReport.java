package dev.condis.model.report;

import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.engine.Verdict;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report (the Surefire/Ant format CI servers read without a plug-in): one
 * {@code <testsuite name="condis-verify">}, one {@code <testcase>} per scenario with
 * {@code classname="condis-verify.<scenario>"} and {@code name="<label>"}; a VIOLATION is a
 * {@code <failure type="<rule ID>">} whose body is the counterexample, an ERROR an {@code
 * <error>}, an INCONCLUSIVE a {@code <skipped>} with the bound that stopped it. Figures go to
 * each test case's {@code <system-out>}.
 */
public final class JunitXmlReport {
  private JunitXmlReport() {}

  public static String render(SuiteReport suite) {
    StringWriter sink = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(sink);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", ToolInfo.NAME);
      xml.writeAttribute("tests", Integer.toString(suite.scenarios().size()));
      xml.writeAttribute("failures", Long.toString(suite.count(Verdict.VIOLATION)));
      xml.writeAttribute("errors", Long.toString(suite.count(Verdict.ERROR)));
      xml.writeAttribute("skipped", Long.toString(suite.count(Verdict.INCONCLUSIVE)));
      xml.writeAttribute("time", seconds(suite.wallTime().toMillis()));
      xml.writeAttribute(
          "timestamp",
          DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
              suite.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      property(xml, "tool.version", suite.tool().version());
      property(xml, "git.commit", suite.tool().gitCommit().orElse(""));
      property(xml, "verdict", suite.verdict().name());
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      for (ScenarioReport s : suite.scenarios()) {
        testcase(xml, s);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit XML report", e);
    }
    // The writer passes characters XML forbids through as they are: escape them visibly.
    return SafeText.xml(sink.toString());
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static void testcase(XMLStreamWriter xml, ScenarioReport s) throws XMLStreamException {
    VerificationResult r = s.result();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", ToolInfo.NAME + "." + r.config().scenario());
    xml.writeAttribute("name", s.label());
    xml.writeAttribute("time", seconds(r.figures().wallTime().toMillis()));
    String detail = r.detail().orElse("");
    switch (r.verdict()) {
      case VERIFIED -> {}
      case VIOLATION -> {
        Counterexample cex = r.counterexample().orElse(null);
        xml.writeCharacters("\n    ");
        xml.writeStartElement("failure");
        if (cex != null) {
          xml.writeAttribute("type", cex.violation().ruleId());
          xml.writeAttribute("message", cex.violation().toString());
          xml.writeCData(cdataSafe(counterexampleText(cex)));
        } else {
          xml.writeAttribute("type", "VIOLATION");
          xml.writeAttribute("message", detail.isEmpty() ? "property violated" : detail);
        }
        xml.writeEndElement();
      }
      case ERROR -> {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("error");
        xml.writeAttribute("type", "ERROR");
        xml.writeAttribute("message", detail.isEmpty() ? "the engine failed" : detail);
        xml.writeEndElement();
      }
      case INCONCLUSIVE -> {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("skipped");
        xml.writeAttribute(
            "message", "INCONCLUSIVE: " + (detail.isEmpty() ? "a bound ended the search" : detail));
      }
    }
    xml.writeCharacters("\n    ");
    xml.writeStartElement("system-out");
    xml.writeCharacters(
        r.verdict()
            + " on "
            + r.engine()
            + ": "
            + Formats.figures(r.figures())
            + "\nproperties: "
            + String.join(", ", r.properties())
            + "\n");
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  static String counterexampleText(Counterexample cex) {
    StringBuilder out = new StringBuilder("\n");
    out.append(cex.violation()).append('\n');
    out.append("schedule: ").append(cex.schedule()).append('\n');
    out.append("replay:   ").append(cex.replayCommand()).append("\n\n");
    out.append(SequenceChart.render(cex.trace(), 0)).append('\n');
    out.append(MermaidDiagram.render(cex.trace()));
    return out.toString();
  }

  /** A CDATA section cannot contain "]]>"; split it across two sections' worth of text. */
  private static String cdataSafe(String text) {
    return text.replace("]]>", "]] >");
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
