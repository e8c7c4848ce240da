package dev.condis.model.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.report.Formats;
import dev.condis.model.report.Json;
import dev.condis.model.report.ScenarioReport;
import dev.condis.model.report.ToolInfo;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.reference.rules.RuleCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A machine-written proof certificate for one scenario checked, schema {@value #SCHEMA}: what
 * is claimed, about which drivers, under which bounds and assumptions, with the figures that
 * back it. Only a VERIFIED result yields {@code "status": "PROVED"}; proofs/README.md
 * explains how to read one.
 *
 * <pre>{@code
 * {
 *   "schema": "condis-verify-certificate/1",
 *   "status": "PROVED" | "REFUTED" | "NOT_PROVED" | "NO_RESULT",
 *   "verdict": "VERIFIED" | "VIOLATION" | "INCONCLUSIVE" | "ERROR",
 *   "statement": "...",                  // the claim (or non-claim) in one paragraph
 *   "properties": [{"id", "description", "ruleCategories": ["DOUBLE_COMPLETE", ...]}],
 *   "ruleCategories": [...],             // union over the properties
 *   "engineChecks": ["no-uncaught-exception", "livelock"],   // jpf: ..., "data-race"
 *   "scenario": {"name", "label", "parameters": {"parties", "cm", "vc", "faults"}},
 *   "drivers": {"reference", "client", "callManager", "miniport", "classpath", "code"},
 *   "engine": "explorer",
 *   "bounds": {"maxExecutions", "maxDepth", "timeBudgetMillis"},
 *   "figures": {"executions", "pruned", "maxDepth", "decisionPoints", "states", "wallTimeMillis", ...},
 *   "coverage": "...",                   // what the search covered, in words
 *   "counterexample": null | {"property", "ruleId", "message", "schedule", "replayCommand"},
 *   "assumptions": ["data-race freedom: ...", ...],
 *   "tool": {"name", "version", "gitCommit"},
 *   "date": "2025-01-01T12:00:00Z"
 * }
 * }</pre>
 */
public final class ProofCertificate {
  public static final String SCHEMA = "condis-verify-certificate/1";

  /** What a certificate says about its statement. */
  public enum Status {
    /** VERIFIED: the statement holds within the bounds, under the assumptions. */
    PROVED,
    /** VIOLATION: the statement is false; the counterexample shows it. */
    REFUTED,
    /** INCONCLUSIVE: a bound stopped the search; only the coverage is stated. */
    NOT_PROVED,
    /** ERROR: the engine failed; nothing is stated. */
    NO_RESULT
  }

  private ProofCertificate() {}

  public static Status status(VerificationResult r) {
    return switch (r.verdict()) {
      case VERIFIED -> Status.PROVED;
      case VIOLATION -> Status.REFUTED;
      case INCONCLUSIVE -> Status.NOT_PROVED;
      case ERROR -> Status.NO_RESULT;
    };
  }

  /**
   * The certificate for one scenario.
   *
   * @param descriptions property id to one-line description (ids not in it are shown bare)
   * @param engineChecks the checks the engine makes on every run without a listener
   */
  public static ObjectNode of(
      ScenarioReport report,
      ToolInfo tool,
      Instant date,
      Map<String, String> descriptions,
      List<String> engineChecks) {
    VerificationResult r = report.result();
    ScenarioConfig c = r.config();
    ObjectNode n = Json.object();
    n.put("schema", SCHEMA);
    n.put("status", status(r).name());
    n.put("verdict", r.verdict().name());
    n.put("statement", statement(report, engineChecks));

    ArrayNode properties = n.putArray("properties");
    Set<RuleCategory> categories = new LinkedHashSet<>();
    for (String id : r.properties()) {
      ObjectNode p = properties.addObject();
      p.put("id", id);
      p.put("description", descriptions.getOrDefault(id, id));
      ArrayNode cats = p.putArray("ruleCategories");
      for (RuleCategory cat : RuleCategories.of(id)) {
        cats.add(cat.name());
        categories.add(cat);
      }
    }
    ArrayNode cats = n.putArray("ruleCategories");
    categories.forEach(cat -> cats.add(cat.name()));
    ArrayNode checks = n.putArray("engineChecks");
    engineChecks.forEach(checks::add);

    ObjectNode scenario = n.putObject("scenario");
    scenario.put("name", c.scenario());
    scenario.put("label", c.label());
    scenario.set("parameters", Json.parameters(c));
    n.set("drivers", Json.drivers(c.drivers()));
    n.put("engine", r.engine());
    n.set("bounds", Json.bounds(report.bounds()));
    n.set("figures", Json.figures(r.figures()));
    n.put("coverage", coverage(report));
    if (r.counterexample().isPresent()) {
      Counterexample cex = r.counterexample().get();
      ObjectNode x = n.putObject("counterexample");
      x.put("property", cex.violation().property());
      x.put("ruleId", cex.violation().ruleId());
      x.put("message", cex.violation().message());
      x.put("schedule", cex.schedule());
      x.put("replayCommand", cex.replayCommand());
    } else {
      n.putNull("counterexample");
    }
    ArrayNode assumptions = n.putArray("assumptions");
    // A VERIFIED explorer result's detail is its state cache's line (ExplorerEngine).
    String cache = r.verdict() == Verdict.VERIFIED && "explorer".equals(r.engine()) ? r.detail().orElse(null) : null;
    Assumptions.of(c, report.bounds(), r.engine(), engineChecks, cache, r.byRandomWalks()).forEach(assumptions::add);
    ObjectNode t = n.putObject("tool");
    t.put("name", tool.name());
    t.put("version", tool.version());
    t.put("gitCommit", tool.gitCommit().orElse(null));
    n.put("date", date.toString());
    return n;
  }

  /** The claim in one paragraph (for NOT_PROVED and NO_RESULT: that nothing is claimed). */
  static String statement(ScenarioReport report, List<String> engineChecks) {
    VerificationResult r = report.result();
    ScenarioConfig c = r.config();
    String subject =
        "scenario " + c.scenario() + " (parties=" + c.parties() + ", cm=" + Json.cmName(c)
            + ", vc=" + Json.vcName(c)
            + (c.faults().isEmpty() ? "" : ", seeded faults " + c.faults())
            + ") with " + drivers(c.drivers());
    List<String> listeners = new ArrayList<>(r.properties());
    listeners.removeAll(engineChecks);
    String props = String.join(", ", listeners);
    List<String> cats = new ArrayList<>();
    for (String id : r.properties()) {
      RuleCategories.of(id).forEach(cat -> {
        if (!cats.contains(cat.name())) {
          cats.add(cat.name());
        }
      });
    }
    String catText = cats.isEmpty() ? "" : " (rule categories " + String.join(", ", cats) + ")";
    String checks =
        engineChecks.isEmpty() ? "" : "; nor does any fail the engine's own checks (" + String.join(", ", engineChecks) + ")";
    return switch (r.verdict()) {
      case VERIFIED ->
          "In " + subject + ", no execution violates " + props + catText + checks + ". The "
              + engineName(r.engine()) + " explored every execution of the scenario - every "
              + "interleaving of its threads and deferred calls at Platform synchronisation points "
              + "and every value of every Platform.choose - each within " + report.bounds().maxDepth()
              + " steps, without reaching a search bound, under the assumptions listed.";
      case VIOLATION ->
          "Refuted: in " + subject + ", property "
              + r.counterexample().map(x -> x.violation().property() + " fails (rule "
                  + x.violation().ruleId() + ")").orElse("fails")
              + "; the counterexample replays it.";
      case INCONCLUSIVE ->
          "Not proved: in " + subject + ", the search for violations of " + props + catText
              + " stopped at a bound (" + r.detail().orElse("unspecified") + ") before it had "
              + "explored every execution. No violation was found in the executions explored; "
              + "nothing is claimed about the others.";
      case ERROR ->
          "No result: the " + engineName(r.engine()) + " failed on " + subject + " ("
              + r.detail().orElse("no detail") + "); nothing is claimed.";
    };
  }

  static String coverage(ScenarioReport report) {
    VerificationResult r = report.result();
    Bounds b = report.bounds();
    String figures = Formats.figures(r.figures());
    return switch (r.verdict()) {
      case VERIFIED -> "exhaustive: " + figures + "; no bound reached";
      case VIOLATION -> "stopped at the first violation: " + figures;
      case INCONCLUSIVE ->
          "partial: " + figures + "; stopped by " + r.detail().orElse("a bound") + " (bounds: "
              + b.maxExecutions() + " executions, depth " + b.maxDepth() + ", "
              + Formats.duration(b.timeBudget()) + ")";
      case ERROR -> "none: " + r.detail().orElse("the engine failed");
    };
  }

  private static String drivers(DriverSelection d) {
    if (d.isReference()) {
      return "the reference client, call manager and miniport";
    }
    return "client " + d.clientClass().orElse("(reference)") + ", call manager "
        + d.callManagerClass().orElse("(reference)") + " and miniport "
        + d.miniportClass().orElse("(reference)");
  }

  private static String engineName(String engine) {
    return switch (engine.toLowerCase(Locale.ROOT)) {
      case "explorer" -> "embedded explorer";
      case "jpf" -> "Java PathFinder engine";
      default -> engine + " engine";
    };
  }
}
