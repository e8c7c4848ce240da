package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.platform.Platform;

/**
 * What a driver on the address family gets at initialisation, the same for the client, a
 * stand-alone call manager and an MCM but for the NDIS functions it may call ({@code A}): the
 * platform to synchronise through, the tracking allocator for its contexts, the address family
 * it opened or registered, the client's SAP for incoming calls, and the seeded faults switched
 * on for the reference drivers. A value like a record (equal when of one kind with equal
 * parts); written once here for the three kinds, and by hand for JPF (see RecordMethods).
 *
 * @param <A> the NDIS functions of this kind of driver
 */
@PublicApi
public abstract class AfDriverEnvironment<A> {
  private static final String[] NAMES = {"ndis", "platform", "tracker", "ndisAfHandle", "ndisSapHandle", "faults"};
  private final A ndis;
  private final Platform platform;
  private final ContextTracker tracker;
  private final NdisAfHandle ndisAfHandle;
  private final NdisSapHandle ndisSapHandle;
  private final FaultSet faults;

  /** Package-private: the three kinds below are all there is. */
  AfDriverEnvironment(A ndis, Platform platform, ContextTracker tracker, NdisAfHandle ndisAfHandle,
      NdisSapHandle ndisSapHandle, FaultSet faults) {
    this.ndis = ndis;
    this.platform = platform;
    this.tracker = tracker;
    this.ndisAfHandle = ndisAfHandle;
    this.ndisSapHandle = ndisSapHandle;
    this.faults = faults;
  }

  /** The NDIS functions this driver may call. */
  public final A ndis() {
    return ndis;
  }

  public final Platform platform() {
    return platform;
  }

  public final ContextTracker tracker() {
    return tracker;
  }

  public final NdisAfHandle ndisAfHandle() {
    return ndisAfHandle;
  }

  public final NdisSapHandle ndisSapHandle() {
    return ndisSapHandle;
  }

  public final FaultSet faults() {
    return faults;
  }

  private Object[] parts() {
    return new Object[] {ndis, platform, tracker, ndisAfHandle, ndisSapHandle, faults};
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && RecordMethods.equal(parts(), ((AfDriverEnvironment<?>) o).parts());
  }

  @Override
  public final int hashCode() {
    return RecordMethods.hash(parts());
  }

  @Override
  public final String toString() {
    return RecordMethods.text(getClass().getSimpleName(), NAMES, parts());
  }
}
