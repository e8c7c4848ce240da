package dev.condis.reference.driver;

import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisCmApi;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.platform.Platform;

/** What a stand-alone call manager gets: NdisCmXxx functions, the AF and the client's SAP. */
public record CallManagerEnvironment(
    NdisCmApi ndis,
    Platform platform,
    ContextTracker tracker,
    NdisAfHandle ndisAfHandle,
    NdisSapHandle ndisSapHandle,
    FaultSet faults) {}
