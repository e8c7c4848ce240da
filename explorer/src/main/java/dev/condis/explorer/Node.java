package dev.condis.explorer;

/**
 * A decision point of the search tree: a thread pick (at least two threads enabled) or a data
 * choice. Thread sets are bit masks over thread ids (hence at most 64 threads per execution).
 */
final class Node {
  final boolean pick;
  /** Trace length when the decision was taken: the state it is taken in. */
  final int state;

  // Thread pick.
  final long enabled;
  /** Sleep set on arrival: threads whose exploration from here would be redundant. */
  final long sleep;
  /** Threads to explore from here (DPOR adds to it); all enabled ones without reduction. */
  long backtrack;
  /** Threads explored or being explored from here. */
  long done;
  int chosen;

  // Data choice.
  final int arity;
  final int thread;
  int value;

  private Node(boolean pick, int state, long enabled, long sleep, int arity, int thread) {
    this.pick = pick;
    this.state = state;
    this.enabled = enabled;
    this.sleep = sleep;
    this.arity = arity;
    this.thread = thread;
  }

  static Node pick(int state, long enabled, long sleep) {
    return new Node(true, state, enabled, sleep, 0, -1);
  }

  static Node choice(int state, int arity, int thread) {
    return new Node(false, state, 0, 0, arity, thread);
  }
}
