package dev.condis.jpf;

import dev.condis.reference.client.ReferenceClient;

/**
 * A user's client with a data race that touches no Platform call: a thread of its own counts
 * the make-calls, and shutdown reads the count, with no lock. Checked by {@link DriverThreadRaceTest}.
 */
public class CountingClient extends ReferenceClient {
  private int calls;

  @Override
  public void makeCall(int parties) {
    new Thread(() -> calls++).start();
    super.makeCall(parties);
  }

  @Override
  public void shutdown() {
    if (calls > 1) {
      throw new IllegalStateException("counted twice");
    }
    super.shutdown();
  }
}
