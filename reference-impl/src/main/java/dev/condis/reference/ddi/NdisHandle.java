package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * Any of the handles NDIS issues: a VC, a party, an address family or a SAP. Events and
 * snapshots carry them typed, so a property asks {@code handle instanceof NdisVcHandle} instead
 * of taking the printed form ("vc#3") apart. Ids count up from 1 per kind and are never reused
 * within a run.
 */
@PublicApi
public sealed interface NdisHandle permits NdisVcHandle, NdisPartyHandle, NdisAfHandle, NdisSapHandle {

  /** The handle's number among the handles of its kind. */
  int id();
}
