package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.condis.model.scenario.ScenarioConfig;
import java.util.Optional;

/**
 * The result of checking one scenario on one engine. {@code detail} says why a search was
 * INCONCLUSIVE (which bound) or what went wrong for ERROR; empty otherwise. {@code
 * rulesChecked}: the rules whose checks ran in some execution (rule coverage); empty from an
 * engine that does not record them.
 */
public record VerificationResult(
    ScenarioConfig config,
    String engine,
    Verdict verdict,
    ImmutableList<String> properties,
    Figures figures,
    Optional<Counterexample> counterexample,
    Optional<String> detail,
    ImmutableSortedSet<String> rulesChecked,
    Optional<ShardShare> shard) {

  /**
   * How the detail of a result of the explorer's random walks ({@code verify --random-walk})
   * begins: a bug hunt, which is never VERIFIED and rests on no reduction.
   */
  public static final String RANDOM_WALKS = "random walks";

  public VerificationResult(
      ScenarioConfig config,
      String engine,
      Verdict verdict,
      ImmutableList<String> properties,
      Figures figures,
      Optional<Counterexample> counterexample,
      Optional<String> detail) {
    this(config, engine, verdict, properties, figures, counterexample, detail, ImmutableSortedSet.of(), Optional.empty());
  }

  /** Whether random walks, not a search, produced this result ({@link #RANDOM_WALKS}). */
  public boolean byRandomWalks() {
    return detail.map(d -> d.startsWith(RANDOM_WALKS)).orElse(false);
  }

  /** This result with the rules whose checks ran. */
  public VerificationResult withRulesChecked(ImmutableSortedSet<String> rules) {
    return new VerificationResult(config, engine, verdict, properties, figures, counterexample, detail, rules, shard);
  }

  /** This result as one shard's share of the instance ({@code verify --shard}). */
  public VerificationResult withShard(ShardShare share) {
    return new VerificationResult(config, engine, verdict, properties, figures, counterexample, detail, rulesChecked,
        Optional.of(share));
  }
}
