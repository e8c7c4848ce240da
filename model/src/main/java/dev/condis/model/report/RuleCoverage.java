package dev.condis.model.report;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.VerificationResult;
import dev.condis.reference.rules.Rule;
import dev.condis.reference.rules.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Which rules a run tested at all: per rule of the catalogue, in how many scenario instances
 * a check of it ran in some execution (code that would have reported that rule had the state
 * been wrong). A VERIFIED suite says nothing about a rule it never checked; this lists them.
 * Recorded by the explorer engine; a search cut short (VIOLATION, a bound) counts what it ran.
 */
public final class RuleCoverage {
  /** One rule: its scope (empty when in scope) and the instances that checked it. */
  public record Line(Rule rule, Optional<String> outOfScope, int instances) {
    public boolean inScope() {
      return outOfScope.isEmpty();
    }
  }

  private final ImmutableList<Line> lines;
  private final int instances;
  private final int recordingInstances;

  private RuleCoverage(ImmutableList<Line> lines, int instances, int recordingInstances) {
    this.lines = lines;
    this.instances = instances;
    this.recordingInstances = recordingInstances;
  }

  /**
   * Rule ID to why the default suite never runs a check of it (unchecked-rules.tsv): the known
   * gaps, which DefaultSuiteTest keeps equal to what the suite actually leaves unchecked.
   */
  public static ImmutableMap<String, String> knownUnchecked() {
    ImmutableMap.Builder<String, String> out = ImmutableMap.builder();
    try (InputStream in = RuleCoverage.class.getResourceAsStream("unchecked-rules.tsv")) {
      if (in == null) {
        throw new IllegalStateException("dev/condis/model/report/unchecked-rules.tsv is not on the class path");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\\t", 2);
          out.put(f[0], f[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.buildOrThrow();
  }

  public static RuleCoverage of(List<VerificationResult> results) {
    ImmutableList.Builder<Line> lines = ImmutableList.builder();
    for (Rule rule : RuleCatalog.all()) {
      int n = (int) results.stream().filter(r -> r.rulesChecked().contains(rule.id())).count();
      lines.add(new Line(rule, RuleCatalog.outOfScopeReason(rule.id()), n));
    }
    int recording = (int) results.stream().filter(r -> !r.rulesChecked().isEmpty()).count();
    return new RuleCoverage(lines.build(), results.size(), recording);
  }

  public ImmutableList<Line> lines() {
    return lines;
  }

  /** The rules in scope that no execution of the run checked. */
  public ImmutableList<String> uncheckedInScope() {
    return lines.stream().filter(l -> l.inScope() && l.instances() == 0).map(l -> l.rule().id())
        .collect(ImmutableList.toImmutableList());
  }

  public long checkedInScope() {
    return lines.stream().filter(l -> l.inScope() && l.instances() > 0).count();
  }

  public long inScope() {
    return lines.stream().filter(Line::inScope).count();
  }

  /** The text block {@code verify --coverage} prints after the summary. */
  public String render() {
    StringBuilder out = new StringBuilder("Rule coverage\n");
    if (recordingInstances == 0) {
      return out.append("  not recorded: the engine of this run does not record rule checks (the explorer does)\n")
          .toString();
    }
    ImmutableMap<String, String> known = knownUnchecked();
    Tables table = Tables.withHeader(List.of("rule", "category", "checked in"), 10, 16, 90);
    for (Line l : lines) {
      String why = known.get(l.rule().id());
      table.row(l.rule().id(), l.rule().category().name(),
          l.outOfScope().isPresent() ? "out of scope"
              : l.instances() > 0 ? l.instances() + " of " + instances + " instances"
              : why == null ? "NEVER CHECKED" : "NEVER CHECKED (known gap of the default suite: " + why + ")");
    }
    out.append(table.render(2));
    ImmutableList<String> unchecked = uncheckedInScope();
    out.append(String.format("rules checked: %d of %d in scope (%d out of scope)%s%n",
        checkedInScope(), inScope(), lines.size() - inScope(),
        unchecked.isEmpty() ? "" : "; never checked: " + String.join(", ", unchecked)));
    if (recordingInstances < instances) {
      out.append("  (").append(instances - recordingInstances)
          .append(" instance(s) recorded no checks: an engine that does not record them, or an error)\n");
    }
    return out.toString();
  }
}
