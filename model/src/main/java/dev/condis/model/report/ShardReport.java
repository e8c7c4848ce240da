package dev.condis.model.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.condis.model.engine.ShardShare;
import dev.condis.model.engine.VerificationResult;
import java.util.List;

/**
 * What one shard ({@code verify --shard K/N}) wrote for {@code condis-verify merge}: the tool
 * and its commit, K/N, the options every shard of one run must share, and per scenario
 * instance the shard's share (units owned of units numbered, complete or not, its violation's
 * unit, the states it reached and those it relied on another unit for), its figures, the rules
 * it checked, and its counterexample (property, rule, message,
 * schedule and replay command: merge replays it for the trace). Schema {@value #SCHEMA}.
 */
public final class ShardReport {
  public static final String SCHEMA = "condis-verify-shard/1";

  private ShardReport() {}

  /**
   * @param options what must be equal across the shards of one run (engine, bounds, properties,
   *     state cache, split depth, the instances selected), as one JSON object
   * @param checkOptions per instance, the {@code verify} options that select it alone
   */
  public static String render(SuiteReport suite, int index, int count, ObjectNode options, List<String> checkOptions) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.set("tool", JsonReport.tool(suite.tool()));
    root.put("startedAt", suite.startedAt().toString());
    ObjectNode shard = root.putObject("shard");
    shard.put("index", index);
    shard.put("count", count);
    root.set("options", options);
    ArrayNode instances = root.putArray("instances");
    for (int i = 0; i < suite.scenarios().size(); i++) {
      ScenarioReport s = suite.scenarios().get(i);
      VerificationResult r = s.result();
      ObjectNode n = instances.addObject();
      n.put("label", s.label());
      n.put("checkOptions", checkOptions.get(i).strip());
      n.put("engine", r.engine());
      n.put("verdict", r.verdict().name());
      n.put("detail", r.detail().orElse(null));
      ArrayNode properties = n.putArray("properties");
      r.properties().forEach(properties::add);
      n.set("figures", Json.figures(r.figures()));
      ArrayNode checked = n.putArray("rulesChecked");
      r.rulesChecked().forEach(checked::add);
      ObjectNode share = n.putObject("share");
      r.shard().ifPresent(sh -> share(share, sh));
      if (r.counterexample().isPresent()) {
        ObjectNode x = n.putObject("counterexample");
        x.put("property", r.counterexample().get().violation().property());
        x.put("ruleId", r.counterexample().get().violation().ruleId());
        x.put("message", r.counterexample().get().violation().message());
        x.put("schedule", r.counterexample().get().schedule());
        x.put("replayCommand", r.counterexample().get().replayCommand());
      } else {
        n.putNull("counterexample");
      }
    }
    return Json.write(root);
  }

  private static void share(ObjectNode n, ShardShare s) {
    n.put("splitDepth", s.depth());
    n.put("units", s.units());
    n.put("unitsOwned", s.unitsOwned());
    n.put("failureUnit", s.failureUnit());
    n.put("complete", s.complete());
    ArrayNode unmet = n.putArray("unmetPremises");
    s.unmetPremises().forEach(unmet::add);
    ObjectNode sizes = n.putObject("unitExecutions");
    s.unitExecutions().forEach((unit, executions) -> sizes.put(Long.toString(unit), executions));
    ObjectNode parts = n.putObject("partExecutions");
    s.partExecutions().forEach(parts::put);
    ObjectNode reached = n.putObject("reached");
    s.reached().forEach(reached::put);
    ObjectNode relied = n.putObject("relied");
    s.relied().forEach(relied::put);
  }
}
