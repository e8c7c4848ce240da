package dev.condis.model.report;

import dev.condis.model.engine.Bounds;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.engine.Verdict;

/** One scenario's result together with the bounds its search ran under. */
public record ScenarioReport(VerificationResult result, Bounds bounds) {
  public String label() {
    return result.config().label();
  }

  public Verdict verdict() {
    return result.verdict();
  }
}
