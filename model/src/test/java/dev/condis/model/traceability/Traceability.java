package dev.condis.model.traceability;

import com.google.common.collect.ImmutableSortedSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.rules.Rule;
import dev.condis.reference.rules.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Maps every rule of the digest to the main code that implements or checks it (files citing
 * its ID), the tests that provoke a violation of it and assert its ID, and the tests citing it,
 * or to the written reason it is out of scope. Renders the table committed as TRACEABILITY.md.
 */
final class Traceability {
  static final Pattern RULE_ID =
      Pattern.compile("\\b(GEN|VC|MAKE|CLOSE|ICLOSE|ADD|DROP|IDROP|INCALL|AF|IRQL)-\\d+\\b");

  /**
   * One rule: the main code citing it, the tests citing it, the tests that provoke a violation
   * of it and assert its ID ({@code detected}), or the reason it is out of scope.
   */
  record Row(Rule rule, ImmutableSortedSet<String> code, ImmutableSortedSet<String> tests,
      ImmutableSortedSet<String> detected, String outOfScope) {
    /** Implemented or checked in main code, and a test shows a violation of it detected with its ID. */
    boolean covered() {
      return !code.isEmpty() && !detected.isEmpty();
    }

    /** Cited by main code and by a test: the old, weaker count. */
    boolean cited() {
      return !code.isEmpty() && !tests.isEmpty();
    }

    String status() {
      if (covered()) {
        return "covered";
      }
      if (outOfScope != null) {
        return "out of scope";
      }
      if (code.isEmpty()) {
        return "MISSING";
      }
      return tests.isEmpty() ? "UNTESTED" : "partial: no test provokes it";
    }
  }

  final List<Row> rows = new ArrayList<>();
  /** IDs cited in the sources that are not rules of the digest (typos), with where. */
  final Map<String, String> unknownIds = new TreeMap<>();

  Traceability(Path repo) {
    Map<String, TreeSet<String>> code = scan(repo, List.of("reference-impl/src/main/java", "model/src/main/java", "jpf-config/src/main/java"));
    Map<String, TreeSet<String>> tests = scan(repo, List.of("reference-impl/src/test/java", "model/src/test/java", "jpf-config/src/test/java"));
    Map<String, TreeSet<String>> detected = detections(repo,
        List.of("reference-impl/src/test/java", "model/src/test/java", "jpf-config/src/test/java", "examples/src/test/java"));
    for (SeededFault fault : SeededFault.values()) {
      // model's SeededFaultTest asserts each fault is caught with exactly this rule ID.
      detected.computeIfAbsent(fault.ruleId(), k -> new TreeSet<>()).add("fault " + fault.cliName());
    }
    for (Rule rule : RuleCatalog.all()) {
      rows.add(
          new Row(
              rule,
              ImmutableSortedSet.copyOf(code.getOrDefault(rule.id(), new TreeSet<>())),
              ImmutableSortedSet.copyOf(tests.getOrDefault(rule.id(), new TreeSet<>())),
              ImmutableSortedSet.copyOf(detected.getOrDefault(rule.id(), new TreeSet<>())),
              RuleCatalog.outOfScopeReason(rule.id()).orElse(null)));
    }
  }

  /**
   * Words that make a test statement an assertion about a violation's rule: a statement of a
   * test (up to its ';') that contains one of them and a rule ID in a string literal asserts
   * that a violation of that rule is detected (e.g. {@code assertThat(f.rec.ruleIds())
   * .containsExactly("VC-5")}, {@code violation().ruleId()).isEqualTo("VC-11")}).
   */
  private static final Pattern ASSERTS_RULE = Pattern.compile("\\bruleIds?\\b|RuleViolation|violations\\(\\)");
  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

  private Map<String, TreeSet<String>> detections(Path repo, List<String> roots) {
    Map<String, TreeSet<String>> out = new LinkedHashMap<>();
    forEachSource(repo, roots, "Test.java", (file, name) -> {
      for (String statement : read(file).split(";")) {
        if (!statement.contains("assertThat") || !ASSERTS_RULE.matcher(statement).find()) {
          continue;
        }
        Matcher literal = LITERAL.matcher(statement);
        while (literal.find()) {
          Matcher id = RULE_ID.matcher(literal.group(1));
          while (id.find()) {
            if (RuleCatalog.isKnown(id.group())) {
              out.computeIfAbsent(id.group(), k -> new TreeSet<>()).add(name);
            }
          }
        }
      }
    });
    return out;
  }

