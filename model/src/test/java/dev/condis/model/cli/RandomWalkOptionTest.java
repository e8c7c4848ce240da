package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.condis.model.engine.Verdict;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.report.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    assertThat(engines.run("verify", "--random-walk", "1", "--shard", "1/2").errLines())
        .containsExactly("condis-verify: --random-walk and a shard (--shard 1/2)" + why);
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

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
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
