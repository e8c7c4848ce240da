package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;

/** Where a VC is in its activation (Ndis(M)CmActivateVc / Ndis(M)CmDeactivateVc). */
@PublicApi
public enum VcActivation {
  INACTIVE,
  /** NdisCmActivateVc pended at the miniport; NdisMCoActivateVcComplete will follow. */
  ACTIVATING,
  ACTIVE,
  /** NdisCmDeactivateVc pended at the miniport; NdisMCoDeactivateVcComplete will follow. */
  DEACTIVATING
}
