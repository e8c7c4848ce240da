package dev.condis.explorer;

/**
 * A lock of one execution, made by {@link Runtime#newLock}. Using it in another execution is an
 * {@link IllegalStateException}.
 */
public final class LockRef {
  private final String name;
  final Execution owner;
  // Scheduler state, guarded by the engine lock.
  ControlledThread holder;
  final VectorClock clock = new VectorClock();
  /** Trace indices of the acquisitions, for the race analysis. */
  final IntList acquisitions = new IntList();

  LockRef(String name, Execution owner) {
    this.name = name;
    this.owner = owner;
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
