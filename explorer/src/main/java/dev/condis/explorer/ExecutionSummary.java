package dev.condis.explorer;

import java.util.Optional;

/**
 * What an {@link ExecutionListener} learns about one execution.
 *
 * @param index 1-based number of the execution in the search
 * @param schedule the decisions it took
 * @param failure its failure, if it failed
 * @param completed every thread finished normally
 * @param sleepSetBlocked cut by the reduction as redundant (no failure, not completed)
 * @param depthCut cut by {@link SearchOptions#maxDepth()}
 */
public record ExecutionSummary(
    long index,
    Schedule schedule,
    Optional<Failure> failure,
    boolean completed,
    boolean sleepSetBlocked,
    boolean depthCut) {}
