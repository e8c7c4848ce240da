package dev.condis.model.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.HashCode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which work unit owns each state of a sharded run, measured by an earlier run ({@code merge
 * --claims FILE}) and read back by the next ({@code verify --shard K/N --claims FILE}): per
 * scenario instance (by label), each state the shards reached inside their units, by its
 * fingerprint, with the lowest unit that reached it. A shard of the next run stops at such a
 * state in a higher unit and relies on the lower unit's shard to explore it; merge checks that
 * one did (explorer/README.md, "Splitting a search"). Stale claims cost a verdict (merge then
 * claims nothing), never soundness; so that they are not stale for an ordinary reason, the
 * file names the commit its shards ran, and {@code verify} uses it only at that commit.
 * Schema {@value #SCHEMA}.
 */
public final class StateClaims {
  public static final String SCHEMA = "condis-verify-claims/1";

  private final int splitDepth;
  private final String commit;
  private final String userCode;
  private final ImmutableMap<String, ImmutableSortedMap<String, Long>> byInstance;

  private StateClaims(int splitDepth, String commit, String userCode,
      Map<String, ImmutableSortedMap<String, Long>> byInstance) {
    this.splitDepth = splitDepth;
    this.commit = commit;
    this.userCode = userCode;
    this.byInstance = ImmutableMap.copyOf(byInstance);
  }

  /** Claims of shards that ran at {@code commit} (null: unknown, which no run will use). */
  public static Builder builder(int splitDepth, String commit) {
    return new Builder(splitDepth, commit);
  }

  /** The commit the claiming shards ran, or null if unknown. */
  public String commit() {
    return commit;
  }

  /**
   * The user code the claiming shards checked (dev.condis.model.plugin.PluginCode: "none"
   * without a --classpath), or null if unknown: a state of other drivers is another state.
   */
  public String userCode() {
    return userCode;
  }

  /** The split depth the claims were made at: units of another depth are other units. */
  public int splitDepth() {
    return splitDepth;
  }

  /** {@code label}'s states, by fingerprint, with their lowest unit; empty if not listed. */
  public Map<HashCode, Long> claimsOf(String label) {
    Map<HashCode, Long> out = new HashMap<>();
    byInstance.getOrDefault(label, ImmutableSortedMap.of()).forEach((state, unit) -> out.put(HashCode.fromString(state), unit));
    return out;
  }

  /** The file's text (also the engine option's value: compact, one line). */
  public String toJson() {
    ObjectNode root = RunFiles.MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("splitDepth", splitDepth);
    root.put("gitCommit", commit);
    root.put("userCode", userCode);
    var instances = root.putArray("instances");
    byInstance.forEach((label, states) -> {
      ObjectNode n = instances.addObject();
      n.put("label", label);
      ObjectNode s = n.putObject("states");
      states.forEach(s::put);
    });
    return root.toString();
  }

  /** What two shards compare to see that they were given the same claims. */
  public String digest() {
    return RunFiles.digest(toJson());
  }

  /**
   * Parses a claims file's text.
   *
   * @throws IllegalArgumentException in one line, saying what is wrong with it
   */
  public static StateClaims parse(String json) {
    JsonNode root = RunFiles.read(json, SCHEMA, "a claims file", "merge --claims");
    Builder b = builder(root.path("splitDepth").asInt(), root.path("gitCommit").isTextual() ? root.path("gitCommit").asText() : null)
        .userCode(root.path("userCode").isTextual() ? root.path("userCode").asText() : null);
    for (JsonNode n : root.path("instances")) {
      if (!n.path("label").isTextual() || !n.path("states").isObject()) {
        throw new IllegalArgumentException("an instance lacks its label or its states");
      }
      Map<String, Long> states = new LinkedHashMap<>();
      n.path("states").fields().forEachRemaining(e -> states.put(e.getKey(), unit(n.path("label").asText(), e)));
      b.add(n.path("label").asText(), states);
    }
    return b.build();
  }

  /** A state's unit as read from a claims file or a shard report. */
  public static long unit(String label, Map.Entry<String, JsonNode> e) {
    if (!isFingerprint(e.getKey()) || !e.getValue().canConvertToLong() || e.getValue().asLong() < 0) {
      throw new IllegalArgumentException(label + ": '" + e.getKey() + "': " + e.getValue()
          + " is not a state's fingerprint and a unit number");
    }
    return e.getValue().asLong();
  }

  private static boolean isFingerprint(String s) {
    return s.length() == 32 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /**
   * What the shards of one run relied on each other for: {@code relied} states they stopped
   * at because an earlier run's claims gave them to a lower unit, of which {@code unreached}
   * no shard of this run reached in that unit or a lower one ({@code example}, given to unit
   * {@code exampleUnit}, is one). The lowest unit that reached a state in a run cannot have
   * stopped there at a claim, so a state reached at or below the unit relied on was explored
   * (proofs/README.md, assumption 6); merge claims nothing while {@code unreached} is not 0.
   */
  public record Reliance(long relied, long unreached, String example, long exampleUnit) {
    /** Over the shards' {@code reached} and {@code relied} maps (state to unit), one of each per shard. */
    public static Reliance of(List<? extends Map<String, Long>> reached, List<? extends Map<String, Long>> relied) {
      Map<String, Long> lowest = new HashMap<>();
      reached.forEach(m -> m.forEach((state, unit) -> lowest.merge(state, unit, Math::min)));
      long count = 0;
      long unreached = 0;
      String example = null;
      long exampleUnit = -1;
      for (Map<String, Long> m : relied) {
        for (Map.Entry<String, Long> e : new TreeMap<>(m).entrySet()) {
          count++;
          Long at = lowest.get(e.getKey());
          if (at == null || at > e.getValue()) {
            unreached++;
            if (example == null) {
              example = e.getKey();
              exampleUnit = e.getValue();
            }
          }
        }
      }
      return new Reliance(count, unreached, example, exampleUnit);
    }
  }

  /** Collects instances' claims; the same state from several shards keeps its lowest unit. */
  public static final class Builder {
    private final int splitDepth;
    private final String commit;
    private String userCode;
    private final Map<String, Map<String, Long>> byInstance = new LinkedHashMap<>();

    private Builder(int splitDepth, String commit) {
      this.splitDepth = splitDepth;
      this.commit = commit;
    }

    /** The user code the shards checked (their options' "userCode"); null if unknown. */
    public Builder userCode(String userCode) {
      this.userCode = userCode;
      return this;
    }

    /**
     * Adds states of {@code label} with the unit that reached them (a shard's {@code reached}).
     *
     * @throws IllegalArgumentException naming a key that is not a fingerprint
     */
    public Builder add(String label, Map<String, Long> states) {
      Map<String, Long> mine = byInstance.computeIfAbsent(label, k -> new TreeMap<>());
      states.forEach((state, unit) -> {
        if (!isFingerprint(state) || unit < 0) {
          throw new IllegalArgumentException(label + ": '" + state + "': " + unit + " is not a state's fingerprint and a unit number");
        }
        mine.merge(state, unit, Math::min);
      });
      return this;
    }

    public StateClaims build() {
      Map<String, ImmutableSortedMap<String, Long>> out = new LinkedHashMap<>();
      byInstance.forEach((label, states) -> out.put(label, ImmutableSortedMap.copyOf(states)));
      return new StateClaims(splitDepth, commit, userCode, out);
    }
  }
}
