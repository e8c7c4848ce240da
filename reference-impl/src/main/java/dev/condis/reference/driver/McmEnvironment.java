package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisSapHandle;
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
