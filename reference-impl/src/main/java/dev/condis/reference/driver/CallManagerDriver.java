package dev.condis.reference.driver;

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

  /** End of the scenario: delete the idle VCs this call manager created. */
  void shutdown();
}
