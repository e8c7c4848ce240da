package dev.condis.reference.context;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.event.EventBus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RuleCategory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tracking allocator, like pool tags under Driver Verifier: every context and buffer that
 * crosses NDIS is allocated and released here, so a leak (still live at the end), a double
 * release, or a touch after release is an event and a rule violation, never a crash.
 *
 * <p>It is instrumentation, not part of the checked program's synchronisation: its own
 * monitor only keeps its table consistent. Ordering between a release and a touch by
 * different threads comes from the drivers' own locks (the no-data-race assumption).
 */
public final class ContextTracker {
  private final EventBus events;
  /** The bus's choice (Platform#bookkeepingNeedsMonitor): the tracker is bookkeeping too. */
  private final boolean monitor;
  private final Map<Integer, TrackedContext> live = new LinkedHashMap<>();
  private int nextId = 1;

  public ContextTracker(EventBus events) {
    this.events = events;
    this.monitor = events.usesMonitor();
  }

  /** Registers a new context under a fresh id and returns it. */
  public <T extends TrackedContext> T allocate(T context) {
    if (!monitor) {
      return allocateNow(context);
    }
    synchronized (this) {
      return allocateNow(context);
    }
  }

  private <T extends TrackedContext> T allocateNow(T context) {
    if (context.tracker() != null) {
      throw new IllegalStateException(context + " is already allocated");
    }
    context.onAllocated(this, nextId++);
    live.put(context.id(), context);
    events.emit(stamp -> new NdisEvent.ContextAllocated(stamp, context.ref()));
    return context;
  }

  /**
   * Releases a context. A second release is a USE_AFTER_CLOSE violation of {@code ruleId} and
   * changes nothing; returns whether this call released it.
   */
  public boolean release(TrackedContext context, String ruleId, String where) {
    if (!monitor) {
      return releaseNow(context, ruleId, where);
    }
    synchronized (this) {
      return releaseNow(context, ruleId, where);
    }
  }

  private boolean releaseNow(TrackedContext context, String ruleId, String where) {
    if (context.tracker() != this) {
      events.violation(
          ruleId, RuleCategory.USE_AFTER_CLOSE, where + ": releases " + context + " never allocated here");
      return false;
    }
    if (context.isReleased()) {
      events.violation(
          ruleId, RuleCategory.USE_AFTER_CLOSE, where + ": releases " + context + " a second time");
      return false;
    }
    context.onReleased();
    live.remove(context.id());
    events.emit(stamp -> new NdisEvent.ContextReleased(stamp, context.ref(), where));
    return true;
  }

  boolean touch(TrackedContext context, String ruleId, String where) {
    if (!monitor) {
      return touchNow(context, ruleId, where);
    }
    synchronized (this) {
      return touchNow(context, ruleId, where);
    }
  }

  private boolean touchNow(TrackedContext context, String ruleId, String where) {
    if (context.isReleased()) {
      events.violation(
          ruleId, RuleCategory.USE_AFTER_CLOSE, where + ": uses " + context + " after release");
      return false;
    }
    return true;
  }

  /** The contexts still allocated, in allocation order: at the end of a run, the leaks. */
  public synchronized ImmutableList<ContextRef> live() {
    return live.values().stream().map(TrackedContext::ref).collect(ImmutableList.toImmutableList());
  }
}
