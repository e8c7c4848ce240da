package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;

/** What a stand-alone call manager gets ({@link AfDriverEnvironment}): NdisCmXxx functions and the NdisCo pair. */
@PublicApi
public final class CallManagerEnvironment extends AfDriverEnvironment<NdisCmApi> {

  public CallManagerEnvironment(NdisCmApi ndis, Platform platform, ContextTracker tracker, NdisAfHandle ndisAfHandle,
      NdisSapHandle ndisSapHandle, FaultSet faults) {
    super(ndis, platform, tracker, ndisAfHandle, ndisSapHandle, faults);
  }
}
