package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * A stand-alone call manager: a protocol driver using NdisCmXxx and the NdisCo pair, above a
 * separate CoNDIS miniport. Plugged in with {@code --call-manager CLASS} (public no-arg
 * constructor).
 */
@PublicApi
public interface StandaloneCallManager extends CallManagerDriver {
  void initialize(CallManagerEnvironment environment);
}
