package dev.condis.explorer;

/** A thread of one execution, as the scheduler sees it. Guarded by the engine lock. */
final class ControlledThread {
  enum Status {
    /** Spawned, body not started yet: it starts at the next scheduling point, in creation order. */
    NEW,
    /** Running its body: the one thread that runs (or, on abort, the one unwinding). */
    RUNNING,
    /** Stopped at a scheduling point with {@link #op} pending. */
    WAITING,
    FINISHED
  }

  /** A body that may throw checked exceptions (the program's main). */
  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  final Execution execution;
  final int id;
  final String name;
  final boolean deferred;
  final Body body;
  final ThreadRef ref;
  /** Happens-before clock; once finished, its final clock. */
  final VectorClock clock = new VectorClock();

  Status status = Status.NEW;
  Carrier carrier;

  // The pending operation while WAITING.
  OpKind op;
  Object target;
  Runnable spawnBody;
  /** The pending op was set since the last race analysis. */
  boolean fresh;
  /** What the executed op returns to the thread (the spawned ThreadRef). */
  Object result;

  ControlledThread(Execution execution, int id, String name, boolean deferred, Body body) {
    this.execution = execution;
    this.id = id;
    this.name = name;
    this.deferred = deferred;
    this.body = body;
    this.ref = new ThreadRef(this);
  }

  String describePending() {
    return switch (op) {
      case AWAIT_DEFERRED -> op.text;
      case SPAWN, SPAWN_DEFERRED -> op.text + "(" + target + ")";
      case JOIN -> op.text + "(" + ((ControlledThread) target).name + ")";
      default -> op.text + "(" + target + ")";
    };
  }

  @Override
  public String toString() {
    return name + "#" + id;
  }
}
