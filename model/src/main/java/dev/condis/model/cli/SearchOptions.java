package dev.condis.model.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.Engine;
import dev.condis.model.engine.StateClaims;
import dev.condis.model.engine.UnitSizes;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.plugin.DriverLoader;
import dev.condis.model.property.PropertyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** What to check for and how: properties, engine, bounds. */
public final class SearchOptions {

  @Option(
      names = "--property",
      paramLabel = "ID|CLASS",
      split = ",",
      description = "A property to check: a built-in id, the id of a ServiceLoader-registered one, or a class name (repeatable). Default: every built-in and ServiceLoader property.")
  List<String> properties = new ArrayList<>();

  @Option(
      names = "--engine",
      paramLabel = "explorer|jpf",
      defaultValue = "explorer",
      description = "The model checker: the embedded explorer (default) or Java PathFinder, where installed.")
  String engine;

  @Option(
      names = "--jpf-home",
      paramLabel = "DIR",
      description = "Where JPF is installed (jpf-core); default: system property jpf.home, then $JPF_HOME.")
  Path jpfHome;

  @Option(
      names = "--max-executions",
      paramLabel = "N",
      description = "Stop after N executions (then INCONCLUSIVE). Default: 2000000.")
  Long maxExecutions;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description = "At most N steps per execution. Default: 2000.")
  Integer maxDepth;

  @Option(
      names = "--time-budget",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop each scenario's search after this long (then INCONCLUSIVE), e.g. 30s, 5m, 1h. Default: 10m.")
  Duration timeBudget;

  @Option(
      names = "--execution-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "The watchdog: a thread that makes no synchronisation step for this long blocks or spins outside the Platform, a 'hang' violation naming it. Default for verify: 30s; replay has none unless given.")
  Duration executionTimeout;

  @Option(
      names = "--no-state-cache",
      description = "Explorer: switch the state cache off (a stateless search; slower, and it rests on no fingerprint).")
  boolean noStateCache;

  @Option(
      names = "--split",
      paramLabel = "N",
      description = "Explorer: split each instance's search over N threads (work units below --split-depth, explorer/README.md). Default: the workers an instance would otherwise leave idle (--workers over the instances checked), else unsplit. The counterexample is the same for any N; the figures vary from run to run (the threads share their state caches).")
  Integer split;

  @Option(
      names = "--split-depth",
      paramLabel = "D",
      description = "Explorer, with --split: the decision points expanded in full above the work units (default 6). More units balance better; each level costs some reduction.")
  Integer splitDepth;

  @Option(
      names = "--unit-sizes",
      paramLabel = "FILE",
      description = "Explorer, with a split or a shard: assign the work units largest first to the least loaded worker or shard, by their sizes in FILE (written by 'merge --unit-sizes' after an earlier run at the same --split-depth), instead of round robin, and split again below twice the depth the units FILE marks too large for one shard. Instances not in FILE go round robin. Sizes only assign units: stale ones cost balance, never soundness.")
  Path unitSizes;

  @Option(
      names = "--claims",
      paramLabel = "FILE",
      description = "Explorer, with --shard K/N: the states each work unit reached in an earlier run of all the shards (written by 'merge --claims' at the same --split-depth). A shard stops at a state FILE gives to a lower unit and relies on that unit's shard to explore it; merge checks that it did, and claims nothing if not. Sound with stale claims; they only cost the verdict.")
  Path claims;

  @Option(
      names = "--random-walk",
      paramLabel = "SEED",
      description = "Explorer: hunt for bugs by random walks instead of the search: every decision of every execution drawn at random from SEED, until a violation, --max-executions or --time-budget. For scenarios the search cannot finish (two-calls, combined-uncut): it varies early choices in every execution, where the search varies them last. Never VERIFIED (no reduction, no state cache); a counterexample replays as usual, and the same SEED walks the same way: the walks are numbered, and idle --workers or shards (--shard K/N, then merge) share them out with the same counterexample.")
  Long randomWalk;

  /** The bounds: the defaults with each option given replacing its part. */
  public Bounds bounds() {
    return bounds(Bounds.DEFAULT_EXECUTION_TIMEOUT);
  }

  /** The bounds, with {@code defaultTimeout} (null: no watchdog) unless --execution-timeout is given. */
  public Bounds bounds(Duration defaultTimeout) {
    Bounds d = Bounds.DEFAULT;
    long executions = maxExecutions == null ? d.maxExecutions() : maxExecutions;
    int depth = maxDepth == null ? d.maxDepth() : maxDepth;
    Duration budget = timeBudget == null ? d.timeBudget() : timeBudget;
    if (executions <= 0) {
      throw new BadInputException("--max-executions must be positive, not " + executions);
    }
    if (depth <= 0) {
      throw new BadInputException("--max-depth must be positive, not " + depth);
    }
    return new Bounds(executions, depth, budget, executionTimeout == null ? defaultTimeout : executionTimeout);
  }

  /** The engine by name; an unknown one is bad input listing the known ones. */
  public Engine engine(EngineDirectory engines) {
    return engines
        .find(engine)
        .orElseThrow(
            () ->
                new BadInputException(
                    "unknown engine '" + engine + "'; available: " + String.join(", ", engines.names())
                        + (engine.equals("jpf") ? " (the jpf engine comes with the jpf-config jar; run through ./condis-verify)" : "")));
  }

  /** Options for one engine only: {@code jpf.home} from --jpf-home, -Djpf.home or $JPF_HOME. */
  public ImmutableMap<String, String> engineOptions(Map<String, String> environment) {
    return engineOptions(environment, 1, java.util.Optional.empty());
  }

  /**
   * The engine options, with the split: a shard's ({@code shard}: worker K of N), else
   * {@code --split}, else {@code idleWorkers} (the workers per instance when there are more
   * workers than instances) if above 1.
   */
  public ImmutableMap<String, String> engineOptions(Map<String, String> environment, int idleWorkers,
      java.util.Optional<ShardSpec> shard) {
    ImmutableMap.Builder<String, String> options = ImmutableMap.<String, String>builder().putAll(jpfOptions(environment));
    if (noStateCache) {
      options.put(ExplorerEngine.STATE_CACHE, "false");
    }
    if (randomWalk != null) {
      return randomWalkOptions(options, shard, idleWorkers);
    }
    if (split != null && split < 1) {
      throw new BadInputException("--split must be at least 1, not " + split);
    }
    if (splitDepth != null && splitDepth < 1) {
      throw new BadInputException("--split-depth must be at least 1, not " + splitDepth);
    }
    if (shard.isPresent() && split != null) {
      throw new BadInputException("--split and a shard (" + shard.get().source() + ") exclude each other: a shard is one worker of a split");
    }
    if (splitDepth != null && split == null && shard.isEmpty() && idleWorkers < 2) {
      throw new BadInputException("--split-depth needs --split (or more --workers than instances)");
    }
    int n = shard.isPresent() ? shard.get().count() : split != null ? split : idleWorkers;
    if (shard.isPresent() || split != null || n >= 2) {
      options.put(ExplorerEngine.SPLIT, Integer.toString(n));
      options.put(ExplorerEngine.SPLIT_DEPTH,
          Integer.toString(splitDepth != null ? splitDepth : ExplorerEngine.DEFAULT_SPLIT_DEPTH));
    }
    shard.ifPresent(k -> options.put(ExplorerEngine.SHARD, Integer.toString(k.index())));
    if (unitSizes != null) {
      if (!(shard.isPresent() || split != null || n >= 2)) {
        throw new BadInputException("--unit-sizes needs a split: --shard K/N, --split N, or more --workers than instances");
      }
      UnitSizes sizes = readUnitSizes(unitSizes);
      int depth = splitDepth != null ? splitDepth : ExplorerEngine.DEFAULT_SPLIT_DEPTH;
      if (sizes.splitDepth() != depth) {
        throw new BadInputException("--unit-sizes " + unitSizes + " was measured at split depth " + sizes.splitDepth()
            + ", this run splits at depth " + depth + " (other units): give --split-depth " + sizes.splitDepth());
      }
      options.put(ExplorerEngine.UNIT_SIZES, sizes.toJson());
    }
    if (claims != null) {
      if (shard.isEmpty()) {
        throw new BadInputException("--claims needs --shard K/N: the workers of one process share their claims already");
      }
      if (noStateCache) {
        throw new BadInputException("--claims needs the state cache: it cuts at states, which --no-state-cache switches off");
      }
      StateClaims given;
      try {
        given = StateClaims.parse(readText(claims, "--claims"));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--claims " + claims + ": " + e.getMessage());
      }
      int depth = splitDepth != null ? splitDepth : ExplorerEngine.DEFAULT_SPLIT_DEPTH;
      if (given.splitDepth() != depth) {
        throw new BadInputException("--claims " + claims + " was made at split depth " + given.splitDepth()
            + ", this run splits at depth " + depth + " (other units): give --split-depth " + given.splitDepth());
      }
      options.put(ExplorerEngine.CLAIMS, given.toJson());
    }
    return options.build();
  }

  /**
   * Random walks: no split, no sizes, no claims (they cut a tree the walks do not have); the
   * workers an instance would leave idle walk it too, and a shard runs its share of the walks.
   */
  private ImmutableMap<String, String> randomWalkOptions(ImmutableMap.Builder<String, String> options,
      java.util.Optional<ShardSpec> shard, int idleWorkers) {
    if (!ExplorerEngine.NAME.equals(engine)) { // here, so that @CondisTest is refused too
      throw new BadInputException("--random-walk is for the explorer engine, not " + engine);
    }
    String why = " exclude each other: random walks explore no tree to divide or cut";
    for (Object[] o : new Object[][] {{"--split", split}, {"--split-depth", splitDepth}, {"--unit-sizes", unitSizes},
        {"--claims", claims}}) {
      if (o[1] != null) {
        throw new BadInputException("--random-walk and " + o[0] + why);
      }
    }
    options.put(ExplorerEngine.RANDOM_WALK, Long.toString(randomWalk));
    shard.ifPresent(k -> options.put(ExplorerEngine.SPLIT, Integer.toString(k.count()))
        .put(ExplorerEngine.SHARD, Integer.toString(k.index())));
    if (idleWorkers >= 2) {
      options.put(ExplorerEngine.RANDOM_WALKERS, Integer.toString(idleWorkers));
    }
    return options.build();
  }

  /** A unit-sizes file, or bad input in one line. */
  static UnitSizes readUnitSizes(Path file) {
    String text = readText(file, "--unit-sizes");
    try {
      return UnitSizes.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--unit-sizes " + file + ": " + e.getMessage());
    }
  }

  /** The text of {@code option}'s file, or bad input in one line. */
  private static String readText(Path file, String option) {
    try {
      return Files.readString(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException("no " + option + " file " + file + ": no such file");
    } catch (java.io.IOException | RuntimeException e) {
      throw new BadInputException("cannot read " + option + " " + file + ": " + ErrorHandling.oneLine(String.valueOf(e.getMessage())));
    }
  }

  private ImmutableMap<String, String> jpfOptions(Map<String, String> environment) {
    String home =
        jpfHome != null
            ? jpfHome.toString()
            : System.getProperty("jpf.home", environment.get("JPF_HOME"));
    if (home == null || home.isBlank()) {
      return ImmutableMap.of();
    }
    if (jpfHome != null && !Files.isDirectory(jpfHome)) {
      throw new BadInputException("--jpf-home " + jpfHome + " is not a directory");
    }
    return ImmutableMap.of("jpf.home", home);
  }

  /** The property classes to check; unknown ids and unusable classes are bad input. */
  public ImmutableList<String> propertyClasses(List<Path> classpath) {
    try {
      if (properties.isEmpty()) {
        List<String> all = new ArrayList<>(PropertyCatalog.defaultPropertyClasses());
        for (PropertyCatalog.PropertyInfo p : PropertyCatalog.available(classpath)) {
          if (!all.contains(p.className())) {
            all.add(p.className());
          }
        }
        return ImmutableList.copyOf(all);
      }
      return PropertyCatalog.resolveAll(properties, classpath);
    } catch (DriverLoader.BadDriverException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
