package dev.condis.reference.platform;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.Ints;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-threaded, deterministic {@link Platform} for unit tests (ours and users').
 *
 * <p>Nothing runs concurrently: "threads" and deferred calls are work items run on the
 * calling Java thread, one after another, in a fixed order:
 *
 * <ul>
 *   <li>{@link #queueDeferred} and {@link #startThread} append to one FIFO of pending items,
 *       in call order.
 *   <li>{@link #awaitDeferred} runs pending items from the head of the FIFO until it is empty,
 *       including items queued by the items it runs (so deferred calls queued from a DPC run
 *       after everything that was queued before them). Started threads that nobody joined run
 *       there too, in their FIFO position.
 *   <li>{@link #join} runs that thread's body at once if it has not run yet (ahead of its FIFO
 *       position); joining a thread that already ran returns immediately.
 *   <li>{@link #runNextDeferred} runs just the head item, for tests that interleave by hand.
 * </ul>
 *
 * <p>While an item runs, {@link #currentThreadName()} reports its name ("main" otherwise), and
 * lock ownership is per item name. Locks are non-reentrant: acquiring a held lock throws
 * {@link IllegalStateException}, because on this platform that is either re-entry or a
 * deadlock (the holder cannot run until the caller returns).
 *
 * <p>{@link #choose} takes values from a script: a label map first (the same value every time
 * that label is chosen), then the sequence, then 0 once the sequence is exhausted. Every choice
 * is recorded as a {@link Choice} for assertions.
 */
public final class ScriptedPlatform implements Platform {

  /** One data choice made: its label, the number of options, and the value returned. */
  public record Choice(String label, int n, int value) {}

  private final ImmutableMap<String, Integer> labelled;
  private final Deque<Integer> script;
  private final List<Choice> choices = new ArrayList<>();
  private final Deque<Item> pending = new ArrayDeque<>();
  private final Deque<String> running = new ArrayDeque<>();

  /** Every choice returns 0. */
  public ScriptedPlatform() {
    this(ImmutableMap.of(), List.of());
  }

  private ScriptedPlatform(Map<String, Integer> labelled, List<Integer> script) {
    this.labelled = ImmutableMap.copyOf(labelled);
    this.script = new ArrayDeque<>(script);
  }

  /** Choices return {@code values} in order, then 0. */
  public static ScriptedPlatform withChoices(int... values) {
    return new ScriptedPlatform(ImmutableMap.of(), Ints.asList(values));
  }

  /** A choice whose label is a key returns that value every time; any other choice returns 0. */
  public static ScriptedPlatform withChoices(Map<String, Integer> byLabel) {
    return new ScriptedPlatform(byLabel, List.of());
  }

  /** Labelled choices as in {@link #withChoices(Map)}; the others return {@code values} in order, then 0. */
  public static ScriptedPlatform withChoices(Map<String, Integer> byLabel, int... values) {
    return new ScriptedPlatform(byLabel, Ints.asList(values));
  }

  /** The choices made so far, in order. */
  public ImmutableList<Choice> choices() {
    return ImmutableList.copyOf(choices);
  }

  /** How many started threads and deferred calls have not run yet. */
  public int pendingCount() {
    return pending.size();
  }

  /** Runs the oldest pending item, if any; returns whether one ran. */
  public boolean runNextDeferred() {
    if (pending.isEmpty()) {
      return false;
    }
    run(pending.removeFirst());
    return true;
  }

  @Override
  public PlatformLock newLock(String name) {
    return new ScriptedLock(Objects.requireNonNull(name));
  }

  @Override
  public void lock(PlatformLock lock) {
    ScriptedLock scripted = cast(lock);
    String me = currentThreadName();
    if (scripted.owner != null) {
      throw new IllegalStateException(
          scripted.owner.equals(me)
              ? "lock " + scripted.name + " re-acquired by " + me + ": platform locks are not reentrant"
              : "lock " + scripted.name + " wanted by " + me + " but held by " + scripted.owner
                  + ": a deadlock on the single-threaded ScriptedPlatform");
    }
    scripted.owner = me;
  }

  @Override
  public void unlock(PlatformLock lock) {
    ScriptedLock scripted = cast(lock);
    String me = currentThreadName();
    if (!me.equals(scripted.owner)) {
      throw new IllegalStateException(
          "lock " + scripted.name + " released by " + me + ", which does not hold it");
    }
    scripted.owner = null;
  }

  @Override
  public boolean holdsLock(PlatformLock lock) {
    return currentThreadName().equals(cast(lock).owner);
  }

  @Override
  public ThreadHandle startThread(String name, Runnable body) {
    Item item = new Item(name, body);
    pending.addLast(item);
    return item;
  }

  @Override
  public void queueDeferred(String name, Runnable dpc) {
    pending.addLast(new Item(name, dpc));
  }

  @Override
  public void join(ThreadHandle thread) {
    if (!(thread instanceof Item item)) {
      throw new IllegalArgumentException(thread + " was not started by this platform");
    }
    if (!item.ran) {
      pending.remove(item);
      run(item);
    }
  }

  @Override
  public void awaitDeferred() {
    while (runNextDeferred()) {
      // runs until the FIFO is empty, including items queued meanwhile
    }
  }

  @Override
  public int choose(String label, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("choose(" + label + ", " + n + "): n must be positive");
    }
    Integer scripted = labelled.get(label);
    int value = scripted != null ? scripted : script.isEmpty() ? 0 : script.removeFirst();
    if (value < 0 || value >= n) {
      throw new IllegalStateException(
          "scripted choice " + value + " for " + label + " is outside [0, " + n + ")");
    }
    choices.add(new Choice(label, n, value));
    return value;
  }

  @Override
  public String currentThreadName() {
    return running.isEmpty() ? "main" : running.peekFirst();
  }

  private void run(Item item) {
    item.ran = true;
    running.addFirst(item.name);
    try {
      item.body.run();
    } finally {
      running.removeFirst();
    }
  }

  private static ScriptedLock cast(PlatformLock lock) {
    if (lock instanceof ScriptedLock scripted) {
      return scripted;
    }
    throw new IllegalArgumentException(lock + " was not created by a ScriptedPlatform");
  }

  private static final class ScriptedLock implements PlatformLock {
    private final String name;
    private String owner;

    ScriptedLock(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return "lock(" + name + ")";
    }
  }

  private static final class Item implements ThreadHandle {
    private final String name;
    private final Runnable body;
    private boolean ran;

    Item(String name, Runnable body) {
      this.name = Objects.requireNonNull(name);
      this.body = Objects.requireNonNull(body);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return "thread(" + name + ")";
    }
  }
}
