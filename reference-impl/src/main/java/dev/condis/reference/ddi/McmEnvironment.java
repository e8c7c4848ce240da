package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;

/** What an MCM gets ({@link AfDriverEnvironment}): NdisMCmXxx functions only (GEN-10). */
@PublicApi
public final class McmEnvironment extends AfDriverEnvironment<NdisMcmApi> {

  public McmEnvironment(NdisMcmApi ndis, Platform platform, ContextTracker tracker, NdisAfHandle ndisAfHandle,
      NdisSapHandle ndisSapHandle, FaultSet faults) {
    super(ndis, platform, tracker, ndisAfHandle, ndisSapHandle, faults);
  }
}
