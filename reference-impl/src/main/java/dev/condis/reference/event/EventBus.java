package dev.condis.reference.event;

import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.rules.RuleCategory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stamps events with a sequence number and the acting thread and hands them to every listener,
 * in order. Emission is serialised here so listeners need no locking of their own.
 *
 * <p>NDIS emits under its lock, but drivers emit too (allocating and releasing contexts under
 * their own locks), so the stream and the listeners' state behind it are shared across
 * different locks: every emission is announced to the platform as an access to {@link #EVENTS}
 * ({@link Platform#sharedAccess}), and a model checker explores every order of emissions by
 * different threads.
 */
public final class EventBus implements ContextTracker.Reporter {
  /** The shared location every emission accesses: the sequence counter and the listeners. */
  public static final String EVENTS = Platform.EVENT_STREAM;

  private final List<NdisListener> listeners = new CopyOnWriteArrayList<>();
  /**
   * The run's platform, or null on plain Java threads. Held as is, not as method references:
   * whoever reads a run's state by reflection then meets a named class here, where a lambda's
   * class would be named by its JVM.
   */
  private final Platform platform;
  /** Plain Java threads only: names the acting thread. */
  private final Supplier<String> threadName;
  private final boolean monitor;
  private long nextSeq = 1;
  /** Null unless a caller asked which rules' checks ran ({@link #recordChecks}). */
  private Consumer<String> checks;

  /** A bus for plain Java threads: {@code threadName} names the acting thread. */
  public EventBus(Supplier<String> threadName) {
    this(null, threadName, true);
  }

  /**
   * The bus of a run on {@code platform}: its thread names, its choice of monitor
   * ({@link Platform#bookkeepingNeedsMonitor}) and its {@link Platform#sharedAccess} hook.
   */
  public EventBus(Platform platform) {
    this(platform, null, platform.bookkeepingNeedsMonitor());
  }

  private EventBus(Platform platform, Supplier<String> threadName, boolean monitor) {
    this.platform = platform;
    this.threadName = threadName;
    this.monitor = monitor;
  }

  /**
   * Announces an access to bookkeeping state shared across locks ({@link Platform#sharedAccess}):
   * the access itself must follow before the caller's next platform call.
   */
  @Override
  public void announce(String location) {
    if (platform != null) {
      platform.sharedAccess(location);
    }
  }

  /**
   * Announces a read of bookkeeping state shared across locks ({@link Platform#sharedRead}):
   * the read must follow before the caller's next platform call, and no write of shared state.
   */
  @Override
  public void announceRead(String location) {
    if (platform != null) {
      platform.sharedRead(location);
    }
  }

  /** Whether emission (and the context tracker sharing this bus) takes a monitor. */
  @Override
  public boolean usesMonitor() {
    return monitor;
  }

  public void addListener(NdisListener listener) {
    listeners.add(listener);
  }

  /** Builds the event with a fresh stamp and delivers it; returns it for the caller's use. */
  public NdisEvent emit(Function<Stamp, ? extends NdisEvent> event) {
    announce(EVENTS);
    return emitAnnounced(event);
  }

  /**
   * {@link #emit} for a caller that has announced {@link #EVENTS} itself, with no platform call
   * since: the context tracker, which updates its table and emits in one step.
   */
  public NdisEvent emitAnnounced(Function<Stamp, ? extends NdisEvent> event) {
    if (!monitor) {
      return deliver(event);
    }
    synchronized (this) {
      return deliver(event);
    }
  }

  private NdisEvent deliver(Function<Stamp, ? extends NdisEvent> event) {
    NdisEvent built = event.apply(new Stamp(nextSeq++, platform != null ? platform.currentThreadName() : threadName.get()));
    for (NdisListener listener : listeners) {
      listener.onEvent(built);
    }
    return built;
  }

  /**
   * From now on {@code sink} hears the rule ID of every check that runs: a piece of code that
   * would report a violation of that rule had the state been wrong (a tracked context's touch,
   * release or hold, an NDIS handle lookup or state check, a violation). Set before the run
   * starts. This is what the rule coverage of a search is made of.
   */
  public void recordChecks(Consumer<String> sink) {
    this.checks = sink;
  }

  /** A check of {@code ruleId} ran (see {@link #recordChecks}); free when nobody records. */
  @Override
  public void checked(String ruleId) {
    Consumer<String> sink = checks;
    if (sink != null && ruleId != null) {
      sink.accept(ruleId);
    }
  }

  /** Convenience: a rule violation, the one event every part of the reference may raise. */
  @Override
  public void violation(String ruleId, RuleCategory category, String message) {
    checked(ruleId);
    emit(stamp -> new NdisEvent.RuleViolation(stamp, ruleId, category, message));
  }

  /** The context tracker's allocation, in the step that updated its table. */
  @Override
  public void contextAllocated(ContextRef context) {
    emitAnnounced(stamp -> new NdisEvent.ContextAllocated(stamp, context));
  }

  /** The context tracker's release, in the step that updated its table. */
  @Override
  public void contextReleased(ContextRef context, String where) {
    emitAnnounced(stamp -> new NdisEvent.ContextReleased(stamp, context, where));
  }
}
