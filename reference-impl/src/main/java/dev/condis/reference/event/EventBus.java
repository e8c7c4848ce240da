package dev.condis.reference.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stamps events with a sequence number and the acting thread and hands them to every listener,
 * in order. Emission is serialised here so listeners need no locking of their own; NDIS emits
 * while holding its lock, which is what makes the order meaningful.
 */
public final class EventBus {
  private final List<NdisListener> listeners = new CopyOnWriteArrayList<>();
  private final Supplier<String> threadName;
  private final boolean monitor;
  private long nextSeq = 1;

  /** {@code threadName} names the acting thread (the platform's current thread). */
  public EventBus(Supplier<String> threadName) {
    this(threadName, true);
  }

  /**
   * With {@code monitor} false, emission takes no monitor: only for a platform whose threads
   * never switch inside it ({@link dev.condis.reference.platform.Platform#bookkeepingNeedsMonitor}).
   */
  public EventBus(Supplier<String> threadName, boolean monitor) {
    this.threadName = threadName;
    this.monitor = monitor;
  }

  /** Whether emission (and the context tracker sharing this bus) takes a monitor. */
  public boolean usesMonitor() {
    return monitor;
  }

  public void addListener(NdisListener listener) {
    listeners.add(listener);
  }

  /** Builds the event with a fresh stamp and delivers it; returns it for the caller's use. */
  public NdisEvent emit(Function<Stamp, ? extends NdisEvent> event) {
    if (!monitor) {
      return deliver(event);
    }
    synchronized (this) {
      return deliver(event);
    }
  }

  private NdisEvent deliver(Function<Stamp, ? extends NdisEvent> event) {
    NdisEvent built = event.apply(new Stamp(nextSeq++, threadName.get()));
    for (NdisListener listener : listeners) {
      listener.onEvent(built);
    }
    return built;
  }

  /** Convenience: a rule violation, the one event every part of the reference may raise. */
  public void violation(String ruleId, RuleCategory category, String message) {
    emit(stamp -> new NdisEvent.RuleViolation(stamp, ruleId, category, message));
  }
}
