package dev.condis.model.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Figures;
import dev.condis.model.plugin.PluginCode;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.fault.SeededFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * The JSON building blocks shared by the report and the proof certificates, so that a
 * scenario, its bounds, its figures and a counterexample look the same in both.
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Two-space indentation, one array element per line, {@code "key": value}. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
          .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static String write(JsonNode node) {
    try {
      // A lone surrogate cannot be encoded in UTF-8; escaped (backslash, u, four hex digits) it is valid JSON.
      return SafeText.wellFormed(MAPPER.writer(PRETTY).writeValueAsString(node)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "standalone" or "mcm", as {@code --cm} spells it ({@link ScenarioDefinition#cliName}). */
  public static String cmName(ScenarioConfig c) {
    return ScenarioDefinition.cliName(c.callManagerKind());
  }

  /** "client" or "cm", as {@code --vc} spells it ({@link ScenarioDefinition#cliName}). */
  public static String vcName(ScenarioConfig c) {
    return ScenarioDefinition.cliName(c.vcOwner());
  }

  /** {@code {"parties": 2, "cm": "mcm", "vc": "client", "faults": ["..."]}} */
  public static ObjectNode parameters(ScenarioConfig c) {
    ObjectNode p = object();
    p.put("parties", c.parties());
    p.put("cm", cmName(c));
    p.put("vc", vcName(c));
    ArrayNode faults = p.putArray("faults");
    c.faults().asSet().stream()
        .sorted(Comparator.comparing(SeededFault::cliName))
        .forEach(f -> faults.add(f.cliName()));
    return p;
  }

  /**
   * {@code {"reference": true, "client": null, "callManager": null, "miniport": null,
   * "classpath": []}}; a user class replaces the null.
   */
  public static ObjectNode drivers(DriverSelection d) {
    ObjectNode n = object();
    n.put("reference", d.isReference());
    n.put("client", d.clientClass().orElse(null));
    n.put("callManager", d.callManagerClass().orElse(null));
    n.put("miniport", d.miniportClass().orElse(null));
    ArrayNode cp = n.putArray("classpath");
    d.classpath().stream().map(Path::toString).forEach(cp::add);
    n.put("code", PluginCode.of(d.classpath())); // which build of the user's classes was checked
    return n;
  }

  /** {@code {"maxExecutions": .., "maxDepth": .., "timeBudgetMillis": ..}} */
  public static ObjectNode bounds(Bounds b) {
    ObjectNode n = object();
    n.put("maxExecutions", b.maxExecutions());
    n.put("maxDepth", b.maxDepth());
    n.put("timeBudgetMillis", b.timeBudget().toMillis());
    return n;
  }

  /** Every figure; -1 where the engine does not know it. */
  public static ObjectNode figures(Figures f) {
    ObjectNode n = object();
    n.put("executions", f.executions());
    n.put("pruned", f.pruned());
    n.put("maxDepth", f.maxDepth());
    n.put("decisionPoints", f.decisionPoints());
    n.put("states", f.states());
    n.put("wallTimeMillis", f.wallTime().toMillis());
    n.put("executionsPerSecond", Math.round(f.executionsPerSecond() * 10) / 10.0);
    return n;
  }

  /**
   * {@code {"property", "ruleId", "message", "schedule", "replayCommand", "trace": [event...],
   * "sequenceChart": text, "mermaid": text}}.
   */
  public static ObjectNode counterexample(Counterexample cex) {
    ObjectNode n = object();
    n.put("property", cex.violation().property());
    n.put("ruleId", cex.violation().ruleId());
    n.put("message", cex.violation().message());
    n.put("schedule", cex.schedule());
    n.put("replayCommand", cex.replayCommand());
    ArrayNode trace = n.putArray("trace");
    cex.trace().forEach(e -> trace.add(event(e)));
    n.put("sequenceChart", SequenceChart.render(cex.trace(), 0));
    n.put("mermaid", MermaidDiagram.render(cex.trace()));
    return n;
  }

  /**
   * One event: {@code {"seq": 4, "thread": "client", "type": "ApiCalled", "fields": {"caller":
   * "CLIENT", "api": "NdisClCloseCall", "args": "vc#1"}}}. {@code fields} holds the event's
   * own components by name (enums by name, nested records as objects).
   */
  public static ObjectNode event(NdisEvent e) {
    ObjectNode n = object();
    n.put("seq", e.stamp().seq());
    n.put("thread", e.stamp().thread());
    n.put("type", e.getClass().getSimpleName());
    ObjectNode fields = n.putObject("fields");
    for (RecordComponent rc : e.getClass().getRecordComponents()) {
      if (rc.getName().equals("stamp")) {
        continue;
      }
      fields.set(rc.getName(), value(component(rc, e)));
    }
    return n;
  }

  private static Object component(RecordComponent rc, Object record) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException ex) {
      return "<" + ex + ">";
    }
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return F.nullNode();
    } else if (v instanceof Optional<?> o) {
      return value(o.orElse(null));
    } else if (v instanceof Boolean b) {
      return F.booleanNode(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return F.numberNode(((Number) v).longValue());
    } else if (v instanceof Number num) {
      return F.numberNode(num.doubleValue());
    } else if (v instanceof Enum<?> en) {
      return F.textNode(en.name());
    } else if (v instanceof Record r) {
      ObjectNode o = object();
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        o.set(rc.getName(), value(component(rc, r)));
      }
      return o;
    }
    return F.textNode(v.toString());
  }
}
