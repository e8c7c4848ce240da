package dev.condis.model.scenario;

import com.google.common.collect.ImmutableSortedSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The rules whose checks ran in some execution of a search: code that would have reported a
 * violation of that rule had the state been wrong (a tracked context's touch, release or hold,
 * an NDIS handle lookup or state check, a property's check). A rule never in this set was not
 * tested by the search at all, whatever its verdict says; {@code verify --coverage} lists them.
 *
 * <p>One ledger per search. The explorer runs one controlled thread at a time and hands over
 * through park/unpark; the monitor is for engines that do not.
 */
public final class RuleChecks {
  private final Set<String> checked = new HashSet<>();

  /** A check of {@code ruleId} ran. */
  public synchronized void checked(String ruleId) {
    checked.add(ruleId);
  }

  public synchronized ImmutableSortedSet<String> all() {
    return ImmutableSortedSet.copyOf(checked);
  }
}
