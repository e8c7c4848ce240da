package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import java.time.Duration;
import java.util.List;

/** Test helpers: verify a scenario instance on the explorer engine. */
public final class Runs {
  public static final Bounds TEST_BOUNDS = new Bounds(500_000, 2_000, Duration.ofMinutes(2));

  private Runs() {}

  public static VerificationRequest request(ScenarioConfig config) {
    return request(config, PropertyCatalog.defaultPropertyClasses());
  }

  public static VerificationRequest request(ScenarioConfig config, List<String> propertyClasses) {
    return request(config, propertyClasses, TEST_BOUNDS);
  }

  public static VerificationRequest request(ScenarioConfig config, List<String> propertyClasses, Bounds bounds) {
    return new VerificationRequest(
        config, ImmutableList.copyOf(propertyClasses), bounds, ProgressListener.NONE, ImmutableMap.of());
  }

  public static VerificationResult verify(ScenarioConfig config) {
    return new ExplorerEngine().verify(request(config));
  }

  public static VerificationResult verify(ScenarioConfig config, List<String> propertyClasses) {
    return new ExplorerEngine().verify(request(config, propertyClasses));
  }

  /** Under {@code bounds} instead of {@link #TEST_BOUNDS}, with the default properties. */
  public static VerificationResult verify(ScenarioConfig config, Bounds bounds) {
    return new ExplorerEngine().verify(request(config, PropertyCatalog.defaultPropertyClasses(), bounds));
  }

  public static String describe(VerificationResult r) {
    return r.config().label() + " -> " + r.verdict() + " " + r.figures()
        + r.detail().map(d -> " detail: " + d).orElse("")
        + r.counterexample().map(c -> " cex: " + c.violation() + " schedule " + c.schedule()).orElse("");
  }
}
