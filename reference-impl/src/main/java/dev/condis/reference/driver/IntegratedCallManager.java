package dev.condis.reference.driver;

/**
 * A miniport with an integrated call manager (MCM), using NdisMCmXxx only (GEN-10). Plugged
 * in with {@code --miniport CLASS} when the call manager kind is MCM.
 */
public interface IntegratedCallManager extends CallManagerDriver {
  void initialize(McmEnvironment environment);
}
