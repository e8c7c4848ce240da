package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The CoNDIS miniport beneath a stand-alone call manager. Plugged in with {@code --miniport
 * CLASS} when the call manager kind is stand-alone (public no-arg constructor).
 */
@PublicApi
public interface CoNdisMiniport extends MiniportCoHandlers {
  void initialize(MiniportEnvironment environment);
}
