package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.condis.model.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --shard K/N} then {@code merge}: the shards of a run merge into the verdict of
 * the whole search, a violation with the counterexample an in-process split reports, and
 * anything short of one run's complete set of shards is bad input that claims nothing.
 */
class MergeCommandTest {
  /**
   * The built-in properties only: the test class path also registers example properties that
   * are not trace-invariant, which would multiply every search by the orders of the events.
   */
  private static final List<String> BUILT_IN = dev.condis.model.property.PropertyCatalog.builtInIds().stream()
      .flatMap(id -> java.util.stream.Stream.of("--property", id)).toList();

  @TempDir Path dir;

  private static FakeEngines.Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = new CliEnvironment(new ServiceEngineDirectory(), false, () -> dev.condis.model.report.Fixtures.TOOL, environment);
    int exit = CondisVerify.run(args, env, new PrintWriter(out), new PrintWriter(err));
    return new FakeEngines.Run(exit, out.toString(), err.toString());
  }

  /** {@code verify} with {@code instance}, the built-in properties only, then {@code more}. */
  private static String[] verify(String[] instance, String... more) {
    List<String> args = new ArrayList<>(List.of("verify"));
    args.addAll(List.of(instance));
    args.addAll(BUILT_IN);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private List<Path> shards(int count, String... verify) {
    List<Path> files = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      Path file = dir.resolve("shard-" + k + ".json");
      FakeEngines.Run r = run(Map.of(), verify(verify, "--shard", k + "/" + count, "--shard-report", file.toString(), "--quiet"));
      assertThat(r.exit()).as(r.err()).isIn(0, 1);
      try {
        assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.SHARD,
            Files.readString(file))).as("valid against condis-verify-shard-1.schema.json").isEmpty();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      files.add(file);
    }
    return files;
  }

  /** {@link #shards}, each report kept under {@code prefix} (the next call writes the same names). */
  private List<Path> keptShards(String prefix, int count, String... verify) throws IOException {
    List<Path> kept = new ArrayList<>();
    for (Path f : shards(count, verify)) {
      kept.add(Files.copy(f, dir.resolve(prefix + f.getFileName())));
    }
    return kept;
  }

  private static String[] merge(List<Path> files, String... more) {
    List<String> args = new ArrayList<>(List.of("merge"));
    files.forEach(f -> args.add(f.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void threeShardsMergeIntoAVerifiedInstanceWithItsCertificate() throws IOException {
    List<Path> files = shards(3, "--scenario", "make-close", "--cm", "mcm", "--vc", "client");
    JsonNode shard = Json.MAPPER.readTree(Files.readString(files.get(0)));
    assertThat(shard.at("/instances/0/verdict").asText()).as("a shard claims nothing").isEqualTo("INCONCLUSIVE");
    assertThat(shard.at("/instances/0/share/complete").asBoolean()).isTrue();

    Path report = dir.resolve("merged.json");
    FakeEngines.Run merged = run(Map.of(), merge(files, "--format", "json", "--output", report.toString(),
        "--certificates", dir.resolve("certs").toString()));
    assertThat(merged.exit()).as(merged.out() + merged.err()).isZero();
    JsonNode root = Json.MAPPER.readTree(Files.readString(report));
    assertThat(root.at("/scenarios/0/verdict").asText()).isEqualTo("VERIFIED");
    assertThat(root.at("/scenarios/0/detail").asText()).contains("search split over 3 shards below depth 6, merged");
    assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.REPORT, Files.readString(report))).isEmpty();
    JsonNode certificate = Json.MAPPER.readTree(Files.readString(
        dir.resolve("certs/make-close_parties-0_cm-mcm_vc-client.json")));
    assertThat(certificate.toString()).contains("split search: ");
  }

  @Test
  void shardsThatNumberedTheUnitsDifferentlyMergeIntoAnErrorNotAProof() throws IOException {
    List<Path> files = shards(2, "--scenario", "make-close", "--cm", "mcm", "--vc", "client");
    ObjectNode second = (ObjectNode) Json.MAPPER.readTree(Files.readString(files.get(1)));
    ObjectNode share = (ObjectNode) second.at("/instances/0/share");
    share.put("units", share.path("units").asLong() + 1); // as a worker whose cache cut in the top levels would
    Files.writeString(files.get(1), Json.MAPPER.writeValueAsString(second));

    Path report = dir.resolve("merged.json");
    FakeEngines.Run merged = run(Map.of(), merge(files, "--format", "json", "--output", report.toString()));
    JsonNode scenario = Json.MAPPER.readTree(Files.readString(report)).at("/scenarios/0");
    assertThat(scenario.path("verdict").asText()).as(merged.out() + merged.err()).isEqualTo("ERROR");
    assertThat(scenario.path("detail").asText()).contains("numbered the instance's work units differently")
        .contains("nothing is claimed");
  }

  @Test
  void aViolationInAnyShardIsTheVerdictWithTheSameCounterexampleAsAnInProcessSplit() throws IOException {
    String[] instance = {"--scenario", "make-close", "--cm", "mcm", "--vc", "client", "--inject", "mcm-double-close-complete"};
    List<Path> files = shards(2, instance);
    Path report = dir.resolve("merged.json");
    FakeEngines.Run merged = run(Map.of(), merge(files, "--format", "json", "--output", report.toString()));
    assertThat(merged.exit()).isEqualTo(1);
    JsonNode cex = Json.MAPPER.readTree(Files.readString(report)).at("/scenarios/0/counterexample");
    assertThat(cex.path("ruleId").asText()).isEqualTo("GEN-2");
    assertThat(cex.path("trace")).as("replayed for its trace").isNotEmpty();

    Path whole = dir.resolve("split.json");
    assertThat(run(Map.of(), verify(instance, "--split", "2", "--format", "json", "--output", whole.toString(), "--quiet"))
        .exit()).isEqualTo(1);
    assertThat(cex.path("schedule").asText())
        .isEqualTo(Json.MAPPER.readTree(Files.readString(whole)).at("/scenarios/0/counterexample/schedule").asText());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(dev.condis.reference.fault.SeededFault.class)
  void everySeededFaultMergesIntoTheViolationAnUnshardedRunFinds(dev.condis.reference.fault.SeededFault fault)
      throws IOException {
    dev.condis.model.scenario.ScenarioConfig config = dev.condis.model.scenario.FaultScenarios.forFault(fault);
    String[] instance = dev.condis.model.engine.CheckOptions.of(config, null).strip().split(" ");
    // Shards do not stop each other across processes: the one that owns no failing unit would
    // explore its whole share, so both are bounded (a violation from either is the verdict).
    List<String> bounded = new ArrayList<>(List.of(instance));
    bounded.addAll(List.of("--max-executions", "5000"));
    List<Path> files = shards(2, bounded.toArray(String[]::new));
    Path merged = dir.resolve("merged.json");
    assertThat(run(Map.of(), merge(files, "--format", "json", "--output", merged.toString())).exit()).isEqualTo(1);
    Path whole = dir.resolve("whole.json");
    assertThat(run(Map.of(), verify(instance, "--workers", "1", "--format", "json", "--output", whole.toString(), "--quiet"))
        .exit()).isEqualTo(1);
    JsonNode a = Json.MAPPER.readTree(Files.readString(merged)).at("/scenarios/0/counterexample");
    JsonNode b = Json.MAPPER.readTree(Files.readString(whole)).at("/scenarios/0/counterexample");
    assertThat(a.path("property").asText()).isEqualTo(b.path("property").asText()).isEqualTo(fault.property());
    assertThat(a.path("ruleId").asText()).isEqualTo(b.path("ruleId").asText()).isEqualTo(fault.ruleId());
  }

  @Test
  void theDefaultSuiteInTwoShardsMergesIntoTheUnshardedVerdicts() throws IOException {
    List<Path> files = shards(2);
    Path merged = dir.resolve("merged.json");
    FakeEngines.Run r = run(Map.of(), merge(files, "--format", "json", "--output", merged.toString()));
    assertThat(r.exit()).as(r.out()).isZero();
    JsonNode scenarios = Json.MAPPER.readTree(Files.readString(merged)).path("scenarios");
    assertThat(scenarios).hasSize(dev.condis.model.scenario.ScenarioCatalog.defaultSuite().size());
    scenarios.forEach(s -> assertThat(s.path("verdict").asText()).as(s.path("label").asText()).isEqualTo("VERIFIED"));
  }

  /**
   * The units' sizes, measured by one run's shards and written by merge, balance the next run:
   * round robin gives incoming-close-race's three shards 139, 1,029 and 593 executions; by
   * the sizes they get 589, 586 and 586. The verdict is the same, and shards of the two kinds
   * do not merge.
   */
  @Test
  void mergeWritesTheUnitsSizesAndTheNextRunsShardsBalanceByThem() throws IOException {
    String[] instance = {"--scenario", "incoming-close-race", "--cm", "mcm", "--vc", "client"};
    List<Path> roundRobin = keptShards("rr-", 3, instance);
    Path sizes = dir.resolve("sizes.json");
    FakeEngines.Run merged = run(Map.of(), merge(roundRobin, "--unit-sizes", sizes.toString()));
    assertThat(merged.exit()).as(merged.out() + merged.err()).isZero();
    String text = Files.readString(sizes);
    assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.UNIT_SIZES, text))
        .as("valid against condis-verify-unit-sizes-1.schema.json").isEmpty();
    JsonNode measured = Json.MAPPER.readTree(text).at("/instances/0/unitExecutions");
    long sum = 0;
    for (JsonNode unit : measured) {
      assertThat(unit.asLong()).as("every unit measured").isPositive();
      sum += unit.asLong();
    }
    assertThat(sum).as("the units' sizes add up to the shards' executions").isEqualTo(executions(roundRobin).stream()
        .mapToLong(Long::longValue).sum());

    List<Path> sized = shards(3, concat(instance, "--unit-sizes", sizes.toString()));
    for (Path f : sized) {
      assertThat(Json.MAPPER.readTree(Files.readString(f)).at("/instances/0/detail").asText())
          .contains("assigned by their sizes in --unit-sizes, largest first");
    }
    assertThat(maxOverMean(executions(roundRobin))).as("round robin").isGreaterThan(1.5);
    assertThat(maxOverMean(executions(sized))).as("by size").isLessThan(1.05);
    assertThat(run(Map.of(), merge(sized)).exit()).isZero();
    assertOneLineError(run(Map.of(), merge(List.of(roundRobin.get(0), sized.get(1), sized.get(2)))),
        "was run with other options than");
  }

  /**
   * A shard's work is its shares of every instance it runs. By the sizes, each instance's units
   * go largest first to the shards the instances before it in the sizes file left least
   * loaded, so the run balances as a whole: incoming-close-race's four instances over four
   * shards at depth 12, round robin about 2 times the mean on the largest shard, by the sizes
   * within 10 % of it. Placed each alone, as if no instance came before it, every instance's
   * largest unit went to shard 1: 1.31 times the mean.
   */
  @Test
  void aRunsShardsBalanceOverAllItsInstances() throws IOException {
    String[] instances = {"--scenario", "incoming-close-race", "--split-depth", "12"};
    List<Path> roundRobin = keptShards("rr-", 4, instances);
    Path sizes = dir.resolve("sizes.json");
    assertThat(run(Map.of(), merge(roundRobin, "--unit-sizes", sizes.toString())).exit()).isZero();
    List<Path> sized = shards(4, concat(instances, "--unit-sizes", sizes.toString()));
    assertThat(maxOverMean(totals(roundRobin))).as("round robin, over the run").isGreaterThan(1.5);
    assertThat(maxOverMean(totals(sized))).as("by size, over the run").isLessThan(1.1);
    for (Path f : sized) {
      JsonNode each = Json.MAPPER.readTree(Files.readString(f)).path("instances");
      assertThat(each).hasSize(4);
      assertThat(each.get(0).path("detail").asText()).contains("largest first;")
          .doesNotContain("after the instances before it");
      for (int i = 1; i < each.size(); i++) {
        assertThat(each.get(i).path("detail").asText()).contains("largest first, after the instances before it there");
      }
    }
    assertThat(run(Map.of(), merge(sized)).exit()).isZero();
  }

  /** Each shard's executions summed over the instances it ran. */
  private static List<Long> totals(List<Path> shards) throws IOException {
    List<Long> out = new ArrayList<>();
    for (Path f : shards) {
      long sum = 0;
      for (JsonNode instance : Json.MAPPER.readTree(Files.readString(f)).path("instances")) {
        sum += instance.at("/figures/executions").asLong();
      }
      out.add(sum);
    }
    return out;
  }

  /**
   * A unit split again: its parts' sizes come back in the shard reports, merge writes them
   * (adding up to the unit's size), and a third run that places them largest first is still
   * VERIFIED.
   */
  @Test
  void thePartsOfAUnitSplitAgainAreMeasuredAndBalancedTheRunAfter() throws IOException {
    String[] instance = {"--scenario", "incoming-close-race", "--cm", "mcm", "--vc", "client"};
    List<Path> first = keptShards("first-", 3, instance);
    Path sizes = dir.resolve("sizes.json");
    assertThat(run(Map.of(), merge(first, "--unit-sizes", sizes.toString())).exit()).isZero();
    // Split the largest unit again, as merge would for more shards.
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(sizes));
    JsonNode units = root.at("/instances/0/unitExecutions");
    int largest = 0;
    for (int i = 0; i < units.size(); i++) {
      largest = units.get(i).asLong() > units.get(largest).asLong() ? i : largest;
    }
    ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/instances/0/splitAgain")).add(largest);
    Files.writeString(sizes, Json.MAPPER.writeValueAsString(root));

    List<Path> second = keptShards("second-", 3, concat(instance, "--unit-sizes", sizes.toString()));
    for (Path f : second) {
      assertThat(Json.MAPPER.readTree(Files.readString(f)).at("/instances/0/detail").asText())
          .contains("1 large unit split again below depth 12");
    }
    Path measured = dir.resolve("measured.json");
    assertThat(run(Map.of(), merge(second, "--unit-sizes", measured.toString())).exit()).isZero();
    String text = Files.readString(measured);
    assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.UNIT_SIZES, text)).isEmpty();
    JsonNode again = Json.MAPPER.readTree(text).at("/instances/0");
    long partsTotal = 0;
    int partsCount = 0;
    for (java.util.Iterator<Map.Entry<String, JsonNode>> it = again.path("partExecutions").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      assertThat(e.getKey()).startsWith(largest + ".");
      partsTotal += e.getValue().asLong();
      partsCount++;
    }
    assertThat(partsCount).as("the unit split again has parts").isGreaterThan(1);
    assertThat(partsTotal).as("its parts add up to it").isEqualTo(again.at("/unitExecutions/" + largest).asLong());

    // The third run is told to split the same unit again (merge would, with more shards) and
    // places its parts by their measured sizes.
    ObjectNode third = (ObjectNode) Json.MAPPER.readTree(text);
    ((com.fasterxml.jackson.databind.node.ArrayNode) third.at("/instances/0/splitAgain")).removeAll().add(largest);
    Files.writeString(measured, Json.MAPPER.writeValueAsString(third));
    List<Path> last = shards(3, concat(instance, "--unit-sizes", measured.toString()));
    assertThat(run(Map.of(), merge(last)).exit()).isZero();
    assertThat(Json.MAPPER.readTree(Files.readString(last.get(0))).at("/instances/0/share/units").asLong())
        .as("the same units, assigned otherwise")
        .isEqualTo(Json.MAPPER.readTree(Files.readString(second.get(0))).at("/instances/0/share/units").asLong());
  }

  @Test
  void aUnitSizesFileThatCannotServeIsBadInput() throws IOException {
    String[] instance = {"verify", "--scenario", "incoming-close-race", "--cm", "mcm", "--shard", "1/2", "--quiet",
        "--shard-report", dir.resolve("s.json").toString()};
    assertOneLineError(run(Map.of(), concat(instance, "--unit-sizes", dir.resolve("none.json").toString())),
        "no --unit-sizes file");
    Path report = dir.resolve("report.json");
    Files.writeString(report, "{\"schema\": \"condis-verify-report/1\"}");
    assertOneLineError(run(Map.of(), concat(instance, "--unit-sizes", report.toString())), "it is not a unit-sizes file");
    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "{\"schema\": \"condis-verify-unit-sizes/1\", \"splitDepth\": 12, \"instances\": []}");
    assertOneLineError(run(Map.of(), concat(instance, "--unit-sizes", deep.toString())),
        "was measured at split depth 12, this run splits at depth 6");
    assertOneLineError(run(Map.of(), "verify", "--scenario", "make-close", "--workers", "1", "--unit-sizes", deep.toString()),
        "--unit-sizes needs a split");
  }

  /**
   * The claims one run's shards make, merged into a file, let the next run's shards, each in a
   * JVM of its own, stop at states a lower unit owns: multipoint's four shards do the work of
   * one search again instead of exploring the same futures in several shards, and merge,
   * having checked that every state relied on was reached by its owner, says VERIFIED.
   */
  @Test
  void theNextRunsShardsInOtherJvmsRelyOnTheClaimsAndMergeIntoTheSameVerdictWithLessWork() throws Exception {
    String[] instance = {"--scenario", "multipoint", "--parties", "2", "--cm", "standalone", "--vc", "client"};
    // Every run in a JVM of its own, as on separate machines, all of this build's commit.
    List<Path> first = childShards("first-", 4, instance);
    Path claims = dir.resolve("claims.json");
    ChildJvm.Child merged = ChildJvm.run(dir, List.of(), merge(first, "--claims", claims.toString()));
    assertThat(merged.exit()).as(merged.err()).isZero();
    String text = Files.readString(claims);
    assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.CLAIMS, text))
        .as("valid against condis-verify-claims-1.schema.json").isEmpty();
    assertThat(Json.MAPPER.readTree(text).at("/instances/0/states").size()).as("states claimed").isPositive();

    List<Path> second = childShards("second-", 4, concat(instance, "--claims", claims.toString()));
    long relied = 0;
    for (Path f : second) {
      relied += Json.MAPPER.readTree(Files.readString(f)).at("/instances/0/share/relied").size();
    }
    assertThat(relied).as("states a shard left to a lower unit of another JVM").isPositive();
    Path report = dir.resolve("merged.json");
    ChildJvm.Child again = ChildJvm.run(dir, List.of(), merge(second, "--format", "json", "--output", report.toString(),
        "--certificates", dir.resolve("certs").toString()));
    assertThat(again.exit()).as(again.err()).isZero();
    JsonNode verdict = Json.MAPPER.readTree(Files.readString(report)).at("/scenarios/0");
    assertThat(verdict.path("verdict").asText()).isEqualTo("VERIFIED");
    assertThat(verdict.path("detail").asText()).contains("each was reached in this run by that unit or a lower one");
    JsonNode certificate = Json.MAPPER.readTree(Files.readString(
        dir.resolve("certs/multipoint_parties-2_cm-standalone_vc-client.json")));
    assertThat(certificate.path("status").asText()).isEqualTo("PROVED");
    assertThat(certificate.path("assumptions").toString())
        .as("the proof names what it rests on").contains("each reached in this run by that unit or a lower one, as merge checked");
    long before = executions(first).stream().mapToLong(Long::longValue).sum();
    long after = executions(second).stream().mapToLong(Long::longValue).sum();
    assertThat(after).as("the second run's work (the first's: " + before + ")").isLessThan(before);
  }

  /** {@code count} shards of {@code instance}, each run by a child JVM, their reports kept under {@code prefix}. */
  private List<Path> childShards(String prefix, int count, String... instance) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      Path file = dir.resolve(prefix + k + ".json");
      ChildJvm.Child child = ChildJvm.run(dir, List.of(), verify(instance, "--shard", k + "/" + count, "--shard-report",
          file.toString(), "--quiet"));
      assertThat(child.exit()).as(child.err()).isZero();
      assertThat(child.lines()).as("no note: the claims, if any, are of this commit").isEmpty();
      assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.SHARD,
          Files.readString(file))).isEmpty();
      files.add(file);
    }
    return files;
  }

  /** A nightly job carries its claims to the next commit, where they number other units: unused, said once. */
  @Test
  void claimsOfAnotherCommitAreLeftUnusedWithANote() throws IOException {
    Path claims = dir.resolve("claims.json");
    Files.writeString(claims, "{\"schema\": \"condis-verify-claims/1\", \"splitDepth\": 6, \"gitCommit\": \"0ld\","
        + " \"instances\": []}");
    Path report = dir.resolve("s.json");
    FakeEngines.Run r = run(Map.of(), verify(new String[] {"--scenario", "make-close", "--cm", "mcm", "--vc", "client"},
        "--shard", "1/2", "--claims", claims.toString(), "--shard-report", report.toString(), "--quiet"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.errLines()).singleElement().asString()
        .contains("--claims " + claims + " was made at commit 0ld, this is abc123: not used");
    assertThat(Json.MAPPER.readTree(Files.readString(report)).at("/options/engineOptions").has("explorer.claims")).isFalse();
  }

  /**
   * The shards and the merged report name the build of the user's classes they checked; a merge
   * whose --classpath holds another build (rebuilt since the shards ran) is refused, since it
   * would replay and certify other code.
   */
  @Test
  void theMergedReportNamesTheUserCodeAndAMergeOverARebuiltClasspathIsRefused() throws IOException {
    Path userClasses = Files.createDirectories(dir.resolve("user-classes"));
    Files.writeString(userClasses.resolve("Build.txt"), "v1");
    List<Path> files = shards(2, "--scenario", "make-close", "--cm", "mcm", "--vc", "client",
        "--classpath", userClasses.toString());
    String code = dev.condis.model.plugin.PluginCode.digest(List.of(userClasses));
    assertThat(Json.MAPPER.readTree(Files.readString(files.get(0))).at("/options/userCode").asText()).isEqualTo(code);
    Path merged = dir.resolve("merged.json");
    FakeEngines.Run r = run(Map.of(), merge(files, "--format", "json", "--output", merged.toString()));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(Files.readString(merged)).at("/scenarios/0/drivers/code").asText()).isEqualTo(code);

    Path rebuilt = Files.createDirectories(dir.resolve("rebuilt"));
    Files.writeString(rebuilt.resolve("Build.txt"), "v2");
    List<Path> moved = new ArrayList<>();
    for (Path f : files) { // the shards as if they had checked this folder, whose build is another
      Path m = dir.resolve("moved-" + f.getFileName());
      Files.writeString(m, Files.readString(f).replace(userClasses.toString(), rebuilt.toString()));
      moved.add(m);
    }
    assertOneLineError(run(Map.of(), merge(moved)), "the shards checked other user code than --classpath [" + rebuilt
        + "] holds here");
  }

  /**
   * The user's drivers change from night to night while the checker's commit stays: claims
   * made with other user code (or that do not say with which) are left unused, said once.
   */
  @Test
  void claimsOfOtherUserCodeAreLeftUnusedWithANote() throws IOException {
    String[] instance = {"--scenario", "make-close", "--cm", "mcm", "--vc", "client"};
    for (String[] made : List.of(new String[] {", \"userCode\": \"0ther\"", "was made with a --classpath, this run has none"},
        new String[] {"", "does not say which user code it was made with"})) {
      Path claims = dir.resolve("claims.json");
      Files.writeString(claims, "{\"schema\": \"condis-verify-claims/1\", \"splitDepth\": 6, \"gitCommit\": \"abc123\""
          + made[0] + ", \"instances\": []}");
      Path report = dir.resolve("s.json");
      FakeEngines.Run r = run(Map.of(), verify(instance, "--shard", "1/2", "--claims", claims.toString(),
          "--shard-report", report.toString(), "--quiet"));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.errLines()).singleElement().asString().contains("--claims " + claims + " " + made[1] + ": not used");
      assertThat(Json.MAPPER.readTree(Files.readString(report)).at("/options/engineOptions").has("explorer.claims")).isFalse();
    }
    Path same = dir.resolve("same.json");
    Files.writeString(same, "{\"schema\": \"condis-verify-claims/1\", \"splitDepth\": 6, \"gitCommit\": \"abc123\","
        + " \"userCode\": \"none\", \"instances\": []}");
    Path report = dir.resolve("s.json");
    FakeEngines.Run r = run(Map.of(), verify(instance, "--shard", "1/2", "--claims", same.toString(),
        "--shard-report", report.toString(), "--quiet"));
    assertThat(r.errLines()).as("the same commit and user code: used, nothing said").isEmpty();
    assertThat(Json.MAPPER.readTree(Files.readString(report)).at("/options/engineOptions").has("explorer.claims")).isTrue();
  }

  /**
   * The nightly sequence with 16 shards deep in multipoint: round robin, then relying on its
   * claims, then by the sizes and the claims that night made, which split units again. Every
   * night merges VERIFIED: a unit split again reaches states in its own top levels, and they
   * count as its (before they did, such a night in ShardBenchmark relied on 16 states no shard
   * reported, and merge would have claimed nothing), and the third night does less work than
   * the first.
   */
  @Test
  void nightsThatSplitUnitsAgainStillHonourTheClaims() throws IOException {
    String[] instance = {"--scenario", "multipoint", "--parties", "2", "--cm", "standalone", "--vc", "client",
        "--split-depth", "36"};
    Path claims = dir.resolve("claims.json");
    Path sizes = dir.resolve("sizes.json");
    List<Path> first = keptShards("first-", 16, instance);
    assertThat(run(Map.of(), merge(first, "--claims", claims.toString())).exit()).isZero();
    List<Path> second = keptShards("second-", 16, concat(instance, "--claims", claims.toString()));
    assertThat(run(Map.of(), merge(second, "--claims", claims.toString(), "--unit-sizes", sizes.toString())).exit()).isZero();
    List<Path> third = shards(16, concat(instance, "--claims", claims.toString(), "--unit-sizes", sizes.toString()));
    assertThat(Json.MAPPER.readTree(Files.readString(third.get(0))).at("/instances/0/detail").asText())
        .contains("split again below depth 72");
    Path report = dir.resolve("merged.json");
    FakeEngines.Run merged = run(Map.of(), merge(third, "--format", "json", "--output", report.toString()));
    assertThat(merged.exit()).as(merged.out()).isZero();
    assertThat(Json.MAPPER.readTree(Files.readString(report)).at("/scenarios/0/verdict").asText()).isEqualTo("VERIFIED");
    assertThat(executions(third).stream().mapToLong(Long::longValue).sum())
        .isLessThan(executions(first).stream().mapToLong(Long::longValue).sum());
  }

  /**
   * Claims that give every state to a unit that never reaches it (stale, or tampered with):
   * the shards stop there all the same, but merge finds no unit at or below the owner that
   * reached the state in this run, and claims nothing.
   */
  @Test
  void claimsNoOwnerHonouredInThisRunClaimNothing() throws IOException {
    String[] instance = {"--scenario", "multipoint", "--parties", "2", "--cm", "standalone", "--vc", "client"};
    Path claims = dir.resolve("claims.json");
    assertThat(run(Map.of(), merge(keptShards("first-", 4, instance), "--claims", claims.toString())).exit()).isZero();
    ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(claims));
    ObjectNode states = (ObjectNode) root.at("/instances/0/states");
    List<String> names = new ArrayList<>();
    states.fieldNames().forEachRemaining(names::add);
    names.forEach(name -> states.put(name, 0)); // unit 0 reaches none of them
    Files.writeString(claims, Json.MAPPER.writeValueAsString(root));
    List<Path> stale = shards(4, concat(instance, "--claims", claims.toString()));
    Path report = dir.resolve("merged.json");
    FakeEngines.Run merged = run(Map.of(), merge(stale, "--format", "json", "--output", report.toString()));
    assertThat(merged.exit()).as(merged.out()).isEqualTo(3);
    JsonNode verdict = Json.MAPPER.readTree(Files.readString(report)).at("/scenarios/0");
    assertThat(verdict.path("verdict").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(verdict.path("detail").asText()).contains("no shard reached").contains("nothing is claimed");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(dev.condis.reference.fault.SeededFault.class)
  void everySeededFaultIsStillCaughtByShardsThatRelyOnTheirClaims(dev.condis.reference.fault.SeededFault fault)
      throws IOException {
    dev.condis.model.scenario.ScenarioConfig config = dev.condis.model.scenario.FaultScenarios.forFault(fault);
    String[] instance = concat(dev.condis.model.engine.CheckOptions.of(config, null).strip().split(" "),
        "--max-executions", "5000");
    Path claims = dir.resolve("claims.json");
    assertThat(run(Map.of(), merge(keptShards("first-", 2, instance), "--claims", claims.toString())).exit()).isEqualTo(1);
    List<Path> relying = shards(2, concat(instance, "--claims", claims.toString()));
    Path merged = dir.resolve("merged.json");
    assertThat(run(Map.of(), merge(relying, "--format", "json", "--output", merged.toString())).exit()).isEqualTo(1);
    JsonNode cex = Json.MAPPER.readTree(Files.readString(merged)).at("/scenarios/0/counterexample");
    assertThat(cex.path("property").asText()).isEqualTo(fault.property());
    assertThat(cex.path("ruleId").asText()).isEqualTo(fault.ruleId());
  }

  @Test
  void aClaimsFileThatCannotServeIsBadInput() throws IOException {
    String[] instance = {"verify", "--scenario", "incoming-close-race", "--cm", "mcm", "--shard", "1/2", "--quiet",
        "--shard-report", dir.resolve("s.json").toString()};
    assertOneLineError(run(Map.of(), concat(instance, "--claims", dir.resolve("none.json").toString())), "no --claims file");
    Path sizes = dir.resolve("sizes.json");
    Files.writeString(sizes, "{\"schema\": \"condis-verify-unit-sizes/1\", \"splitDepth\": 6, \"instances\": []}");
    assertOneLineError(run(Map.of(), concat(instance, "--claims", sizes.toString())), "it is not a claims file");
    Path deep = dir.resolve("deep.json");
    Files.writeString(deep, "{\"schema\": \"condis-verify-claims/1\", \"splitDepth\": 12, \"instances\": []}");
    assertOneLineError(run(Map.of(), concat(instance, "--claims", deep.toString())),
        "was made at split depth 12, this run splits at depth 6");
    Path odd = dir.resolve("odd.json");
    Files.writeString(odd, "{\"schema\": \"condis-verify-claims/1\", \"splitDepth\": 6, \"instances\": "
        + "[{\"label\": \"x\", \"states\": {\"not-a-fingerprint\": 3}}]}");
    assertOneLineError(run(Map.of(), concat(instance, "--claims", odd.toString())), "is not a state's fingerprint");
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "{\"schema\": \"condis-verify-claims/1\", \"splitDepth\": 6, \"instances\": []}");
    assertOneLineError(run(Map.of(), concat(instance, "--claims", empty.toString(), "--no-state-cache")),
        "--claims needs the state cache");
    assertOneLineError(run(Map.of(), "verify", "--scenario", "make-close", "--split", "2", "--claims", empty.toString()),
        "--claims needs --shard K/N");
  }

  private static String[] concat(String[] a, String... b) {
    List<String> out = new ArrayList<>(List.of(a));
    out.addAll(List.of(b));
    return out.toArray(String[]::new);
  }

  private static List<Long> executions(List<Path> shards) throws IOException {
    List<Long> out = new ArrayList<>();
    for (Path f : shards) {
      out.add(Json.MAPPER.readTree(Files.readString(f)).at("/instances/0/figures/executions").asLong());
    }
    return out;
  }

  private static double maxOverMean(List<Long> executions) {
    return executions.stream().mapToLong(Long::longValue).max().orElseThrow() * executions.size()
        / (double) executions.stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void missingDuplicatedForeignOrDifferentShardsAreBadInputAndClaimNothing() throws IOException {
    List<Path> files = shards(2, "--scenario", "make-close", "--cm", "mcm", "--vc", "client");
    assertOneLineError(run(Map.of(), merge(List.of(files.get(0)))), "shard 2 of 2 missing: nothing is claimed without every shard");
    assertOneLineError(run(Map.of(), merge(List.of(files.get(0), files.get(0), files.get(1)))), "shard 1/2 given twice");

    Path foreign = dir.resolve("foreign.json");
    Files.writeString(foreign, Files.readString(files.get(1)).replace("\"abc123\"", "\"def456\""));
    assertOneLineError(run(Map.of(), merge(List.of(files.get(0), foreign))), "shard reports from different commits");

    assertThat(Json.MAPPER.readTree(Files.readString(files.get(0))).at("/options/userCode").asText())
        .as("no --classpath: the reference drivers only").isEqualTo("none");
    Path otherCode = dir.resolve("other-code.json");
    com.fasterxml.jackson.databind.node.ObjectNode edited =
        (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(Files.readString(files.get(1)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) edited.get("options")).put("userCode", "0ther");
    Files.writeString(otherCode, edited.toString());
    assertOneLineError(run(Map.of(), merge(List.of(files.get(0), otherCode))),
        "checked other user code than " + files.get(0) + " (shard 1/2): the contents of --classpath differ");

    Path other = dir.resolve("other.json");
    FakeEngines.Run bounded = run(Map.of(), verify(new String[] {"--scenario", "make-close", "--cm", "mcm", "--vc", "client"},
        "--shard", "2/2", "--shard-report", other.toString(), "--max-executions", "99999", "--quiet"));
    assertThat(bounded.exit()).isZero();
    assertOneLineError(run(Map.of(), merge(List.of(files.get(0), other))), "was run with other options than");

    assertThat(dev.condis.model.report.SchemaCheck.problems(dev.condis.model.report.SchemaCheck.SHARD,
        "{\"schema\": \"condis-verify-shard/1\"}")).as("the schema is not vacuous").isNotEmpty();
    Path notAShard = dir.resolve("report.json");
    Files.writeString(notAShard, "{\"schema\": \"condis-verify-report/1\"}");
    assertOneLineError(run(Map.of(), merge(List.of(notAShard))), "is not a condis-verify shard report");
  }

  @Test
  void theShardComesFromTheCiEnvironmentUnlessTheFlagSaysOtherwise() throws IOException {
    Path gitlab = dir.resolve("gitlab.json");
    assertThat(run(Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3"), "verify", "--scenario", "make-close", "--cm", "mcm",
        "--vc", "client", "--shard-report", gitlab.toString(), "--quiet").exit()).isZero();
    assertThat(Json.MAPPER.readTree(Files.readString(gitlab)).at("/shard/index").asInt()).isEqualTo(2);

    Path k8s = dir.resolve("k8s.json");
    assertThat(run(Map.of("JOB_COMPLETION_INDEX", "0"), "verify", "--scenario", "make-close", "--cm", "mcm",
        "--vc", "client", "--shards", "4", "--shard-report", k8s.toString(), "--quiet").exit()).isZero();
    JsonNode k = Json.MAPPER.readTree(Files.readString(k8s));
    assertThat(k.at("/shard/index").asInt()).isEqualTo(1);
    assertThat(k.at("/shard/count").asInt()).isEqualTo(4);

    Path flag = dir.resolve("flag.json");
    assertThat(run(Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3"), "verify", "--scenario", "make-close", "--cm", "mcm",
        "--vc", "client", "--shard", "1/2", "--shard-report", flag.toString(), "--quiet").exit()).isZero();
    assertThat(Json.MAPPER.readTree(Files.readString(flag)).at("/shard/count").asInt()).isEqualTo(2);

    assertOneLineError(run(Map.of("JOB_COMPLETION_INDEX", "1"), "verify", "--scenario", "make-close"),
        "JOB_COMPLETION_INDEX is set: give the number of shards with --shards N");
    assertOneLineError(run(Map.of(), "verify", "--shard", "3/2"), "--shard 3/2: a shard is K/N with 1 <= K <= N, not 3/2");
    assertOneLineError(run(Map.of(), "verify", "--shard", "2/2", "--split", "2"), "--split and a shard");
  }

  private static void assertOneLineError(FakeEngines.Run r, String contains) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().contains(contains);
  }
}
