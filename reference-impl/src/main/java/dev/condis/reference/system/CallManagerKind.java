package dev.condis.reference.system;

/** Which call manager the client talks to (condis-rules.md §1.1). */
public enum CallManagerKind {
  /** A stand-alone call manager (NdisCmXxx) above a separate CoNDIS miniport. */
  STANDALONE,
  /** A miniport with an integrated call manager (NdisMCmXxx). */
  MCM
}
