package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * A complete CoNDIS client: its NDIS handlers plus the actions a scenario asks of it (what an
 * application above the protocol driver would ask). Actions only start work: every request
 * may pend and complete later on another thread, so an action returns as soon as its
 * requests are issued. A user's own client implements this with a public no-arg constructor
 * and is plugged in with {@code --client CLASS}.
 */
@PublicApi
public interface ClientDriver extends ProtocolClientHandlers {

  /** Called once, before anything else, with the NDIS functions the client may call. */
  void initialize(ClientEnvironment environment);

  /**
   * Creates a VC (NdisCoCreateVc) and makes an outgoing call on it. {@code parties} = 0 makes
   * a point-to-point call; {@code parties} >= 1 makes a multipoint call whose first party
   * goes with NdisClMakeCall and the others with NdisClAddParty once it has succeeded.
   */
  void makeCall(int parties);

  /** Adds one party to the first established multipoint call (NdisClAddParty). */
  void addParty();

  /** Drops one party other than the last from the first multipoint call (NdisClDropParty). */
  void dropParty();

  /**
   * Closes the client's first open call, outgoing or incoming: drops all parties but the last
   * (CLOSE-1), then NdisClCloseCall; on its own VC deletes the VC once the close succeeded.
   * A make-call still pending is closed once it completes (MAKE-13).
   */
  void closeCall();

  /**
   * Sends one packet on the client's first call that is up (NdisCoSendNetBufferLists), or
   * nothing when no call is up: never before the make-call completed with SUCCESS (MAKE-7) or
   * the offer connected (INCALL-6), nor once the call is closing (CLOSE-3, ICLOSE-2). Does
   * nothing by default, for a client that sends no data.
   */
  default void sendData() {}

  /**
   * End of the scenario: close what is still open and delete what the client created. The
   * harness then waits for all deferred work before it checks the final state.
   */
  void shutdown();
}
