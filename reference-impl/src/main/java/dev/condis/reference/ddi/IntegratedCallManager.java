package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * A miniport with an integrated call manager (MCM), using NdisMCmXxx only (GEN-10). Plugged
 * in with {@code --miniport CLASS} when the call manager kind is MCM.
 */
@PublicApi
public interface IntegratedCallManager extends CallManagerDriver {
  void initialize(McmEnvironment environment);
}
