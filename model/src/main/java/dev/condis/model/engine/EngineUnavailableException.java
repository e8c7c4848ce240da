package dev.condis.model.engine;

/** The engine cannot run on this machine; the message says why and what to do. */
public class EngineUnavailableException extends RuntimeException {
  public EngineUnavailableException(String message) {
    super(message);
  }
}
