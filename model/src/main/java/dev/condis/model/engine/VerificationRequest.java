package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.scenario.ScenarioConfig;

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
    ImmutableMap<String, String> engineOptions) {}
