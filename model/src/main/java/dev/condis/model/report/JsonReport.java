package dev.condis.model.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.engine.Verdict;

/**
 * The JSON report, schema {@value #SCHEMA}. Stable: fields are only ever added, and a
 * change in meaning changes the schema id. Documented in README.md ("Reports").
 *
 * <pre>{@code
 * {
 *   "schema": "condis-verify-report/1",
 *   "tool": {"name": "condis-verify", "version": "0.1.0-SNAPSHOT", "gitCommit": "..." | null},
 *   "startedAt": "2025-01-01T12:00:00Z",
 *   "wallTimeMillis": 1234,
 *   "verdict": "VERIFIED" | "VIOLATION" | "INCONCLUSIVE" | "ERROR",   // the worst scenario's
 *   "exitCode": 0 | 1 | 3 | 4,
 *   "summary": {"scenarios": 8, "verified": 8, "violation": 0, "inconclusive": 0, "error": 0},
 *   "scenarios": [{
 *     "scenario": "close-race", "label": "close-race[parties=1,cm=mcm,vc=client]",
 *     "parameters": {"parties": 1, "cm": "standalone" | "mcm", "vc": "client" | "cm", "faults": []},
 *     "drivers": {"reference": true, "client": null, "callManager": null, "miniport": null, "classpath": [], "code": "none"},
 *     "engine": "explorer", "verdict": "VERIFIED", "exitCode": 0,
 *     "detail": null,           // why INCONCLUSIVE (which bound) or what went wrong (ERROR)
 *     "properties": ["exactly-once-completion", ...],
 *     "bounds": {"maxExecutions": 2000000, "maxDepth": 2000, "timeBudgetMillis": 600000},
 *     "figures": {"executions": .., "pruned": .., "maxDepth": .., "decisionPoints": .., "states": ..,
 *                 "wallTimeMillis": .., "executionsPerSecond": ..},          // -1 = not known
 *     "rulesChecked": ["ADD-1", ...],  // rules a check of ran in some execution (explorer; else [])
 *     "counterexample": null | {
 *       "property": "exactly-once-completion", "ruleId": "GEN-2", "message": "...",
 *       "schedule": "...", "replayCommand": "condis-verify replay ...",
 *       "trace": [{"seq": 1, "thread": "client", "type": "ApiCalled",
 *                  "fields": {"caller": "CLIENT", "api": "NdisClMakeCall", "args": "..."}}, ...],
 *       "sequenceChart": "...", "mermaid": "sequenceDiagram\n..."
 *     }
 *   }]
 * }
 * }</pre>
 */
public final class JsonReport {
  public static final String SCHEMA = "condis-verify-report/1";

  private JsonReport() {}

  public static String render(SuiteReport suite) {
    return Json.write(toJson(suite));
  }

  public static ObjectNode toJson(SuiteReport suite) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.set("tool", tool(suite.tool()));
    root.put("startedAt", suite.startedAt().toString());
    root.put("wallTimeMillis", suite.wallTime().toMillis());
    root.put("verdict", suite.verdict().name());
    root.put("exitCode", suite.exitCode());
    ObjectNode summary = root.putObject("summary");
    summary.put("scenarios", suite.scenarios().size());
    summary.put("verified", suite.count(Verdict.VERIFIED));
    summary.put("violation", suite.count(Verdict.VIOLATION));
    summary.put("inconclusive", suite.count(Verdict.INCONCLUSIVE));
    summary.put("error", suite.count(Verdict.ERROR));
    ArrayNode scenarios = root.putArray("scenarios");
    suite.scenarios().forEach(s -> scenarios.add(scenario(s)));
    return root;
  }

  static ObjectNode tool(ToolInfo tool) {
    ObjectNode n = Json.object();
    n.put("name", tool.name());
    n.put("version", tool.version());
    n.put("gitCommit", tool.gitCommit().orElse(null));
    return n;
  }

  static ObjectNode scenario(ScenarioReport s) {
    VerificationResult r = s.result();
    ObjectNode n = Json.object();
    n.put("scenario", r.config().scenario());
    n.put("label", s.label());
    n.set("parameters", Json.parameters(r.config()));
    n.set("drivers", Json.drivers(r.config().drivers()));
    n.put("engine", r.engine());
    n.put("verdict", r.verdict().name());
    n.put("exitCode", r.verdict().exitCode());
    n.put("detail", r.detail().orElse(null));
    ArrayNode properties = n.putArray("properties");
    r.properties().forEach(properties::add);
    n.set("bounds", Json.bounds(s.bounds()));
    n.set("figures", Json.figures(r.figures()));
    ArrayNode checked = n.putArray("rulesChecked");
    r.rulesChecked().forEach(checked::add);
    if (r.counterexample().isPresent()) {
      n.set("counterexample", Json.counterexample(r.counterexample().get()));
    } else {
      n.putNull("counterexample");
    }
    return n;
  }
}
