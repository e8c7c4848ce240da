package dev.condis.model.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.condis.explorer.SearchResult;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.ProgressListener;
import dev.condis.model.engine.ReplayResult;
import dev.condis.model.engine.ShardShare;
import dev.condis.model.engine.StateClaims;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.property.Violation;
import dev.condis.model.scenario.ScenarioConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * One scenario instance's verdict from its shards' parts (see {@link MergeCommand}): a
 * violation from any shard, the lowest failing unit's, replayed for its trace; else an error
 * if a shard had one; else VERIFIED when every shard explored all of its units (and some shard
 * met each premise), INCONCLUSIVE otherwise. Figures are the shards' sums.
 */
record MergedInstance(VerificationResult result, Map<String, String> descriptions) {

  /** The options a shard wrote for the instance, parsed as {@code verify} parses them. */
  @Command(name = "instance")
  static final class InstanceOptions {
    @Mixin ScenarioOptions scenarios = new ScenarioOptions();
    @Mixin SearchOptions search = new SearchOptions();
  }

  /**
   * The instance merged from its shards' {@code parts}. {@code userCode} is the user code the
   * shards checked (their options'), or null if they do not say: this merge loads the user's
   * classes from the same --classpath to replay a counterexample and names them in the report,
   * so they must be that code, checked before anything is replayed.
   */
  static MergedInstance of(List<JsonNode> parts, CliEnvironment env, String userCode) {
    return of(parts, env, userCode, null);
  }

  /**
   * As above; {@code walkSeed}: the shards walked at random with this seed ({@code verify
   * --random-walk}), so the verdict is the lowest failing walk's VIOLATION, else INCONCLUSIVE.
   */
  static MergedInstance of(List<JsonNode> parts, CliEnvironment env, String userCode, String walkSeed) {
    JsonNode first = parts.get(0);
    String label = first.path("label").asText();
    for (JsonNode p : parts) {
      if (!p.path("label").asText().equals(label)) {
        throw new BadInputException("the shards list other instances: " + label + " against " + p.path("label").asText());
      }
    }
    InstanceOptions options = new InstanceOptions();
    try {
      new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true)
          .parseArgs(ReportCounterexamples.words(first.path("checkOptions").asText()).toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new BadInputException("cannot read the options of " + label + " in a shard report: " + e.getMessage());
    }
    ScenarioConfig config = options.scenarios.single();
    List<Path> classpath = options.scenarios.classpathEntries();
    if (userCode != null && !userCode.equals(dev.condis.model.plugin.PluginCode.of(classpath))) {
      throw new BadInputException("the shards checked other user code than --classpath " + classpath
          + " holds here: merge where the shards' build of the drivers and properties is");
    }
    ImmutableList<String> propertyClasses = options.search.propertyClasses(classpath);
    Map<String, String> descriptions = VerifyCommand.describe(propertyClasses, classpath);
    ImmutableList<String> properties = texts(first.path("properties"));
    Figures figures = figures(parts);
    ImmutableSortedSet<String> rules = ImmutableSortedSet.copyOf(
        parts.stream().flatMap(p -> texts(p.path("rulesChecked")).stream()).toList());
    String engine = first.path("engine").asText();

    JsonNode failing = null;
    for (JsonNode p : parts) {
      if (p.path("verdict").asText().equals("VIOLATION") && (failing == null
          || p.path("share").path("failureUnit").asLong() < failing.path("share").path("failureUnit").asLong())) {
        failing = p;
      }
    }
    Optional<JsonNode> error = parts.stream().filter(p -> p.path("verdict").asText().equals("ERROR")).findFirst();
    VerificationResult result;
    if (failing != null) {
      result = violation(config, engine, properties, figures, failing, propertyClasses);
      if (walkSeed != null) {
        result = new VerificationResult(config, engine, Verdict.VIOLATION, properties, figures, result.counterexample(),
            Optional.of(String.format(Locale.ROOT, "%s (seed %s) over %d shards found it in walk %d, the lowest failing"
                + " walk the shards ran: the one a single process walking alone reports, unless a time budget cut a"
                + " shard short%s", VerificationResult.RANDOM_WALKS, walkSeed,
                parts.size(), failing.path("share").path("failureUnit").asLong(),
                result.detail().map(m -> "; " + m).orElse(""))));
      }
    } else if (walkSeed != null) {
      result = new VerificationResult(config, engine, error.isPresent() ? Verdict.ERROR : Verdict.INCONCLUSIVE,
          properties, figures, Optional.empty(), Optional.of(error.isPresent() ? error.get().path("detail").asText()
              : String.format(Locale.ROOT, "%s (seed %s) over %d shards: %,d executions in all, every decision drawn"
                  + " at random, no violation. A bug hunt explores no tree: nothing is claimed beyond the executions run",
                  VerificationResult.RANDOM_WALKS, walkSeed, parts.size(), figures.executions())));
    } else {
      List<String> cut = new ArrayList<>();
      Set<String> unmet = null;
      long units = 0;
      List<SearchResult.SplitFigures> shares = new ArrayList<>();
      for (JsonNode p : parts) {
        JsonNode share = p.path("share");
        if (!share.path("complete").asBoolean(false)) {
          cut.add(p.path("detail").asText());
        }
        units = share.path("units").asLong();
        shares.add(new SearchResult.SplitFigures(units, share.path("unitsOwned").asLong(), 0, -1));
        Set<String> mine = new LinkedHashSet<>();
        share.path("unmetPremises").forEach(x -> mine.add(x.asText()));
        if (unmet == null) {
          unmet = mine;
        } else {
          unmet.retainAll(mine);
        }
      }
      StateClaims.Reliance reliance = StateClaims.Reliance.of(
          parts.stream().map(p -> MergeCommand.states(label, p.path("share").path("reached"))).toList(),
          parts.stream().map(p -> MergeCommand.states(label, p.path("share").path("relied"))).toList());
      // Only shards that all finished numbered every unit: compare them then.
      String disagreement = cut.isEmpty() ? ShardShare.unitsDisagree("shards", "the instance's", shares) : null;
      if (error.isPresent()) {
        result = new VerificationResult(config, engine, Verdict.ERROR, properties, figures, Optional.empty(),
            Optional.of(error.get().path("detail").asText()));
      } else if (disagreement != null) {
        result = new VerificationResult(config, engine, Verdict.ERROR, properties, figures, Optional.empty(),
            Optional.of(disagreement));
      } else if (!cut.isEmpty()) {
        result = new VerificationResult(config, engine, Verdict.INCONCLUSIVE, properties, figures, Optional.empty(),
            Optional.of(cut.size() + " of " + parts.size() + " shards did not explore all of their units: " + cut.get(0)));
      } else if (reliance.unreached() > 0) {
        result = new VerificationResult(config, engine, Verdict.INCONCLUSIVE, properties, figures, Optional.empty(),
            Optional.of(String.format(Locale.ROOT, "the shards stopped at %,d states that --claims gave to a lower"
                + " unit, and in this run no shard reached %,d of them in that unit or a lower one (e.g. %s, given to"
                + " unit %d): their futures may be unexplored, so nothing is claimed; run again with the claims this"
                + " merge writes (merge --claims), or without --claims", reliance.relied(), reliance.unreached(),
                reliance.example(), reliance.exampleUnit())));
      } else if (unmet != null && !unmet.isEmpty()) {
        result = new VerificationResult(config, engine, Verdict.ERROR, properties, figures, Optional.empty(),
            Optional.of("premise not met in any shard: the drivers never offered " + String.join(", ", unmet)
                + "; nothing is proved"));
      } else {
        result = new VerificationResult(config, engine, Verdict.VERIFIED, properties, figures, Optional.empty(),
            Optional.of(String.format(Locale.ROOT, "search split over %d shards below depth %d, merged: each of the"
                + " %,d units explored by its shard, with a state cache per shard%s",
                parts.size(), first.path("share").path("splitDepth").asInt(), units, reliance.relied() == 0 ? ""
                    : String.format(Locale.ROOT, "; the shards stopped at %,d states an earlier run's claims gave to a"
                        + " lower unit, and each was reached in this run by that unit or a lower one", reliance.relied()))));
      }
    }
    return new MergedInstance(result.withRulesChecked(rules), descriptions);
  }

