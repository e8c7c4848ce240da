package dev.condis.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlReportTest {
  private final String xml = JunitXmlReport.render(Fixtures.mixedSuite());
  private final Document doc = parse(xml);

  private static Document parse(String xml) {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML:\n" + xml, e);
    }
  }

  @Test
  void isOneTestsuiteWithTheRightCounts() {
    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("condis-verify");
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(suite.getAttribute("time")).isEqualTo("4.321");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-01-02T03:04:05");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(1);
  }

  @Test
  void hasOneTestcasePerScenarioWithFailureErrorOrSkippedByVerdict() {
    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(5);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);

    Element verified = (Element) cases.item(0);
    assertThat(verified.getAttribute("classname")).isEqualTo("condis-verify.make-close");
    assertThat(verified.getAttribute("name")).isEqualTo("make-close[parties=0,cm=standalone,vc=client]");
    assertThat(verified.getAttribute("time")).isEqualTo("1.234");
    assertThat(verified.getElementsByTagName("failure").getLength()).isZero();

    Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("GEN-2");
    assertThat(failure.getAttribute("message")).startsWith("exactly-once-completion [GEN-2]");
    assertThat(failure.getTextContent())
        .contains(Fixtures.REPLAY)
        .contains("call NdisClCloseCall(vc#1)")
        .contains("sequenceDiagram")
        // the trace's own "]]>" must not end the CDATA section early
        .contains("<&> \"quoted\"");

    Element skipped = (Element) ((Element) cases.item(2)).getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).startsWith("INCONCLUSIVE: execution bound reached");

    Element error = (Element) ((Element) cases.item(3)).getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).contains("boom");
  }

  @Test
  void recordsToolVersionAndCommitAsProperties() {
    NodeList props = doc.getElementsByTagName("property");
    assertThat(props.getLength()).isEqualTo(3);
    assertThat(((Element) props.item(0)).getAttribute("value")).isEqualTo("9.9.9-test");
    assertThat(((Element) props.item(1)).getAttribute("value")).isEqualTo("abc123");
  }
}
