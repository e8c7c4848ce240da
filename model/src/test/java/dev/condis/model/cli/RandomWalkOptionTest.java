package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.condis.model.engine.Verdict;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.report.Fixtures;
import dev.condis.model.report.SchemaCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --random-walk SEED}: the explorer walks at random instead of searching. It goes
 * to the engine with no split, even with idle workers; it refuses what cuts or divides a tree;
 * and a run on the real engine is never VERIFIED, not even where the search proves the scenario.
 */
class RandomWalkOptionTest {

  @Test
  void theSeedReachesTheEngineAndIdleWorkersWalkInsteadOfSplitting() {
    FakeEngines engines = FakeEngines.answering(Verdict.INCONCLUSIVE);
    FakeEngines.Run run = engines.run("verify", "--scenario", "two-calls", "--cm", "mcm", "--vc", "client",
        "--random-walk", "42", "--workers", "2");
    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
    assertThat(engines.requests.get(0).engineOptions())
        .containsEntry(ExplorerEngine.RANDOM_WALK, "42")
        .containsEntry(ExplorerEngine.RANDOM_WALKERS, "2")
        .doesNotContainKey(ExplorerEngine.SPLIT);
    FakeEngines suite = FakeEngines.answering(Verdict.INCONCLUSIVE);
    suite.run("verify", "--random-walk", "42", "--workers", "2");
    assertThat(suite.requests).allSatisfy(r -> assertThat(r.engineOptions()).doesNotContainKey(ExplorerEngine.RANDOM_WALKERS));
  }

  @Test
  void whatDividesOrCutsATreeIsBadInput() {
    FakeEngines engines = FakeEngines.answering(Verdict.VERIFIED);
    String why = " exclude each other: random walks explore no tree to divide or cut";
    assertThat(engines.run("verify", "--random-walk", "1", "--split", "2").errLines())
        .containsExactly("condis-verify: --random-walk and --split" + why);
    FakeEngines.Run claims = engines.run("verify", "--random-walk", "1", "--claims", "claims.json");
    assertThat(claims.exit()).isEqualTo(2);
    assertThat(claims.errLines()).containsExactly("condis-verify: --random-walk and --claims" + why);
    assertThat(engines.run("verify", "--random-walk", "x").exit()).isEqualTo(2);
    FakeEngines jpf = FakeEngines.answering(Verdict.VERIFIED).with("jpf", r -> FakeEngines.result(r, Verdict.VERIFIED));
    FakeEngines.Run onJpf = jpf.run("verify", "--engine", "jpf", "--random-walk", "1");
    assertThat(onJpf.exit()).isEqualTo(2);
    assertThat(onJpf.errLines()).containsExactly("condis-verify: --random-walk is for the explorer engine, not jpf");
    FakeEngines.Run replay = engines.run("replay", "--scenario", "make-close", "--random-walk", "1", "0,1");
    assertThat(replay.exit()).isEqualTo(2);
    assertThat(replay.errLines()).containsExactly("condis-verify: --random-walk is for verify: replay runs the one schedule it is given");
    assertThat(engines.requests).isEmpty();
  }

