package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;

/**
 * What one shard ({@code verify --shard K/N}) covered of a scenario instance: it is worker
 * {@code index} (0-based) of {@code count} of a search split below depth {@code depth}; it
 * numbered {@code units} work units and explored the {@code unitsOwned} that are its own;
 * {@code failureUnit} is the unit of its violation (-1: none); {@code complete} says it
 * explored all of its units (no bound reached, no violation); {@code unmetPremises} are the
 * scenario's premises no execution of this shard met (another shard's may: merge decides).
 * {@code condis-verify merge}
 * turns the shards of an instance into its verdict.
 */
public record ShardShare(int index, int count, int depth, long units, long unitsOwned, long failureUnit,
    boolean complete, ImmutableList<String> unmetPremises) {}
