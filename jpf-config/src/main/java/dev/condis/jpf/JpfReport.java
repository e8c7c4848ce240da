package dev.condis.jpf;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What one JPF run reported, read from its XML report and its console output.
 *
 * <p>The XML report ({@code report.xml.*}) is the primary source for the result (findings,
 * each error's property class and details) and the statistics. It is not trusted blindly:
 * JPF writes property messages and source lines into it unescaped, so a {@code <} or {@code &}
 * makes it malformed (then the same elements are read leniently, by pattern), and a JPF crash
 * leaves it empty (then everything comes from the console). Only the console has the search
 * constraint (a budget or depth limit hit: the XML then still says "none"), the maximum depth,
 * the choice-generator counts, the trace and the output of the error path.
 */
public final class JpfReport {

  /** One error JPF reported: the property class and its details (e.g. the exception and stack). */
  public static final class JpfError {
    private final String property;
    private final String details;

    JpfError(String property, String details) {
      this.property = property;
      this.details = details;
    }

    /** e.g. {@code gov.nasa.jpf.vm.NoUncaughtExceptionsProperty}. */
    public String property() {
      return property;
    }

    public String details() {
      return details;
    }

    @Override
    public String toString() {
      return property + ": " + details;
    }
  }

  /** Where the result came from. */
  public enum Source {
    XML,
    /** The XML report was malformed; read by pattern. */
    XML_LENIENT,
    /** The XML report was missing or empty (e.g. JPF crashed); read from the console. */
    CONSOLE,
    /** Neither has a result: JPF did not finish a search. */
    NONE
  }

  private static final Pattern BANNER = Pattern.compile("(?m)^={20,} (.+)$");
  private static final Pattern STATES =
      Pattern.compile("states:\\s+new=(\\d+),\\s*visited=(\\d+),\\s*backtracked=(\\d+),\\s*end=(\\d+)");
  private static final Pattern SEARCH = Pattern.compile("search:\\s+maxDepth=(\\d+),\\s*constraints=(\\d+)");
  private static final Pattern CGS =
      Pattern.compile("choice generators:\\s+thread=(\\d+)\\s*\\([^)]*\\),\\s*data=(\\d+)");
  private static final Pattern ELAPSED = Pattern.compile("elapsed time:\\s+(\\d+):(\\d+):(\\d+)");
  /** JPF's peak used heap, in MB (its XML report's {@code max-memory}). */
  private static final Pattern MAX_MEMORY = Pattern.compile("max memory:\\s+(\\d+)MB");

  private Source source = Source.NONE;
  private final List<JpfError> errors = new ArrayList<>();
  private final Map<String, Long> statistics = new LinkedHashMap<>();
  private Optional<String> constraint = Optional.empty();
  private OptionalLong maxDepth = OptionalLong.empty();
  private OptionalLong choiceGenerators = OptionalLong.empty();
  private String trace = "";
  private String output = "";
  private final List<String> severe = new ArrayList<>();
  private boolean consoleResults;

  private JpfReport() {}

  /** Reads {@code xml} (may be missing or empty) and {@code console} (stdout of the run). */
  public static JpfReport read(Path xml, String console) {
    String text = "";
    try {
      if (xml != null && Files.isRegularFile(xml)) {
        text = Files.readString(xml, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      text = "";
    }
    return parse(text, console);
  }

  /** Parses the XML report's text (possibly empty or malformed) and the console text. */
  public static JpfReport parse(String xml, String console) {
    JpfReport r = new JpfReport();
    r.readConsole(console == null ? "" : console);
    if (xml != null && !xml.trim().isEmpty()) {
      if (!r.readXml(xml)) {
        r.readXmlLeniently(xml);
      }
    }
    if (r.source == Source.NONE && r.consoleResults) {
      r.source = Source.CONSOLE;
    }
    return r;
  }

  // ------------------------------------------------------------------ XML

  private boolean readXml(String xml) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      doc = b.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return false;
    }
    NodeList results = doc.getElementsByTagName("result");
    if (results.getLength() == 0) {
      return false;
    }
    Element result = (Element) results.item(0);
    List<JpfError> found = new ArrayList<>();
    NodeList errs = result.getElementsByTagName("error");
    for (int i = 0; i < errs.getLength(); i++) {
      Element e = (Element) errs.item(i);
      found.add(new JpfError(text(e, "property"), text(e, "details")));
    }
    if ("errors".equals(result.getAttribute("findings")) && found.isEmpty()) {
      return false;
    }
    errors.clear();
    errors.addAll(found);
    NodeList stats = doc.getElementsByTagName("statistics");
    if (stats.getLength() > 0) {
      NodeList children = stats.item(0).getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        if (children.item(i) instanceof Element e) {
          putStatistic(e.getTagName(), e.getTextContent());
        }
      }
    }
    source = Source.XML;
    return true;
  }

  private static String text(Element parent, String tag) {
    NodeList l = parent.getElementsByTagName(tag);
    return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
  }

  private static final Pattern RESULT = Pattern.compile("<result findings=\"(\\w+)\"");
  private static final Pattern ERROR =
      Pattern.compile("(?s)<error id=\"\\d+\">\\s*<property>(.*?)</property>\\s*<details>(.*?)</details>\\s*</error>");
  private static final Pattern STAT = Pattern.compile("<([a-z-]+)(?: [^>]*)?>\\s*([0-9:]+)\\s*</\\1>");

  /** For a malformed report (unescaped text): the same elements, by pattern. */
  private void readXmlLeniently(String xml) {
    int at = xml.lastIndexOf("<result findings=");
    if (at < 0) {
      return;
    }
    String tail = xml.substring(at);
    Matcher m = RESULT.matcher(tail);
    if (!m.lookingAt()) {
      return;
    }
    List<JpfError> found = new ArrayList<>();
    Matcher e = ERROR.matcher(tail);
    while (e.find()) {
      found.add(new JpfError(e.group(1).trim(), e.group(2).trim()));
    }
    if (m.group(1).equals("errors") && found.isEmpty()) {
      return;
    }
    errors.clear();
    errors.addAll(found);
    int s = tail.indexOf("<statistics>");
    if (s >= 0) {
      Matcher st = STAT.matcher(tail.substring(s));
      while (st.find()) {
        putStatistic(st.group(1), st.group(2));
      }
    }
    source = Source.XML_LENIENT;
  }

  private void putStatistic(String tag, String value) {
    String v = value.trim();
    Matcher hms = Pattern.compile("(\\d+):(\\d+):(\\d+)").matcher(v);
    try {
      if (hms.matches()) {
        statistics.put(tag, Long.parseLong(hms.group(1)) * 3600 + Long.parseLong(hms.group(2)) * 60 + Long.parseLong(hms.group(3)));
      } else {
        statistics.put(tag, Long.parseLong(v));
      }
    } catch (NumberFormatException e) {
      // not a number: ignored
    }
  }

  // ------------------------------------------------------------------ console

  private void readConsole(String console) {
    for (String line : console.split("\\R")) {
      if (line.startsWith("[SEVERE]")) {
        severe.add(line);
      }
    }
    Matcher b = BANNER.matcher(console);
    List<int[]> spans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (b.find()) {
      spans.add(new int[] {b.start(), b.end()});
      names.add(b.group(1).trim());
    }
    List<JpfError> consoleErrors = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int start = spans.get(i)[1];
      int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : console.length();
      String body = console.substring(start, end);
      if (body.startsWith("\n")) {
        body = body.substring(1);
      } else if (body.startsWith("\r\n")) {
        body = body.substring(2);
      }
      if (name.matches("error \\d+")) {
        int nl = body.indexOf('\n');
        String property = (nl < 0 ? body : body.substring(0, nl)).trim();
        String details = nl < 0 ? "" : body.substring(nl + 1).trim();
        consoleErrors.add(new JpfError(property, details));
      } else if (name.matches("trace #\\d+") && trace.isEmpty()) {
        trace = body;
      } else if (name.matches("output #\\d+") && output.isEmpty()) {
        output = body.trim().equals("no output") ? "" : body;
      } else if (name.equals("search constraint")) {
        constraint = Optional.of(body.trim());
      } else if (name.equals("results")) {
        consoleResults = true;
      } else if (name.equals("statistics")) {
        readConsoleStatistics(body);
      }
    }
    errors.addAll(consoleErrors);
  }

  private void readConsoleStatistics(String body) {
    Matcher m = STATES.matcher(body);
    if (m.find()) {
      statistics.put("new-states", Long.parseLong(m.group(1)));
      statistics.put("visited-states", Long.parseLong(m.group(2)));
      statistics.put("backtracked-states", Long.parseLong(m.group(3)));
      statistics.put("end-states", Long.parseLong(m.group(4)));
    }
    Matcher s = SEARCH.matcher(body);
    if (s.find()) {
      maxDepth = OptionalLong.of(Long.parseLong(s.group(1)));
      long constraints = Long.parseLong(s.group(2));
      if (constraints > 0 && constraint.isEmpty()) {
        constraint = Optional.of(constraints + " search constraint(s) hit");
      }
    }
    Matcher c = CGS.matcher(body);
    if (c.find()) {
      choiceGenerators = OptionalLong.of(Long.parseLong(c.group(1)) + Long.parseLong(c.group(2)));
    }
    Matcher e = ELAPSED.matcher(body);
    if (e.find()) {
      statistics.put("elapsed-time",
          Long.parseLong(e.group(1)) * 3600 + Long.parseLong(e.group(2)) * 60 + Long.parseLong(e.group(3)));
    }
    Matcher mm = MAX_MEMORY.matcher(body);
    if (mm.find()) {
      statistics.put("max-memory", Long.parseLong(mm.group(1)));
    }
  }

  // ------------------------------------------------------------------ accessors

  public Source source() {
    return source;
  }

  /** Whether JPF finished a search and said what it found (from either report). */
  public boolean hasResult() {
    return source != Source.NONE;
  }

  public List<JpfError> errors() {
    return errors;
  }

  /** A statistic by its XML name (new-states, visited-states, end-states, ...); -1 if unknown. */
  public long statistic(String name) {
    return statistics.getOrDefault(name, -1L);
  }

  public long newStates() {
    return statistic("new-states");
  }

  public long endStates() {
    return statistic("end-states");
  }

  /** A budget or depth limit JPF hit (console only). */
  public Optional<String> constraint() {
    return constraint;
  }

  public OptionalLong maxDepth() {
    return maxDepth;
  }

  /** Thread plus data choice generators (console only). */
  public OptionalLong choiceGenerators() {
    return choiceGenerators;
  }

  /** The console trace of the first error, or "". */
  public String trace() {
    return trace;
  }

  /** The program's output along the first error's path, or "". */
  public String output() {
    return output;
  }

  /** JPF's {@code [SEVERE]} lines (configuration errors, an application class it cannot load). */
  public List<String> severe() {
    return severe;
  }
}