  @Test
  void onTheRealEngineAWalkClaimsNothingWhereTheSearchProves() throws Exception {
    String[] scenario = {"--scenario", "make-close", "--parties", "0", "--cm", "mcm", "--vc", "client", "--workers", "1"};
    FakeEngines.Run search = real(concat(new String[] {"verify"}, scenario));
    assertThat(search.exit()).as(search.err()).isZero(); // VERIFIED by the search
    FakeEngines.Run walk = real(concat(new String[] {"verify", "--random-walk", "3", "--max-executions", "300",
        "--format", "json"}, scenario));
    assertThat(walk.exit()).as(walk.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
    JsonNode s = new ObjectMapper().readTree(walk.out()).get("scenarios").get(0);
    assertThat(s.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(s.get("figures").get("executions").asLong()).isEqualTo(300);
    assertThat(s.get("detail").asText()).startsWith("random walks (seed 3): 300 executions")
        .endsWith("nothing is claimed beyond the executions run");
  }

  /**
   * Shards of a walk run their share of the numbered walks; merge reports the lowest failing
   * walk of all, which is the counterexample one process walking alone reports, and without a
   * violation the shards' walks add up to the execution bound.
   */
  @Test
  void shardsMergeIntoTheCounterexampleOfOneProcess(@TempDir Path dir) throws Exception {
    String[] instance = {"--scenario", "two-calls", "--cm", "mcm", "--vc", "client", "--workers", "1",
        "--inject", "client-closes-call-twice", "--random-walk", "1", "--max-executions", "2000"};
    FakeEngines.Run alone = real(concat(new String[] {"verify", "--format", "json"}, instance));
    assertThat(alone.exit()).as(alone.err()).isEqualTo(ExitCodes.VIOLATION);
    JsonNode one = new ObjectMapper().readTree(alone.out()).get("scenarios").get(0);

    JsonNode merged = mergeShards(dir, 3, instance);
    assertThat(merged.get("verdict").asText()).isEqualTo("VIOLATION");
    assertThat(merged.get("counterexample").get("schedule").asText()).isEqualTo(one.get("counterexample").get("schedule").asText());
    assertThat(merged.get("counterexample").get("ruleId").asText()).isEqualTo("CLOSE-17");
    long walk = one.get("figures").get("executions").asLong() - 1;
    assertThat(merged.get("detail").asText()).startsWith("random walks (seed 1) over 3 shards found it in walk " + walk + ",");

    String[] clean = {"--scenario", "two-calls", "--cm", "mcm", "--vc", "client", "--workers", "1",
        "--random-walk", "1", "--max-executions", "301"};
    JsonNode nothing = mergeShards(dir, 4, clean);
    assertThat(nothing.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
    assertThat(nothing.get("figures").get("executions").asLong()).isEqualTo(301);
    assertThat(nothing.get("detail").asText()).startsWith("random walks (seed 1) over 4 shards: 301 executions in all");

    FakeEngines.Run sizes = real("merge", "--unit-sizes", dir.resolve("sizes.json").toString(),
        dir.resolve("shard-1.json").toString(), dir.resolve("shard-2.json").toString(),
        dir.resolve("shard-3.json").toString(), dir.resolve("shard-4.json").toString());
    assertThat(sizes.exit()).isEqualTo(2);
    assertThat(sizes.errLines()).containsExactly("condis-verify: the shards walked at random (--random-walk): they have no"
        + " work units to size (--unit-sizes) nor states to claim (--claims)");
  }

  private static JsonNode mergeShards(Path dir, int count, String[] instance) throws Exception {
    List<String> merge = new ArrayList<>(List.of("merge", "--format", "json"));
    for (int k = 1; k <= count; k++) {
      Path file = dir.resolve("shard-" + k + ".json");
      FakeEngines.Run r = real(concat(new String[] {"verify", "--quiet", "--shard", k + "/" + count, "--shard-report",
          file.toString()}, instance));
      assertThat(r.exit()).as(r.err()).isIn(ExitCodes.VIOLATION, ExitCodes.INCONCLUSIVE);
      assertThat(SchemaCheck.problems(SchemaCheck.SHARD, Files.readString(file))).as("valid against the shard schema")
          .isEmpty();
      merge.add(file.toString());
    }
    FakeEngines.Run merged = real(merge.toArray(String[]::new));
    assertThat(merged.exit()).as(merged.err()).isIn(ExitCodes.VIOLATION, ExitCodes.INCONCLUSIVE);
    return new ObjectMapper().readTree(merged.out()).get("scenarios").get(0);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static FakeEngines.Run real(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = new CliEnvironment(new ServiceEngineDirectory(), false, () -> Fixtures.TOOL, Map.of());
    int exit = CondisVerify.run(args, env, new PrintWriter(out), new PrintWriter(err));
    return new FakeEngines.Run(exit, out.toString(), err.toString());
  }
}
