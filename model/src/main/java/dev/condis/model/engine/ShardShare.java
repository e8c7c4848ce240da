package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.condis.explorer.SearchResult;
import java.util.List;

/**
 * What one shard ({@code verify --shard K/N}) covered of a scenario instance: it is worker
 * {@code index} (0-based) of {@code count} of a search split below depth {@code depth}; it
 * numbered {@code units} work units and explored the {@code unitsOwned} that are its own;
 * {@code failureUnit} is the unit of its violation (-1: none); {@code complete} says it
 * explored all of its units (no bound reached, no violation); {@code unmetPremises} are the
 * scenario's premises no execution of this shard met (another shard's may: merge decides);
 * {@code unitExecutions} the executions of each unit it explored, by unit number (what {@code
 * merge --unit-sizes} writes for the next run to balance by), and {@code partExecutions} those
 * of each part of a unit split again ("unit.part"). {@code reached} is each state the shard
 * reached inside its units (by fingerprint, those any JVM fingerprints alike) with the lowest
 * unit that reached it, what {@code merge --claims} writes for the next run; {@code relied} each
 * state it stopped at because an earlier run's claims ({@code verify --claims}) gave it to a
 * lower unit, with that unit, which merge checks reached it in this run. {@code condis-verify
 * merge} turns the shards of an instance into its verdict.
 */
public record ShardShare(int index, int count, int depth, long units, long unitsOwned, long failureUnit,
    boolean complete, ImmutableList<String> unmetPremises, ImmutableSortedMap<Long, Long> unitExecutions,
    ImmutableSortedMap<String, Long> partExecutions, ImmutableSortedMap<String, Long> reached,
    ImmutableSortedMap<String, Long> relied) {

  /**
   * Why the parts of one complete split search (its workers in one process, or its shards)
   * cannot be trusted, or null: each part must have numbered the same units, and together
   * they must own each exactly once, or some unit went unexplored (or twice). {@code parts}
   * and {@code whose} name them in the message ("the split's workers numbered its work units
   * ...").
   */
  public static String unitsDisagree(String parts, String whose, List<SearchResult.SplitFigures> each) {
    long units = each.get(0).units();
    long owned = each.stream().mapToLong(SearchResult.SplitFigures::unitsOwned).sum();
    if (each.stream().allMatch(w -> w.units() == units) && owned == units) {
      return null;
    }
    return "the " + parts + " numbered " + whose + " work units differently ("
        + String.join(", ", each.stream().map(w -> w.units() + " units, " + w.unitsOwned() + " owned").toList())
        + "): a unit may have gone unexplored, so nothing is claimed (explorer/README.md, \"Splitting a search\")";
  }
}
