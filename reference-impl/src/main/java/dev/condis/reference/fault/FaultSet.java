package dev.condis.reference.fault;

import com.google.common.collect.ImmutableSet;
import dev.condis.reference.PublicApi;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * The seeded faults switched on for one run of the reference drivers; empty by default. It
 * reaches every driver in its environment; a driver of your own ignores it.
 */
@PublicApi
public final class FaultSet {
  private static final FaultSet NONE = new FaultSet(ImmutableSet.of());

  private final ImmutableSet<SeededFault> faults;

  private FaultSet(ImmutableSet<SeededFault> faults) {
    this.faults = faults;
  }

  public static FaultSet none() {
    return NONE;
  }

  public static FaultSet of(SeededFault... faults) {
    return of(Arrays.asList(faults));
  }

  public static FaultSet of(Collection<SeededFault> faults) {
    return faults.isEmpty() ? NONE : new FaultSet(ImmutableSet.copyOf(faults));
  }

  public boolean has(SeededFault fault) {
    return faults.contains(fault);
  }

  public Set<SeededFault> asSet() {
    return faults;
  }

  public boolean isEmpty() {
    return faults.isEmpty();
  }

  @Override
  public String toString() {
    return faults.toString();
  }
}
