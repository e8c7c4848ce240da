package dev.condis.model.cli;

import dev.condis.model.engine.ReplayResult;
import dev.condis.model.engine.VerificationRequest;

/** Re-runs one execution of a scenario along a schedule (what {@code replay} needs). */
@FunctionalInterface
public interface Replayer {
  /**
   * @throws IllegalArgumentException when {@code schedule} is not a schedule at all (malformed);
   *     a well-formed schedule the program does not follow is a divergence, not an exception
   */
  ReplayResult replay(VerificationRequest request, String schedule);
}
