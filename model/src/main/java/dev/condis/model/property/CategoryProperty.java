package dev.condis.model.property;

import dev.condis.reference.RecordMethods;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.rules.RuleCategory;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Base of the built-in properties: each owns one or more rule categories and reports every
 * {@link NdisEvent.RuleViolation} NDIS or the context tracker raises in them, with the rule ID
 * NDIS cited. On top of that, subclasses check what they can from the raw events themselves
 * (defence in depth: a bug in NDIS's own checks must not hide a driver bug).
 *
 * <p>Raw findings are held back until the next event that is not a rule violation: when NDIS
 * reports the same misuse itself (just before or just after the raw event), its more precise
 * rule ID wins; otherwise the raw finding is reported.
 */
public abstract class CategoryProperty implements PropertyListener {

  private record Finding(String ruleId, String message) {
    // Written out for JPF: see RecordMethods.
    private Object[] parts() { return new Object[] {ruleId, message}; }
    private static final String[] NAMES = {"ruleId", "message"};
    @Override public boolean equals(Object o) { return o instanceof Finding r && RecordMethods.equal(parts(), r.parts()); }
    @Override public int hashCode() { return RecordMethods.hash(parts()); }
    @Override public String toString() { return RecordMethods.text("Finding", NAMES, parts()); }
  }

  private final Deque<Finding> heldBack = new ArrayDeque<>();
  private boolean reported;
  /** The reporter of the callback running now, for {@link #checked}. */
  private PropertyReporter current;

  /** Whether this property owns violations of {@code category}. */
  protected abstract boolean owns(RuleCategory category);

  /** Checks one raw event; report findings with {@link #rawFinding}. */
  protected void check(NdisEvent event) {}

  @Override
  public final void onEvent(NdisEvent event, PropertyReporter reporter) {
    if (event instanceof NdisEvent.RuleViolation v) {
      if (owns(v.category())) {
        heldBack.clear();
        report(reporter, v.ruleId(), v.message());
      }
      return;
    }
    flush(reporter);
    current = reporter;
    check(event);
  }

  @Override
  public final void onExecutionEnd(
      dev.condis.reference.ndis.NdisSnapshot finalState, PropertyReporter reporter) {
    flush(reporter);
    current = reporter;
    checkEnd(finalState);
    flush(reporter);
  }

  /** A check of {@code ruleId} runs now (rule coverage, {@link PropertyReporter#checked}). */
  protected final void checked(String ruleId) {
    if (current != null) {
      current.checked(ruleId);
    }
  }

  /** Checks the final state; report findings with {@link #rawFinding}. */
  protected void checkEnd(dev.condis.reference.ndis.NdisSnapshot finalState) {}

  /** A violation found from raw events or the final state. */
  protected final void rawFinding(String ruleId, String message) {
    heldBack.add(new Finding(ruleId, message));
  }

  private void flush(PropertyReporter reporter) {
    while (!heldBack.isEmpty()) {
      Finding f = heldBack.poll();
      report(reporter, f.ruleId(), f.message());
    }
  }

  private void report(PropertyReporter reporter, String ruleId, String message) {
    // Under the explorer and JPF the first report ends the execution; with a collecting
    // reporter (tests) every finding is passed on.
    reported = true;
    reporter.violation(ruleId, message);
  }

  /** Whether anything was reported in this execution. */
  protected final boolean hasReported() {
    return reported;
  }
}
