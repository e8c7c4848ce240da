package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * The network-facing actions a scenario asks of a call manager (stand-alone or MCM): the
 * remote side offering a call, hanging up, or a leaf leaving a multipoint call. Like client
 * actions, they start work and return; a call manager suppresses an action that the rules
 * forbid at that moment (ICLOSE-10, INCALL-9, OQ-1, OQ-12, OQ-14) rather than break a rule.
 */
@PublicApi
public interface CallManagerDriver extends ProtocolCmHandlers {

  /** An incoming call: create a VC, activate it, dispatch it to the client's SAP. */
  void offerIncomingCall();

  /** The remote side hangs up the first connected call: an incoming close. */
  void remoteClose();

  /** A leaf leaves the first multipoint call that has another party: an incoming drop. */
  void remoteDropParty();

  /**
   * A quiescent point: no scenario thread is running and every deferred completion has run,
   * so NDIS has processed every final status this call manager returned. A call or party it
   * finished in-line is settled from here on, and the remote side may hang it up or drop it
   * (OQ-13: before, the call manager cannot tell whether NDIS has seen its return). The
   * default does nothing; a call manager that dispatches incoming closes only after its own
   * completion call returned should mark its in-line calls here, or its clients are never
   * checked on the hang-up of a call made in-line.
   */
  default void networkSettled() {}

  /** End of the scenario: delete the idle VCs this call manager created. */
  void shutdown();
}