  /** Calls {@code each} with every file under {@code roots} whose name ends in {@code suffix}, and its class name. */
  private static void forEachSource(Path repo, List<String> roots, String suffix,
      java.util.function.BiConsumer<Path, String> each) {
    for (String root : roots) {
      Path dir = repo.resolve(root);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(suffix))
            .forEach(file -> each.accept(file, file.getFileName().toString().replace(".java", "")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  long coveredCount() {
    return rows.stream().filter(Row::covered).count();
  }

  long citedCount() {
    return rows.stream().filter(Row::cited).count();
  }

  long outOfScopeCount() {
    return rows.stream().filter(r -> !r.covered() && r.outOfScope() != null).count();
  }

  String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Rule traceability\n\n")
        .append("Generated by `TraceabilityTest` from the sources; do not edit.\n")
        .append("Regenerate: `mvn -q -pl model -am test -Dtest=TraceabilityTest -Dsurefire.failIfNoSpecifiedTests=false -Dtraceability.write=true`.\n\n")
        .append("A rule is **covered** only if main code implements or checks it (cites its ID) *and* a test\n")
        .append("provokes a violation of it and asserts the detection with that rule ID: a test statement\n")
        .append("asserting on a `ruleId`, `ruleIds()`, `violations()` or a `RuleViolation` with the ID as\n")
        .append("a literal, or a seeded fault (model's `SeededFaultTest` asserts each fault's rule). A rule\n")
        .append("cited by a test that provokes no violation of it is **partial**.\n\n")
        .append(String.format("Covered: **%d of %d** (%.1f %%); out of scope with a written reason: %d; cited by main code "
            + "and a test (the weaker count this table used to give): %d.%n%n",
            coveredCount(), rows.size(), 100.0 * coveredCount() / rows.size(), outOfScopeCount(), citedCount()))
        .append("The column *suite checks it* says whether some execution of the default suite runs a\n")
        .append("check of the rule (`verify --coverage`; the exceptions and their reasons are in\n")
        .append("`model/src/main/resources/dev/condis/model/report/unchecked-rules.tsv`, which `DefaultSuiteTest`\n")
        .append("keeps equal to what the suite leaves unchecked).\n\n")
        .append("| rule | category | status | suite checks it | implemented / checked in | detection shown by | cited in tests |\n")
        .append("|---|---|---|---|---|---|---|\n");
    java.util.Map<String, String> unchecked = dev.condis.model.report.RuleCoverage.knownUnchecked();
    for (Row row : rows) {
      md.append("| ").append(row.rule().id())
          .append(" | ").append(row.rule().category())
          .append(" | ").append(row.status())
          .append(" | ").append(row.outOfScope() != null ? "-" : unchecked.containsKey(row.rule().id()) ? "no" : "yes")
          .append(" | ").append(row.outOfScope() != null && !row.covered() ? row.outOfScope() : String.join(", ", row.code()))
          .append(" | ").append(String.join(", ", row.detected()))
          .append(" | ").append(String.join(", ", row.tests()))
          .append(" |\n");
    }
    mutationRun(md);
    return md.toString();
  }

  /**
   * The mutants of the reference drivers are its seeded faults: each is one changed behaviour of
   * a driver, switched on by name. SeededFaultTest (model) searches each in its scenario and
   * asserts the violation carries the fault's rule, so the build passes only if every mutant is
   * killed with its expected rule.
   */
  private static void mutationRun(StringBuilder md) {
    dev.condis.reference.fault.SeededFault[] faults = dev.condis.reference.fault.SeededFault.values();
    md.append("\n## Mutation run\n\n")
        .append("Mutants of the reference drivers: the seeded faults (`./condis-verify list faults`), each one\n")
        .append("changed driver behaviour. `SeededFaultTest` (model, part of `mvn -B verify`) searches each in\n")
        .append("the scenario below with the explorer and fails unless the first violation found carries the\n")
        .append("expected rule; by hand: `./condis-verify verify --scenario S ... --inject NAME`.\n\n")
        .append(String.format("Kill rate: **%d of %d** mutants killed with their expected rule (a passing build "
            + "asserts every one).%n%n", faults.length, faults.length))
        .append("| mutant (`--inject`) | expected rule | property | scenario instance |\n")
        .append("|---|---|---|---|\n");
    for (dev.condis.reference.fault.SeededFault f : faults) {
      md.append("| `").append(f.cliName()).append("` | ").append(f.ruleId()).append(" | ").append(f.property())
          .append(" | `").append(dev.condis.model.scenario.FaultScenarios.forFault(f).label()).append("` |\n");
    }
  }

  private Map<String, TreeSet<String>> scan(Path repo, List<String> roots) {
    Map<String, TreeSet<String>> citations = new LinkedHashMap<>();
    forEachSource(repo, roots, ".java", (file, name) -> {
      Matcher m = RULE_ID.matcher(read(file));
      while (m.find()) {
        String id = m.group();
        if (RuleCatalog.isKnown(id)) {
          citations.computeIfAbsent(id, k -> new TreeSet<>()).add(name);
        } else {
          unknownIds.putIfAbsent(id, repo.relativize(file).toString());
        }
      }
    });
    return citations;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
