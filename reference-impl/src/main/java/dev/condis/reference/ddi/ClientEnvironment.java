package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;

/** What a client gets at initialisation ({@link AfDriverEnvironment}): its NDIS functions, NdisClXxx and the NdisCo pair. */
@PublicApi
public final class ClientEnvironment extends AfDriverEnvironment<NdisClientApi> {

  public ClientEnvironment(NdisClientApi ndis, Platform platform, ContextTracker tracker, NdisAfHandle ndisAfHandle,
      NdisSapHandle ndisSapHandle, FaultSet faults) {
    super(ndis, platform, tracker, ndisAfHandle, ndisSapHandle, faults);
  }
}
