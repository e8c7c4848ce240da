package dev.condis.explorer;

/** A controlled thread of one execution, returned by {@link Runtime#spawn}, for joining. */
public final class ThreadRef {
  final ControlledThread thread;

  ThreadRef(ControlledThread thread) {
    this.thread = thread;
  }

  public String name() {
    return thread.name;
  }

  @Override
  public String toString() {
    return thread.name;
  }
}
