package dev.condis.model.engine;

import com.google.common.collect.ImmutableMap;

/**
 * A model-checking engine: the embedded explorer ({@code explorer}, the default) or Java
 * PathFinder ({@code jpf}, in jpf-config, found through {@link java.util.ServiceLoader}).
 */
public interface Engine {

  /** The name given to {@code --engine}. */
  String name();

  /**
   * Checks one scenario. Never throws for a property failure or a bound: those are verdicts.
   * Throws {@link EngineUnavailableException} when the engine cannot run here (e.g. JPF not
   * installed), which the CLI reports as bad input.
   */
  VerificationResult verify(VerificationRequest request);

  /**
   * Checks, before the first search and before any report line, that the engine can run here
   * with these options; throws {@link EngineUnavailableException} when it cannot. The default
   * engine always can.
   */
  default void checkAvailable(ImmutableMap<String, String> engineOptions) {}
}
