package dev.condis.model.engine;

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
}
