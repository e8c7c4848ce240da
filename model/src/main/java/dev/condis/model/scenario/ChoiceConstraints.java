package dev.condis.model.scenario;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import dev.condis.reference.platform.ThreadHandle;
import java.util.Map;

/**
 * Narrows some of the drivers' data choices for a scenario that is about one particular path,
 * e.g. "the make-call fails" or "every request pends". A constraint names a choice label by
 * its suffix after the driver prefix (e.g. {@code makeCall.status} matches {@code
 * cm.makeCall.status} and {@code mcm.makeCall.status}) and lists the values still explored.
 * Every other choice, and every interleaving, is explored in full.
 */
public record ChoiceConstraints(ImmutableMap<String, ImmutableIntArray> allowed) {

  /**
   * Every choice label the reference drivers draw, as reference-impl/README.md's "Data
   * choices" table lists them; the call manager's {@code cm.*} are {@code mcm.*} under an MCM.
   * A constraint must name one of these (whole or by suffix): one that matched none would
   * narrow nothing, without a word. {@code ChoiceLabelsTest} keeps this list, the table and
   * the drivers' code equal.
   */
  public static final ImmutableList<String> LABELS = ImmutableList.of(
      "cm.createVc.status", "cm.makeCall.pend", "cm.makeCall.status", "cm.closeCall.pend", "cm.closeCall.fail",
      "cm.addParty.pend", "cm.addParty.status", "cm.dropParty.pend", "cm.makeCall.changeParameters",
      "cm.incomingCall.offerAgain", "cm.incomingClose.status", "cm.closeData.supported",
      "miniport.activateVc.pend", "miniport.activateVc.status", "miniport.deactivateVc.pend",
      "client.incomingCall.answer", "client.incomingCall.pendedAnswer", "client.makeCall.changedParameters");

  public static final ChoiceConstraints NONE = new ChoiceConstraints(ImmutableMap.of());

  /**
   * @throws IllegalArgumentException if a key names no label of {@link #LABELS}, whole (with
   *     {@code mcm.} for {@code cm.}) or by its suffix after the driver prefix
   */
  public ChoiceConstraints {
    for (String key : allowed.keySet()) {
      if (!known(key)) {
        StringBuilder labels = new StringBuilder(); // not String.join: JPF's String lacks it
        for (String label : LABELS) {
          labels.append(labels.length() == 0 ? "" : ", ").append(label);
        }
        throw new IllegalArgumentException(
            "choice constraint '" + key + "' names no choice the drivers draw (labels: " + labels + ")");
      }
    }
  }

  /** @throws IllegalArgumentException as the constructor */
  public static ChoiceConstraints of(Map<String, int[]> allowed) {
    ImmutableMap.Builder<String, ImmutableIntArray> b = ImmutableMap.builder();
    allowed.forEach((k, v) -> b.put(k, ImmutableIntArray.copyOf(v)));
    return new ChoiceConstraints(b.buildOrThrow());
  }

  /** Whether {@code key} matches a label of {@link #LABELS} as {@link #keyFor} would match it. */
  static boolean known(String key) {
    for (String label : LABELS) {
      String suffix = label.substring(label.indexOf('.') + 1);
      if (key.equals(label) || key.equals(suffix) || (label.startsWith("cm.") && key.equals("m" + label))) {
        return true;
      }
    }
    return false;
  }

  /** Both sets of constraints; {@code other}'s win where both name a label. */
  public ChoiceConstraints and(ChoiceConstraints other) {
    if (other.isEmpty()) {
      return this;
    }
    java.util.Map<String, ImmutableIntArray> merged = new java.util.LinkedHashMap<>(allowed);
    merged.putAll(other.allowed);
    return new ChoiceConstraints(ImmutableMap.copyOf(merged));
  }

  public boolean isEmpty() {
    return allowed.isEmpty();
  }

  /** {@code platform} itself when there is no constraint. */
  public Platform apply(Platform platform) {
    return apply(platform, null);
  }

  /**
   * As {@link #apply(Platform)}, recording in {@code premises} (if not null) each constraint a
   * driver's choice met with a narrowed value in range.
   */
  public Platform apply(Platform platform, Premises premises) {
    return isEmpty() ? platform : new Constrained(platform, this, premises);
  }

  /** The constraint's own key that {@code label} matches (itself, or its suffix), or null. */
  private String keyFor(String label) {
    if (allowed.containsKey(label)) {
      return label;
    }
    int dot = label.indexOf('.');
    return dot >= 0 && allowed.containsKey(label.substring(dot + 1)) ? label.substring(dot + 1) : null;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(); // not StringJoiner: JPF cannot run it
    allowed.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k + " in " + v));
    return sb.toString();
  }

  private static final class Constrained implements Platform {
    private final Platform delegate;
    private final ChoiceConstraints constraints;
    private final Premises premises;

    Constrained(Platform delegate, ChoiceConstraints constraints, Premises premises) {
      this.delegate = delegate;
      this.constraints = constraints;
      this.premises = premises;
    }

    @Override
    public int choose(String label, int n) {
      String key = constraints.keyFor(label);
      if (key == null) {
        return delegate.choose(label, n);
      }
      ImmutableIntArray values = constraints.allowed.get(key);
      ImmutableIntArray inRange = ImmutableIntArray.copyOf(values.stream().filter(v -> v >= 0 && v < n));
      if (inRange.isEmpty()) {
        // None of the narrowed values exists here: explored in full, and no premise met.
        return delegate.choose(label, n);
      }
      if (premises != null) {
        premises.offered(key);
      }
      return inRange.length() == 1 ? inRange.get(0) : inRange.get(delegate.choose(label, inRange.length()));
    }

    @Override
    public PlatformLock newLock(String name) {
      return delegate.newLock(name);
    }

    @Override
    public boolean bookkeepingNeedsMonitor() {
      return delegate.bookkeepingNeedsMonitor();
    }

    /** Forwarded like every other method: a dropped announcement is a missed dependency. */
    @Override
    public void sharedAccess(String location) {
      delegate.sharedAccess(location);
    }

    @Override
    public void sharedRead(String location) {
      delegate.sharedRead(location);
    }

    @Override
    public void lock(PlatformLock lock) {
      delegate.lock(lock);
    }

    @Override
    public void unlock(PlatformLock lock) {
      delegate.unlock(lock);
    }

    @Override
    public boolean holdsLock(PlatformLock lock) {
      return delegate.holdsLock(lock);
    }

    @Override
    public ThreadHandle startThread(String name, Runnable body) {
      return delegate.startThread(name, body);
    }

    @Override
    public void queueDeferred(String name, Runnable dpc) {
      delegate.queueDeferred(name, dpc);
    }

    @Override
    public void join(ThreadHandle thread) {
      delegate.join(thread);
    }

    @Override
    public void awaitDeferred() {
      delegate.awaitDeferred();
    }

    @Override
    public String currentThreadName() {
      return delegate.currentThreadName();
    }
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {allowed}; }
  @Override public boolean equals(Object o) { return o instanceof ChoiceConstraints r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
}
