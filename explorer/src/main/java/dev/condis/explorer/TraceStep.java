package dev.condis.explorer;

/**
 * One event of a replayed execution, in order: a scheduling point taken by a thread, a data
 * choice, a failure or a thread's end.
 *
 * @param thread index of the thread in creation order (main is 0)
 * @param threadName its name
 * @param event e.g. {@code acquire(A)}, {@code spawn(t1)}, {@code choose(pend)=1of2}, {@code end}
 */
public record TraceStep(int thread, String threadName, String event) {
  @Override
  public String toString() {
    return threadName + "#" + thread + ": " + event;
  }
}
