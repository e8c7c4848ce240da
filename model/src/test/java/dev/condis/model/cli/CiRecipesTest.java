package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipes in README.md ("Shards across machines") are what they say: valid YAML with
 * the matrix, the {@code parallel:} count or the Indexed Job's completions matching the N the
 * shards are told, a merge step after them, and every condis-verify command one the command
 * line accepts; the nightly hunt's shards and merges run, one walk each.
 */
class CiRecipesTest {
  private static List<String> blocks;

  @BeforeAll
  static void readRecipes() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("### Shards across machines"), readme.indexOf("## Exit codes"));
    blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).as("GitHub Actions, GitLab CI, Kubernetes, a GitHub Actions hunt").hasSize(4);
  }

  private static List<JsonNode> yaml(String block) throws IOException {
    try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(block)) {
      return docs.readAll();
    }
  }

  @Test
  void gitHubActionsRunsEveryShardOfTheMatrixThenMerges() throws IOException {
    JsonNode jobs = yaml(blocks.get(0)).get(0).path("jobs");
    JsonNode strategy = jobs.path("shard").path("strategy");
    assertThat(strategy.path("fail-fast").asBoolean(true)).isFalse();
    int n = strategy.path("matrix").path("shard").size();
    assertThat(blocks.get(0)).contains("--shard ${{ matrix.shard }}/" + n);
    assertThat(jobs.path("merge").path("needs").asText()).isEqualTo("shard");
    assertThat(blocks.get(0)).contains("merge shards/shard-*.json --format junit");
  }

  @Test
  void gitLabRunsParallelShardsThenMergesIntoAJunitReport() throws IOException {
    JsonNode root = yaml(blocks.get(1)).get(0);
    assertThat(root.at("/verify-shard/parallel").asInt()).isGreaterThan(1);
    assertThat(root.at("/verify-merge/needs/0").asText()).isEqualTo("verify-shard");
    assertThat(root.at("/verify-merge/artifacts/reports/junit").asText()).isEqualTo("condis-verify.xml");
  }

  @Test
  void theIndexedJobsCompletionsAreTheShardCount() throws IOException {
    List<JsonNode> docs = yaml(blocks.get(2));
    assertThat(docs).hasSize(2);
    JsonNode shards = docs.get(0);
    assertThat(shards.at("/spec/completionMode").asText()).isEqualTo("Indexed");
    int completions = shards.at("/spec/completions").asInt();
    assertThat(shards.at("/spec/template/spec/containers/0/command").toString()).contains("--shards " + completions);
    assertThat(docs.get(1).at("/spec/template/spec/containers/0/command").toString()).contains(" merge ");
  }

  /**
   * The nightly hunt walks from a new seed each run, shares each scenario's walks over the
   * matrix's shards, merges each scenario's shards alone, and fails only on a violation.
   */
  @Test
  void theHuntWalksFromANewSeedEachNightAndFailsOnlyOnAViolation(@TempDir Path dir) throws IOException {
    String block = blocks.get(3);
    JsonNode root = yaml(block).get(0);
    assertThat(root.at("/on/schedule/0/cron").asText()).isNotBlank();
    JsonNode matrix = root.at("/jobs/hunt/strategy/matrix");
    assertThat(root.at("/jobs/hunt/strategy/fail-fast").asBoolean(true)).isFalse();
    int n = matrix.path("shard").size();
    List<String> names = new ArrayList<>();
    matrix.path("hunt").forEach(h -> names.add(h.path("name").asText()));
    List<String> merged = new ArrayList<>();
    root.at("/jobs/merge/strategy/matrix/hunt").forEach(h -> merged.add(h.asText()));
    assertThat(merged).as("one merge per hunted scenario").isEqualTo(names).hasSizeGreaterThanOrEqualTo(2);
    assertThat(root.at("/jobs/merge/needs").asText()).isEqualTo("hunt");
    assertThat(block)
        .contains("--random-walk ${{ github.run_number }}")
        .contains("--shard ${{ matrix.shard }}/" + n)
        .contains(".json || test $? -eq 1 -o $? -eq 3") // a shard's violation or spent walks
        .contains(".xml || test $? -eq 3"); // the merge: walks that ran out pass, a violation fails
    // Each hunt, run as the recipe runs it but one walk per shard, merges to INCONCLUSIVE.
    for (JsonNode hunt : matrix.path("hunt")) {
      List<String> merge = new ArrayList<>(List.of("merge"));
      for (int k = 1; k <= n; k++) {
        Path report = dir.resolve(hunt.path("name").asText() + "-" + k + ".json");
        List<String> args = new ArrayList<>(List.of("verify", "--quiet", "--workers", "1"));
        args.addAll(List.of(hunt.path("args").asText().split(" ")));
        args.addAll(List.of("--random-walk", "1", "--max-executions", String.valueOf(n), "--shard", k + "/" + n,
            "--shard-report", report.toString()));
        FakeEngines.Run shard = run(args);
        assertThat(shard.exit()).as(String.join(" ", args) + ": " + shard.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
        merge.add(report.toString());
      }
      FakeEngines.Run mergedRun = run(merge);
      assertThat(mergedRun.exit()).as(hunt + ": " + mergedRun.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
    }
  }

  private static FakeEngines.Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = new CliEnvironment(new ServiceEngineDirectory(), false, () -> dev.condis.model.report.Fixtures.TOOL, Map.of());
    int exit = CondisVerify.run(args.toArray(String[]::new), env, new PrintWriter(out), new PrintWriter(err));
    return new FakeEngines.Run(exit, out.toString(), err.toString());
  }

  /**
   * Each proof recipe's merge writes the unit sizes and the claims, and its shards balance by
   * the sizes and rely on the claims when they are there.
   */
  @Test
  void everyRecipeCarriesTheUnitSizesAndTheClaimsFromOneRunToTheNext() {
    for (String block : blocks.subList(0, 3)) {
      Matcher merge = Pattern.compile("merge [^'\n]*--unit-sizes ([^\\s']+) --claims ([^\\s']+)").matcher(block);
      assertThat(merge.find()).as(block).isTrue();
      String sizes = merge.group(1);
      String claims = merge.group(2);
      assertThat(block).contains("SIZES=$(test -f " + sizes + " && echo \"--unit-sizes " + sizes + "\")")
          .contains("CLAIMS=$(test -f " + claims + " && echo \"--claims " + claims + "\")")
          .contains("--split-depth 24").contains(".json $SIZES $CLAIMS || test $? -eq 1");
    }
  }

  @Test
  void everyCommandInTheRecipesParses() {
    List<String> commands = new ArrayList<>();
    Matcher m = Pattern.compile("(?:\\./condis-verify|condis-verify\\.jar) ([^|'\\n]*)").matcher(String.join("\n", blocks));
    while (m.find()) {
      commands.add(m.group(1).replace("$SIZES", "").replace("$CLAIMS", "").strip()
          .replace("${{ matrix.hunt.args }}", "--scenario two-calls").replace("${{ matrix.hunt.name }}", "two-calls")
          .replace("${{ matrix.hunt }}", "two-calls").replace("${{ github.run_number }}", "1")
          .replace("${{ matrix.shard }}", "1").replace("$CI_NODE_INDEX", "1").replace("$JOB_COMPLETION_INDEX", "0"));
    }
    assertThat(commands).hasSizeGreaterThanOrEqualTo(8);
    CliEnvironment env = new CliEnvironment(new ServiceEngineDirectory(), false, () -> dev.condis.model.report.Fixtures.TOOL, Map.of());
    for (String command : commands) {
      String[] args = command.split("\\s+");
      // Parsing is what the CI runner's shell hands over; running needs the shards.
      CondisVerify.commandLine(env, false).parseArgs(args);
      assertThat(args[0]).as(command).isIn("verify", "merge");
    }
  }
}
