package dev.condis.model.engine;

import dev.condis.explorer.LockRef;
import dev.condis.explorer.Runtime;
import dev.condis.explorer.ThreadRef;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import dev.condis.reference.platform.ThreadHandle;
import java.util.Objects;

/**
 * The reference's {@link Platform} over the explorer's controlled {@link Runtime}: one
 * thread runs at a time and the explorer decides, at every lock, unlock, thread start, join,
 * deferred call and data choice, who runs next and what {@code choose} returns.
 *
 * <p>Locks become explorer locks (acquire/release), threads become spawned controlled
 * threads, a deferred call (DPC) becomes a deferred controlled thread and
 * {@link #awaitDeferred()} the explorer's transitive wait for them; {@code choose} is the
 * explorer's data choice. One instance per execution.
 */
public final class ExplorerPlatform implements Platform {
  private final Runtime rt;

  public ExplorerPlatform(Runtime rt) {
    this.rt = Objects.requireNonNull(rt, "rt");
  }

  private record Lock(LockRef ref) implements PlatformLock {
    @Override
    public String name() {
      return ref.name();
    }

    @Override
    public String toString() {
      return ref.name();
    }
  }

  private record Thread(ThreadRef ref) implements ThreadHandle {
    @Override
    public String name() {
      return ref.name();
    }

    @Override
    public String toString() {
      return ref.name();
    }
  }

  @Override
  public PlatformLock newLock(String name) {
    return new Lock(rt.newLock(name));
  }

  @Override
  public void lock(PlatformLock lock) {
    rt.acquire(ref(lock));
  }

  @Override
  public void unlock(PlatformLock lock) {
    rt.release(ref(lock));
  }

  @Override
  public boolean holdsLock(PlatformLock lock) {
    return rt.holds(ref(lock));
  }

  @Override
  public ThreadHandle startThread(String name, Runnable body) {
    return new Thread(rt.spawn(name, body));
  }

  @Override
  public void queueDeferred(String name, Runnable dpc) {
    rt.spawnDeferred(name, dpc);
  }

  @Override
  public void join(ThreadHandle thread) {
    if (!(thread instanceof Thread t)) {
      throw new IllegalArgumentException(thread + " was not started by this platform");
    }
    rt.join(t.ref());
  }

  @Override
  public void awaitDeferred() {
    rt.awaitDeferred();
  }

  @Override
  public int choose(String label, int n) {
    return rt.choose(label, n);
  }

  @Override
  public String currentThreadName() {
    return rt.currentThreadName();
  }

  private static LockRef ref(PlatformLock lock) {
    if (!(lock instanceof Lock l)) {
      throw new IllegalArgumentException(lock + " was not made by this platform");
    }
    return l.ref();
  }
}