  /** The failing shard's violation, replayed here for the trace and the source lines. */
  private static VerificationResult violation(ScenarioConfig config, String engine, ImmutableList<String> properties,
      Figures figures, JsonNode failing, ImmutableList<String> propertyClasses) {
    JsonNode x = failing.path("counterexample");
    Violation v = new Violation(x.path("property").asText(), x.path("ruleId").asText(), x.path("message").asText());
    String schedule = x.path("schedule").asText();
    ReplayResult replay = new ExplorerEngine().replay(new VerificationRequest(config, propertyClasses,
        Bounds.DEFAULT, ProgressListener.NONE, com.google.common.collect.ImmutableMap.of()), schedule);
    Optional<String> detail = replay.mismatch(v);
    Counterexample cex = new Counterexample(v, schedule, replay.trace(), x.path("replayCommand").asText(), replay.sources());
    return new VerificationResult(config, engine, Verdict.VIOLATION, properties, figures, Optional.of(cex), detail);
  }

  private static ImmutableList<String> texts(JsonNode array) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    array.forEach(x -> out.add(x.asText()));
    return out.build();
  }

  private static Figures figures(List<JsonNode> parts) {
    long executions = 0;
    long pruned = 0;
    long depth = 0;
    long decisions = 0;
    long states = 0;
    long wall = 0;
    for (JsonNode p : parts) {
      JsonNode f = p.path("figures");
      executions += f.path("executions").asLong();
      pruned += f.path("pruned").asLong();
      depth = Math.max(depth, f.path("maxDepth").asLong());
      decisions += f.path("decisionPoints").asLong();
      states = states < 0 || f.path("states").asLong() < 0 ? -1 : states + f.path("states").asLong();
      wall = Math.max(wall, f.path("wallTimeMillis").asLong());
    }
    return new Figures(executions, pruned, depth, decisions, states, Duration.ofMillis(wall));
  }
}
