package dev.condis.reference.driver;

/**
 * A stand-alone call manager: a protocol driver using NdisCmXxx and the NdisCo pair, above a
 * separate CoNDIS miniport. Plugged in with {@code --call-manager CLASS} (public no-arg
 * constructor).
 */
public interface StandaloneCallManager extends CallManagerDriver {
  void initialize(CallManagerEnvironment environment);
}
