package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
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
