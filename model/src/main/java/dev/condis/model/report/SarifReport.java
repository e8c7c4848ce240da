package dev.condis.model.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.SourceFrame;
import dev.condis.model.engine.VerificationResult;
import dev.condis.reference.rules.Rule;
import dev.condis.reference.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log (what GitHub code scanning and the Windows driver
 * tools read). One run; its tool driver lists every rule of the catalogue as a reporting
 * descriptor; one result per scenario instance that ended in a VIOLATION, cited under the
 * violated rule, with the counterexample as a code flow (one thread flow per thread, each step
 * at the logical location of the NDIS function or handler and the driver that ran it, and,
 * where the replay captured it, at the driver's source line as its physical location). The
 * partial fingerprint hashes the instance, the property, the rule and the message: the same
 * violation found again carries the same fingerprint, so a code-scanning alert stays one alert.
 */
public final class SarifReport {
  public static final String VERSION = "2.1.0";
  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT = "condisViolation/v1";

  private SarifReport() {}

  public static String render(SuiteReport suite) {
    ObjectNode root = Json.object();
    root.put("$schema", SCHEMA_URI);
    root.put("version", VERSION);
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", suite.tool().name());
    driver.put("version", suite.tool().version());
    driver.put("informationUri", "https://github.com/condis-verify/condis-verify");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : RuleCatalog.all()) {
      ruleIndex.put(rule.id(), ruleIndex.size());
      ObjectNode r = rules.addObject();
      r.put("id", rule.id());
      r.putObject("shortDescription").put("text", rule.summary());
      r.putObject("defaultConfiguration").put("level", "error");
      ObjectNode props = r.putObject("properties");
      props.put("category", rule.category().name());
      props.put("stated", rule.stated());
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", suite.count(dev.condis.model.engine.Verdict.ERROR) == 0);
    invocation.put("exitCode", suite.exitCode());
    invocation.put("startTimeUtc", suite.startedAt().toString());
    run.putObject("originalUriBaseIds").putObject(SourceRoots.BASE_ID).putObject("description")
        .put("text", "A Java source root (such as src/main/java) of the module that holds the driver.");
    ObjectNode runProps = run.putObject("properties");
    suite.tool().gitCommit().ifPresent(c -> runProps.put("gitCommit", c));
    runProps.put("verdict", suite.verdict().name());
    ArrayNode results = run.putArray("results");
    SourceRoots sources = SourceRoots.ofWorkingDirectory();
    for (ScenarioReport s : suite.scenarios()) {
      s.result().counterexample().ifPresent(cex -> result(results.addObject(), s, cex, ruleIndex, sources));
    }
    return Json.write(root);
  }

  private static void result(
      ObjectNode out, ScenarioReport s, Counterexample cex, Map<String, Integer> ruleIndex, SourceRoots sources) {
    VerificationResult r = s.result();
    String ruleId = cex.violation().ruleId();
    out.put("ruleId", ruleId);
    Integer index = ruleIndex.get(ruleId);
    if (index != null) {
      out.put("ruleIndex", index);
    }
    out.put("level", "error");
    out.putObject("message").put("text", cex.violation().property() + " [" + ruleId + "]: "
        + cex.violation().message() + " (in " + s.label() + "; replay: " + cex.replayCommand() + ")");
    ObjectNode where = out.putArray("locations").addObject();
    where.putArray("logicalLocations").addObject()
        .put("name", s.label()).put("fullyQualifiedName", "scenario/" + s.label()).put("kind", "module");
    out.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(s.label(), cex));
    out.putArray("codeFlows").add(codeFlow(cex, sources));
    ObjectNode props = out.putObject("properties");
    props.put("scenario", r.config().scenario());
    props.put("label", s.label());
    props.put("engine", r.engine());
    props.put("property", cex.violation().property());
    props.put("schedule", cex.schedule());
    props.put("replayCommand", cex.replayCommand());
  }

  static String fingerprint(String label, Counterexample cex) {
    String key = label + "\n" + cex.violation().property() + "\n" + cex.violation().ruleId() + "\n"
        + cex.violation().message();
    return Hashing.sha256().hashString(key, StandardCharsets.UTF_8).toString();
  }

  /** One thread flow per thread of the counterexample, its steps in trace order. */
  private static ObjectNode codeFlow(Counterexample cex, SourceRoots sources) {
    ObjectNode flow = Json.object();
    flow.putObject("message").put("text", "the schedule " + cex.schedule());
    Map<String, List<TraceStep>> byThread = new LinkedHashMap<>();
    for (TraceStep step : TraceStep.of(cex.trace())) {
      byThread.computeIfAbsent(step.thread(), t -> new ArrayList<>()).add(step);
    }
    ArrayNode threadFlows = flow.putArray("threadFlows");
    for (Map.Entry<String, List<TraceStep>> thread : byThread.entrySet()) {
      ObjectNode tf = threadFlows.addObject();
      tf.put("id", thread.getKey());
      ArrayNode locations = tf.putArray("locations");
      for (TraceStep step : thread.getValue()) {
        ObjectNode l = locations.addObject();
        l.put("executionOrder", step.seq());
        l.put("importance", step.kind() == TraceStep.Kind.VIOLATION ? "essential" : "important");
        ObjectNode location = l.putObject("location");
        location.putObject("message").put("text", step.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " " + step.text());
        String function = function(step);
        location.putArray("logicalLocations").addObject()
            .put("name", function)
            .put("fullyQualifiedName", step.column().name().toLowerCase(java.util.Locale.ROOT) + "::" + function)
            .put("kind", step.kind() == TraceStep.Kind.NOTE || step.kind() == TraceStep.Kind.VIOLATION
                ? "namespace" : "function");
        cex.source(step.seq()).ifPresent(frame -> physical(location, frame, sources));
      }
    }
    return flow;
  }

  /**
   * The driver's source line behind a step: relative to the checkout when the working
   * directory holds the file, else its package path under a Java source root.
   */
  private static void physical(ObjectNode location, SourceFrame frame, SourceRoots sources) {
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    Optional<String> found = sources.find(frame);
    if (found.isPresent()) {
      artifact.put("uri", found.get());
    } else {
      artifact.put("uri", frame.packagePath());
      artifact.put("uriBaseId", SourceRoots.BASE_ID);
    }
    physical.putObject("region").put("startLine", frame.line());
    location.putObject("properties").put("javaFrame", frame.className() + "." + frame.methodName());
  }

  /** The NDIS function or handler of a step ("NdisClMakeCall"), or what a note is about. */
  private static String function(TraceStep step) {
    String text = step.text();
    int end = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == ' ') {
        end = i;
        break;
      }
    }
    return end == 0 ? step.kind().name().toLowerCase(java.util.Locale.ROOT) : text.substring(0, end);
  }
}
