package dev.condis.explorer;

import java.util.Objects;

/**
 * One failing execution.
 *
 * @param kind what went wrong
 * @param message readable description (for {@link FailureKind#ASSERTION}, the program's message)
 * @param payload the object passed to {@link Runtime#fail}, untouched; null for other kinds
 * @param threadName the controlled thread that failed (or detected the deadlock)
 * @param schedule replays this execution exactly with {@link Explorer#replay}
 * @param cause the exception thrown, for {@link FailureKind#UNCAUGHT_EXCEPTION}; else null
 */
public record Failure(
    FailureKind kind,
    String message,
    Object payload,
    String threadName,
    Schedule schedule,
    Throwable cause) {

  public Failure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(threadName, "threadName");
    Objects.requireNonNull(schedule, "schedule");
  }

  @Override
  public String toString() {
    return kind + " in thread '" + threadName + "': " + message + " [schedule " + schedule + "]";
  }
}
