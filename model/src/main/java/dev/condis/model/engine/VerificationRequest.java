package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import java.util.Map;

/**
 * What to check: a scenario instance, the property classes to check it against (built-ins,
 * user classes by name, ServiceLoader ones — resolved by the caller), the bounds, and options
 * only one engine understands (e.g. "jpf.home" for the JPF engine).
 */
public record VerificationRequest(
    ScenarioConfig config,
    ImmutableList<String> propertyClasses,
    Bounds bounds,
    ProgressListener progress,
    ImmutableMap<String, String> engineOptions) {

  /** The default properties, no progress callback: what a benchmark or a test asks for. */
  public static VerificationRequest of(ScenarioConfig config, Bounds bounds, Map<String, String> engineOptions) {
    return new VerificationRequest(config, ImmutableList.copyOf(PropertyCatalog.defaultPropertyClasses()), bounds,
        ProgressListener.NONE, ImmutableMap.copyOf(engineOptions));
  }
}
