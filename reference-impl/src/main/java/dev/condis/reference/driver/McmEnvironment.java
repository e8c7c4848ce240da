package dev.condis.reference.driver;

import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisMcmApi;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.platform.Platform;

/** What an MCM gets: NdisMCmXxx functions only (GEN-10), the AF and the client's SAP. */
public record McmEnvironment(
    NdisMcmApi ndis,
    Platform platform,
    ContextTracker tracker,
    NdisAfHandle ndisAfHandle,
    NdisSapHandle ndisSapHandle,
    FaultSet faults) {}
