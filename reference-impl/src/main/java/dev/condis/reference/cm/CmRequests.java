package dev.condis.reference.cm;

import dev.condis.reference.ddi.NdisStatus;

/**
 * How a ProtocolCmXxx handler of a {@link CallManagerCore} finishes a request it may pend:
 * it returns a final status, or returns PENDING and completes exactly once later (GEN-2,
 * GEN-3). Whether it pends is a data choice, so the model checker explores every way.
 */
final class CmRequests {

  /** How a handler finishes a request it may pend. */
  enum Mode {
    /** Try to finish before returning; pend only if a nested activation/deactivation pends. */
    INLINE,
    /** Return PENDING and finish from a deferred call. */
    PEND,
    /** Decide to pend, finish (complete) from inside the handler, then return PENDING (GEN-8). */
    PEND_COMPLETE_IN_HANDLER
  }

  /**
   * One request a handler may finish inline or pend: the handshake between the handler's
   * return and the code that finishes the request, possibly on another thread (GEN-2, GEN-3,
   * GEN-8). Guarded by the lock. Deliberately not a tracked context: the handler reads it
   * after the request finished, when the VC context may already be gone.
   */
  static final class Request {
    /** The handler has returned PENDING or will: the finish must call the completion. */
    boolean pended;
    /** The final status, when the request finished before the handler returned. */
    NdisStatus result;
  }

  private final CmState cm;

  CmRequests(CmState cm) {
    this.cm = cm;
  }

  /**
   * Under the lock: draws how the handler finishes ({@code n} = 2: inline or pend; 3: also
   * pend and complete from inside the handler) and records a pend before anything can
   * complete the request (GEN-8).
   */
  Mode pendMode(Request request, String label, int n) {
    Mode mode = Mode.values()[cm.choose(label, n)];
    request.pended = mode != Mode.INLINE;
    return mode;
  }

  /** Runs the rest of a request now, or from a deferred call for {@link Mode#PEND}. */
  void run(String name, Mode mode, Runnable body) {
    if (mode == Mode.PEND) {
      cm.platform.queueDeferred(cm.prefix + "." + name, body);
    } else {
      body.run();
    }
  }

  /**
   * Under the lock: the request is finished with {@code status}. Returns true if it was pended,
   * so the caller must call the completion function (GEN-2); false if the handler will return
   * the status itself and no completion may follow (GEN-3).
   */
  static boolean finish(Request request, NdisStatus status) {
    if (request.pended) {
      return true;
    }
    request.result = status;
    return false;
  }

  /**
   * The handler's return value: for an inline attempt the final status if the request
   * finished meanwhile, else PENDING — from then on the finish completes it (GEN-8).
   */
  NdisStatus handlerReturns(Request request, Mode mode) {
    if (mode != Mode.INLINE) {
      return NdisStatus.PENDING;
    }
    cm.lock();
    try {
      if (request.result != null) {
        return request.result;
      }
      request.pended = true;
      return NdisStatus.PENDING;
    } finally {
      cm.unlock();
    }
  }
}
