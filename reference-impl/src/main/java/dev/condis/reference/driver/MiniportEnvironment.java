package dev.condis.reference.driver;

import dev.condis.reference.context.ContextTracker;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.NdisMiniportApi;
import dev.condis.reference.platform.Platform;

/** What the miniport under a stand-alone call manager gets. */
public record MiniportEnvironment(
    NdisMiniportApi ndis, Platform platform, ContextTracker tracker, FaultSet faults) {}
