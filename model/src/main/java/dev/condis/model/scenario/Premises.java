package dev.condis.model.scenario;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The data choices a scenario relies on to be about its subject, and which of them the drivers
 * under test actually offered. {@code make-call-failure} narrows {@code makeCall.status} to the
 * failure: a call manager that never offers that choice never fails a make-call, and the
 * scenario would pass without ever running its subject. A premise is met when, in some
 * execution of the search, a driver called {@code choose} with a matching label (the same
 * suffix rule as {@link ChoiceConstraints}) and at least one of the narrowed values was in
 * range. A search that met every premise says nothing about them; one that missed some is
 * not a proof of the scenario (the explorer engine reports it as an ERROR, never VERIFIED).
 *
 * <p>One ledger per search, fed by one program thread at a time (the explorer runs one
 * controlled thread at a time and hands over through park/unpark, which orders the writes).
 */
public final class Premises {
  private final ImmutableList<String> required;
  private final Set<String> met = new LinkedHashSet<>();

  public Premises(ImmutableList<String> required) {
    this.required = required;
  }

  /** The labels (suffixes) this scenario instance relies on. */
  public ImmutableList<String> required() {
    return required;
  }

  /** A driver offered the constrained choice {@code key} with a narrowed value in range. */
  synchronized void offered(String key) {
    met.add(key);
  }

  /** The premises no execution so far has met, in declaration order. */
  public synchronized ImmutableList<String> unmet() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String p : required) {
      if (!met.contains(p)) {
        out.add(p);
      }
    }
    return out.build();
  }
}
