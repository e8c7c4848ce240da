package dev.condis.model.scenario;

/** Who creates the VC a scenario's call runs on (§2.8). */
public enum VcOwner {
  /** An outgoing call: the client creates the VC with NdisCoCreateVc. */
  CLIENT,
  /** An incoming call: the CM (NdisCoCreateVc) or MCM (NdisMCmCreateVc) creates the VC. */
  CALL_MANAGER
}
