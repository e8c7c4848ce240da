package dev.condis.reference.ddi;

import com.google.common.collect.ImmutableList;
import dev.condis.reference.PublicApi;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.rules.RuleCatalog;
import dev.condis.reference.rules.RuleCategory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tracking allocator, like pool tags under Driver Verifier: every context and buffer that
 * crosses NDIS is allocated and released here, so a leak (still live at the end), a double
 * release, or a touch after release is an event and a rule violation, never a crash.
 *
 * <p>It is instrumentation, not part of the checked program's synchronisation: its own
 * monitor only keeps its table consistent on real threads. A context's released flag is
 * shared across locks (a driver releases under its own lock, NDIS touches under the NDIS lock),
 * and so are the table and the event stream: each access is announced first
 * ({@link Reporter#announce}, {@link Platform#sharedAccess}), the flag as {@code context#<id>}
 * and the table with the stream as {@link Platform#EVENT_STREAM}, so a
 * model checker explores both orders of a release and a touch by different threads.
 */
@PublicApi
public final class ContextTracker {
  private final Reporter events;
  /** The bus's choice (Platform#bookkeepingNeedsMonitor): the tracker is bookkeeping too. */
  private final boolean monitor;
  /** One table per run, shared by every driver's view ({@link #forOwner}); also the monitor. */
  private final Table table;
  /** Whose allocations this view records: each driver gets its own view (ContextRef#owner). */
  private final Actor owner;

  /** The live contexts and the id counter of one run. */
  private static final class Table {
    final Map<Integer, TrackedContext> live = new LinkedHashMap<>();
    int nextId = 1;
    /** Whether {@link #holds()} was called: the capability is NDIS's alone. */
    boolean holdsTaken;
  }

  /**
   * Where a tracker reports: NDIS's event stream ({@code event.EventBus}), which this package
   * cannot name because the events carry this package's values. Not a driver API.
   */
  public interface Reporter {
    /** Whether the tracker's table takes a monitor (Platform#bookkeepingNeedsMonitor). */
    boolean usesMonitor();

    /** An access to shared bookkeeping follows ({@link Platform#sharedAccess}). */
    void announce(String location);

    /** A read of shared bookkeeping follows ({@link Platform#sharedRead}). */
    void announceRead(String location);

    /** A check of {@code ruleId} ran (rule coverage). */
    void checked(String ruleId);

    /** A rule broken: an event of its own. */
    void violation(String ruleId, RuleCategory category, String message);

    /** ContextAllocated, with {@link Platform#EVENT_STREAM} announced already. */
    void contextAllocated(ContextRef context);

    /** ContextReleased, with {@link Platform#EVENT_STREAM} announced already. */
    void contextReleased(ContextRef context, String where);
  }

  /**
   * A new run's tracker, NDIS's own view, reporting to {@code events}: made by NDIS, which
   * takes its {@link #holds()} at once. Drivers get views of it ({@link #forOwner}).
   */
  public static ContextTracker create(Reporter events) {
    return new ContextTracker(events, new Table(), Actor.NDIS);
  }

  private ContextTracker(Reporter events, Table table, Actor owner) {
    this.events = events;
    this.monitor = events.usesMonitor();
    this.table = table;
    this.owner = owner;
  }

  /**
   * The same tracker (one table, one id counter) as seen by {@code owner}: what it allocates
   * carries {@code owner} in its {@link ContextRef}. The system gives each driver its own.
   */
  public ContextTracker forOwner(Actor owner) {
    return new ContextTracker(events, table, owner);
  }

  /** Whose allocations this view records. */
  public Actor owner() {
    return owner;
  }

  /** The shared location of a context's released flag, as announced to the platform. */
  public static String location(TrackedContext context) {
    String cached = context.location();
    return cached != null ? cached : "context#" + context.id();
  }

  /** Registers a new context under a fresh id and returns it. */
  public <T extends TrackedContext> T allocate(T context) {
    events.announce(Platform.EVENT_STREAM); // the id counter, the table and the stream
    if (!monitor) {
      return allocateNow(context);
    }
    synchronized (table) {
      return allocateNow(context);
    }
  }

  private <T extends TrackedContext> T allocateNow(T context) {
    if (context.tracker() != null) {
      throw new IllegalStateException(context + " is already allocated");
    }
    context.onAllocated(this, table.nextId++);
    table.live.put(context.id(), context);
    events.contextAllocated(context.ref());
    return context;
  }

  /**
   * Releases a context. A second release is a USE_AFTER_CLOSE violation of {@code ruleId} and
   * changes nothing; returns whether this call released it.
   */
  public boolean release(TrackedContext context, String ruleId, String where) {
    checked(ruleId);
    if (context.tracker() == null || context.tracker().table != table) {
      events.violation(
          ruleId, RuleCategory.USE_AFTER_CLOSE, where + ": releases " + context + " never allocated here");
      return false;
    }
    events.announce(location(context));
    String[] held = held(context);
    if (held != null) {
      events.violation(held[0], categoryOf(held[0]), where + ": releases " + context + " " + held[1]);
    }
    if (!markReleased(context)) {
      events.violation(
          ruleId, RuleCategory.USE_AFTER_CLOSE, where + ": releases " + context + " a second time");
      return false;
    }
    events.announce(Platform.EVENT_STREAM);
    if (!monitor) {
      forget(context, where);
    } else {
      synchronized (table) {
        forget(context, where);
      }
    }
    return true;
  }

  /**
   * NDIS's capability to hold the contexts drivers hand it ({@link Holds}). It is handed out
   * once, to NDIS, when NDIS builds the tracker, before any driver sees it: a driver that
   * asks gets an exception, so it cannot let go of what NDIS holds.
   */
  public Holds holds() {
    synchronized (table) {
      if (table.holdsTaken) {
        throw new IllegalStateException("the context holds belong to NDIS and were taken already");
      }
      table.holdsTaken = true;
      return new Holds();
    }
  }

  /** See {@link ContextTracker#holds()}: NDIS's side of the tracker. Not a driver API. */
  public final class Holds {
    private Holds() {}

    /**
     * From now on a release of {@code context} breaks {@code ruleId}, and is reported at the
     * release itself, whether or not anything touches the context again: NDIS keeps it to hand
     * it back to a handler (VC-11, DROP-7), or a release now would come in the wrong order
     * (CLOSE-5). {@code why} completes "releases X ..." in the message. Holding again replaces
     * the hold; a context already released is not held.
     */
    public void hold(TrackedContext context, String ruleId, String why) {
      ContextTracker.this.hold(context, ruleId, why);
    }

    /** Ends a hold of {@code ruleId} (another rule's hold stays): the owner may release it now. */
    public void letGo(TrackedContext context, String ruleId) {
      ContextTracker.this.letGo(context, ruleId);
    }
  }

  private void hold(TrackedContext context, String ruleId, String why) {
    checked(ruleId);
    events.announce(location(context));
    if (!monitor) {
      holdNow(context, ruleId, why);
      return;
    }
    synchronized (table) {
      holdNow(context, ruleId, why);
    }
  }

  private static void holdNow(TrackedContext context, String ruleId, String why) {
    if (!context.isReleased()) {
      context.onHeld(ruleId, why);
    }
  }

  private void letGo(TrackedContext context, String ruleId) {
    events.announce(location(context));
    if (!monitor) {
      letGoNow(context, ruleId);
      return;
    }
    synchronized (table) {
      letGoNow(context, ruleId);
    }
  }

  private static void letGoNow(TrackedContext context, String ruleId) {
    if (ruleId.equals(context.heldRule())) {
      context.onHeld(null, null);
    }
  }

  /** The rule and the "why" of a hold, or null. */
  private String[] held(TrackedContext context) {
    if (!monitor) {
      return heldNow(context);
    }
    synchronized (table) {
      return heldNow(context);
    }
  }

  private static String[] heldNow(TrackedContext context) {
    return context.heldRule() == null ? null : new String[] {context.heldRule(), context.heldWhy()};
  }

  private static RuleCategory categoryOf(String ruleId) {
    java.util.Optional<dev.condis.reference.rules.Rule> rule = RuleCatalog.find(ruleId);
    return rule.isPresent() ? rule.get().category() : RuleCategory.USE_AFTER_CLOSE;
  }

  /** Sets the released flag; false if it was set already. */
  private boolean markReleased(TrackedContext context) {
    if (!monitor) {
      return markReleasedNow(context);
    }
    synchronized (table) {
      return markReleasedNow(context);
    }
  }

  private static boolean markReleasedNow(TrackedContext context) {
    if (context.isReleased()) {
      return false;
    }
    context.onReleased();
    return true;
  }

  private void forget(TrackedContext context, String where) {
    table.live.remove(context.id());
    events.contextReleased(context.ref(), where);
  }

  boolean touch(TrackedContext context, String ruleId, String where) {
    checked(ruleId);
    events.announceRead(location(context)); // reads the released flag; a violation is an emission
    if (!isLive(context)) {
      events.violation(
          ruleId, RuleCategory.USE_AFTER_CLOSE, where + ": uses " + context + " after release");
      return false;
    }
    return true;
  }

  /** A valid rule ID (else throws), whose check runs now: rule coverage hears of it. */
  private void checked(String ruleId) {
    checkRule(ruleId);
    events.checked(ruleId);
  }

  /**
   * A violation names the rule the caller passes, so the caller may pass only a rule of the
   * catalog (RULES.md) or an open question of the digest (OQ-1 to OQ-25): a made-up ID would
   * reach every report as if it were a rule.
   */
  static void checkRule(String ruleId) {
    if (ruleId != null && (RuleCatalog.isKnown(ruleId) || isOpenQuestion(ruleId))) {
      return;
    }
    throw new IllegalArgumentException("unknown rule ID '" + ruleId + "': release() and touch() take a rule"
        + " ID of RULES.md (e.g. VC-11) or an open question OQ-1 to OQ-25");
  }

  private static boolean isOpenQuestion(String id) {
    if (!id.startsWith("OQ-") || id.length() > 5) {
      return false;
    }
    int n = 0;
    for (int i = 3; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      n = n * 10 + (c - '0');
    }
    return id.length() > 3 && n >= 1 && n <= 25;
  }

  /** Whether {@code context} was released, read as a shared access (no violation either way). */
  public boolean isReleased(TrackedContext context) {
    events.announceRead(location(context));
    return !isLive(context);
  }

  private boolean isLive(TrackedContext context) {
    if (!monitor) {
      return !context.isReleased();
    }
    synchronized (table) {
      return !context.isReleased();
    }
  }

  /** The contexts still allocated, in allocation order: at the end of a run, the leaks. */
  public ImmutableList<ContextRef> live() {
    synchronized (table) {
      return table.live.values().stream().map(TrackedContext::ref).collect(ImmutableList.toImmutableList());
    }
  }
}
