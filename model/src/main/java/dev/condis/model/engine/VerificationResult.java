package dev.condis.model.engine;

import com.google.common.collect.ImmutableList;
import dev.condis.model.scenario.ScenarioConfig;
import java.util.Optional;

/**
 * The result of checking one scenario on one engine. {@code detail} says why a search was
 * INCONCLUSIVE (which bound) or what went wrong for ERROR; empty otherwise.
 */
public record VerificationResult(
    ScenarioConfig config,
    String engine,
    Verdict verdict,
    ImmutableList<String> properties,
    Figures figures,
    Optional<Counterexample> counterexample,
    Optional<String> detail) {}
