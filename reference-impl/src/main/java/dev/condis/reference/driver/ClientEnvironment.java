package dev.condis.reference.driver;

import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.NdisAfHandle;
import dev.condis.reference.ndis.NdisClientApi;
import dev.condis.reference.ndis.NdisSapHandle;
import dev.condis.reference.platform.Platform;

/**
 * What a client gets at initialisation: the NDIS functions it may call, the platform to
 * synchronise through, the tracking allocator for its contexts, the address family it opened,
 * its SAP for incoming calls, and the seeded faults switched on for the reference drivers.
 */
public record ClientEnvironment(
    NdisClientApi ndis,
    Platform platform,
    ContextTracker tracker,
    NdisAfHandle ndisAfHandle,
    NdisSapHandle ndisSapHandle,
    FaultSet faults) {}
