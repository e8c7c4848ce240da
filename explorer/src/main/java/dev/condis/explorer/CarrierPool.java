package dev.condis.explorer;

import java.util.ArrayDeque;

/** Idle carriers shared by all searches, reused last-in first-out (warm threads first). */
final class CarrierPool {
  private static final int MAX_IDLE = 128;
  private static final ArrayDeque<Carrier> IDLE = new ArrayDeque<>();

  private CarrierPool() {}

  static synchronized Carrier take() {
    Carrier c = IDLE.pollLast();
    if (c == null) {
      c = new Carrier();
      c.start();
    }
    return c;
  }

  /** Returns false when the pool is full: the carrier should then end. */
  static synchronized boolean offer(Carrier c) {
    if (IDLE.size() >= MAX_IDLE) {
      return false;
    }
    IDLE.addLast(c);
    return true;
  }
}
