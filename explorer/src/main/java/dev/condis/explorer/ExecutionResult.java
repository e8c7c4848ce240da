package dev.condis.explorer;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * One replayed execution. Immutable.
 *
 * @param schedule the decisions it actually took (a prefix of the given one on divergence)
 * @param failure its failure, if any ({@link FailureKind#REPLAY_DIVERGENCE} when it left the schedule)
 * @param trace its events in order
 * @param steps runtime calls made
 */
public record ExecutionResult(
    Schedule schedule, Optional<Failure> failure, List<TraceStep> trace, long steps) {

  public ExecutionResult {
    trace = ImmutableList.copyOf(trace);
  }

  /** True when every thread finished and nothing failed. */
  public boolean completed() {
    return failure.isEmpty();
  }
}
