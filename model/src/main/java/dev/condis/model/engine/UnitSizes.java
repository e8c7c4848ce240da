package dev.condis.model.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import dev.condis.explorer.Split;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work units' sizes of a split search, measured by an earlier run ({@code merge
 * --unit-sizes FILE}) and read back by the next ({@code verify --unit-sizes FILE}), so that
 * its shards or workers take the units largest first (explorer {@code Split.plan(depth, count,
 * sizes, splitAgain)}) instead of round robin. Per scenario instance (by label): the executions
 * of each unit, by unit number, -1 where no shard measured it, the units to split again
 * (those larger than 1.5 times a shard's share in the run that measured them), and the sizes
 * of the parts of units a run split again, which the next run places like units. Sizes only
 * assign units: stale or wrong ones cost balance, never soundness. Schema {@value #SCHEMA}.
 */
public final class UnitSizes {
  public static final String SCHEMA = "condis-verify-unit-sizes/1";

  private final int splitDepth;
  private final ImmutableMap<String, long[]> byInstance;
  private final ImmutableMap<String, long[]> splitAgain;
  private final ImmutableMap<String, Map<Long, long[]>> parts;

  private UnitSizes(int splitDepth, Map<String, long[]> byInstance, Map<String, long[]> splitAgain,
      Map<String, Map<Long, long[]>> parts) {
    this.splitDepth = splitDepth;
    this.byInstance = ImmutableMap.copyOf(byInstance);
    this.splitAgain = ImmutableMap.copyOf(splitAgain);
    this.parts = ImmutableMap.copyOf(parts);
  }

  /** A builder for {@code merge}: instances in the order added. */
  public static Builder builder(int splitDepth) {
    return new Builder(splitDepth);
  }

  /** The split depth the sizes were measured at: units of another depth are other units. */
  public int splitDepth() {
    return splitDepth;
  }

  /** The sizes of {@code label}'s units, by unit number, if measured. */
  public Optional<long[]> sizesOf(String label) {
    long[] s = byInstance.get(label);
    return s == null ? Optional.empty() : Optional.of(s.clone());
  }

  /** The units of {@code label} to split again, by unit number; empty if none. */
  public long[] splitAgainOf(String label) {
    return splitAgain.getOrDefault(label, new long[0]).clone();
  }

  /** The measured sizes of the parts of {@code label}'s units split again: unit, then part (-1: unknown). */
  public Map<Long, long[]> partSizesOf(String label) {
    Map<Long, long[]> out = new LinkedHashMap<>();
    parts.getOrDefault(label, Map.of()).forEach((unit, sizes) -> out.put(unit, sizes.clone()));
    return out;
  }

  /**
   * What the shards of a run of {@code count} already hold when {@code label}'s units are
   * assigned: the loads largest first leaves after assigning, in the file's order (the order of
   * the run that measured them), every instance listed before {@code label}, each starting from
   * the loads the one before it left. A shard explores its share of every instance, so its
   * work is the sum over them; each search's largest units then go to the shards the earlier
   * ones left least loaded, not all to shard 1. The file alone decides it, so every shard
   * computes the same loads. All zero for the first instance, and for one not listed.
   */
  public long[] loadsBefore(String label, int count) {
    long[] load = new long[count];
    if (!byInstance.containsKey(label)) {
      return load;
    }
    for (String earlier : byInstance.keySet()) {
      if (earlier.equals(label)) {
        break;
      }
      load = Split.plan(splitDepth, count, byInstance.get(earlier), splitAgainOf(earlier), partSizesOf(earlier), load)
          .loads();
    }
    return load;
  }

  /** The file's text (also the engine option's value: compact, one line). */
  public String toJson() {
    ObjectNode root = RunFiles.MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("splitDepth", splitDepth);
    ArrayNode instances = root.putArray("instances");
    byInstance.forEach((label, sizes) -> {
      ObjectNode n = instances.addObject();
      n.put("label", label);
      ArrayNode units = n.putArray("unitExecutions");
      Arrays.stream(sizes).forEach(units::add);
      ArrayNode again = n.putArray("splitAgain");
      Arrays.stream(splitAgain.getOrDefault(label, new long[0])).forEach(again::add);
      ObjectNode partSizes = n.putObject("partExecutions");
      parts.getOrDefault(label, Map.of()).forEach((unit, each) -> {
        for (int j = 0; j < each.length; j++) {
          if (each[j] >= 0) {
            partSizes.put(unit + "." + j, each[j]);
          }
        }
      });
    });
    return root.toString();
  }

  /** What two runs compare to see that they used the same sizes. */
  public String digest() {
    return RunFiles.digest(toJson());
  }

  /**
   * Parses a sizes file's text.
   *
   * @throws IllegalArgumentException in one line, saying what is wrong with it
   */
  public static UnitSizes parse(String json) {
    JsonNode root = RunFiles.read(json, SCHEMA, "a unit-sizes file", "merge --unit-sizes");
    Builder b = builder(root.path("splitDepth").asInt());
    for (JsonNode n : root.path("instances")) {
      JsonNode units = n.path("unitExecutions");
      if (!n.path("label").isTextual() || !units.isArray()) {
        throw new IllegalArgumentException("an instance lacks its label or its unitExecutions");
      }
      long[] sizes = new long[units.size()];
      for (int i = 0; i < sizes.length; i++) {
        if (!units.get(i).canConvertToLong() || units.get(i).asLong() < -1) {
          throw new IllegalArgumentException(n.path("label").asText() + ": unit " + i + "'s size is not a count (or -1)");
        }
        sizes[i] = units.get(i).asLong();
      }
      JsonNode again = n.path("splitAgain");
      long[] splitAgain = new long[again.isArray() ? again.size() : 0];
      for (int i = 0; i < splitAgain.length; i++) {
        if (!again.get(i).canConvertToLong() || again.get(i).asLong() < 0) {
          throw new IllegalArgumentException(n.path("label").asText() + ": splitAgain lists '" + again.get(i) + "', not a unit number");
        }
        splitAgain[i] = again.get(i).asLong();
      }
      b.add(n.path("label").asText(), sizes, splitAgain, parseParts(n.path("label").asText(), n.path("partExecutions")));
    }
    return b.build();
  }

  /**
   * Parts' sizes from an object keyed "unit.part" ({@code partExecutions} of a shard report or
   * of this file): by unit, each part's size by its number, -1 where none is given.
   *
   * @throws IllegalArgumentException naming the key or value that is not one
   */
  public static Map<Long, long[]> parseParts(String label, JsonNode object) {
    Map<String, Long> counts = new LinkedHashMap<>();
    java.util.Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (!e.getValue().canConvertToLong()) {
        throw new IllegalArgumentException(label + ": partExecutions lists '" + e.getKey() + "': " + e.getValue()
            + ", not a unit.part and a count");
      }
      counts.put(e.getKey(), e.getValue().asLong());
    }
    return parts(label, counts);
  }

  /** {@link #parseParts} over counts already read. */
  private static Map<Long, long[]> parts(String label, Map<String, Long> counts) {
    Map<Long, long[]> out = new java.util.TreeMap<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String[] unitAndPart = e.getKey().split("\\.", -1);
      long unit;
      int part;
      try {
        unit = Long.parseLong(unitAndPart[0]);
        part = unitAndPart.length == 2 ? Integer.parseInt(unitAndPart[1]) : -1;
      } catch (NumberFormatException x) {
        part = -1;
        unit = -1;
      }
      if (unit < 0 || part < 0 || e.getValue() < 0) {
        throw new IllegalArgumentException(label + ": partExecutions lists '" + e.getKey() + "': " + e.getValue()
            + ", not a unit.part and a count");
      }
      long[] sizes = out.getOrDefault(unit, new long[0]);
      if (part >= sizes.length) {
        int from = sizes.length;
        sizes = Arrays.copyOf(sizes, part + 1);
        Arrays.fill(sizes, from, sizes.length, -1);
      }
      sizes[part] = e.getValue();
      out.put(unit, sizes);
    }
    return out;
  }

  /** Collects instances' sizes; one instance once. */
  public static final class Builder {
    private final int splitDepth;
    private final Map<String, long[]> byInstance = new LinkedHashMap<>();
    private final Map<String, long[]> splitAgain = new LinkedHashMap<>();
    private final Map<String, Map<Long, long[]>> parts = new LinkedHashMap<>();
    /** The instances added as measured, with their run's shard count: {@link #build()} picks their units to split again. */
    private final Map<String, Integer> measuredBy = new LinkedHashMap<>();

    private Builder(int splitDepth) {
      this.splitDepth = splitDepth;
    }

    /** {@code label}'s units' sizes, by unit number, and the units to split again. */
    public Builder add(String label, long[] sizes, long[] splitAgainUnits) {
      return add(label, sizes, splitAgainUnits, Map.of());
    }

    /** As {@link #add(String, long[], long[])}, with the sizes of parts measured (unit, then part). */
    public Builder add(String label, long[] sizes, long[] splitAgainUnits, Map<Long, long[]> partSizes) {
      if (byInstance.putIfAbsent(label, sizes.clone()) != null) {
        throw new IllegalArgumentException(label + " is listed twice");
      }
      splitAgain.put(label, splitAgainUnits.clone());
      Map<Long, long[]> copy = new java.util.TreeMap<>();
      partSizes.forEach((unit, s) -> copy.put(unit, s.clone()));
      parts.put(label, copy);
      return this;
    }

    /**
     * {@code label}'s sizes as the shards (or workers) of one run of {@code count} measured them,
     * as {@code merge --unit-sizes} writes them: each unit's executions summed over the shards
     * (a unit split again is explored by several, each reporting its parts' share), -1 where
     * none measured it; the units to split again; and the parts' sizes ("unit.part"). The units
     * to split again are decided by {@link #build()}, over every instance measured: those larger
     * than 1.5 times a shard's share of the whole run. A shard's work is its shares of every
     * instance, and largest first balances them together ({@link UnitSizes#loadsBefore}), so
     * only a unit no shard can hold among the others needs splitting, which costs reduction in
     * its new top levels; for one instance alone it is a shard's share of that instance.
     *
     * @param units how many units the run numbered
     * @throws IllegalArgumentException naming a part key that is not one
     */
    public Builder addMeasured(String label, int count, long units, List<? extends Map<Long, Long>> unitExecutions,
        Map<String, Long> partExecutions) {
      long[] sizes = new long[(int) Math.min(units, Integer.MAX_VALUE - 8)];
      Arrays.fill(sizes, -1);
      for (Map<Long, Long> measured : unitExecutions) {
        for (Map.Entry<Long, Long> e : measured.entrySet()) {
          if (e.getKey() >= 0 && e.getKey() < sizes.length) {
            int unit = e.getKey().intValue();
            sizes[unit] = Math.max(sizes[unit], 0) + e.getValue();
          }
        }
      }
      measuredBy.put(label, count);
      return add(label, sizes, new long[0], parts(label, partExecutions));
    }

    /** {@link #addMeasured(String, int, long, List, Map)} from one instance's shard shares, as its shards reported them. */
    public Builder addMeasured(String label, int count, List<ShardShare> shares) {
      Map<String, Long> partExecutions = new LinkedHashMap<>();
      shares.forEach(s -> partExecutions.putAll(s.partExecutions()));
      return addMeasured(label, count, shares.get(0).units(), shares.stream().map(ShardShare::unitExecutions).toList(),
          partExecutions);
    }

    public UnitSizes build() {
      long run = 0;
      for (String label : measuredBy.keySet()) {
        run += Arrays.stream(byInstance.get(label)).filter(x -> x > 0).sum();
      }
      Map<String, long[]> again = new LinkedHashMap<>(splitAgain);
      for (Map.Entry<String, Integer> m : measuredBy.entrySet()) {
        again.put(m.getKey(), Split.unitsToSplitAgain(byInstance.get(m.getKey()), m.getValue(), run));
      }
      return new UnitSizes(splitDepth, byInstance, again, parts);
    }
  }
}
