package dev.condis.reference.driver;

/**
 * The CoNDIS miniport beneath a stand-alone call manager. Plugged in with {@code --miniport
 * CLASS} when the call manager kind is stand-alone (public no-arg constructor).
 */
public interface CoNdisMiniport extends MiniportCoHandlers {
  void initialize(MiniportEnvironment environment);
}
