package dev.condis.reference.cm;

import dev.condis.reference.ddi.AfDriverEnvironment;
import dev.condis.reference.ddi.CallManagerDriver;
import dev.condis.reference.ddi.CallMgrPartyContext;
import dev.condis.reference.ddi.CallMgrVcContext;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.CreateVcResult;
import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.PartyResult;
import dev.condis.reference.ddi.TrackedContext;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.platform.Platform;

/**
 * The call-manager logic shared by the stand-alone reference CM ({@link ReferenceCallManager})
 * and the reference MCM ({@code mcm.ReferenceMcm}). NDIS calls the same ProtocolCmXxx /
 * ProtocolCoXxx handlers on both and handles their completions the same way (§1.1); they
 * differ only in the NDIS functions behind {@link CallManagerNdis} (GEN-10): NdisCoCreateVc /
 * NdisCoDeleteVc / NdisCmActivateVc / NdisCmDeactivateVc for the CM, NdisMCmCreateVc /
 * NdisMCmDeleteVc / NdisMCmActivateVc / NdisMCmDeactivateVc for the MCM.
 *
 * <p>Each handler and action is carried out by the package-private part for its operation
 * family, all sharing one {@link CmState}: {@link CmVcLifecycle} (VC creation, deletion,
 * activation), {@link CmCalls} (make-call, close), {@link CmParties} (add and drop party),
 * {@link CmIncoming} (incoming call, close and drop), with {@link CmRequests} for the
 * handshake of a request that may pend.
 *
 * <p>Discipline, for every path:
 *
 * <ul>
 *   <li>All state is guarded by one platform lock, never held across a call into NDIS: NDIS
 *       calls back synchronously, possibly into this driver (GEN-9, IRQL-4).
 *   <li>State that says a request is outstanding is written before the request is made
 *       (GEN-8): a completion may arrive on another thread, or nested, before it returns.
 *   <li>Every context field is read or written only after {@link TrackedContext#touch}; after
 *       a completion or dispatch call returns, a context is touched again only if it is still
 *       in this driver's own lists ({@link CmState#vcs}, {@link CmState#parties}), because the
 *       client may have closed the call and deleted its VC from inside that call (CLOSE-15,
 *       MAKE-12).
 *   <li>Each handler either returns a final status, or returns PENDING and completes exactly
 *       once later (GEN-2, GEN-3). Whether it pends, and the status, are data choices made
 *       through {@link Platform#choose}, so the model checker explores all of them.
 * </ul>
 *
 * <p>Choice labels (prefix {@code cm} or {@code mcm}): {@code makeCall.pend} (2: inline,
 * pend), {@code makeCall.status} (2: SUCCESS, RESOURCES after activation), {@code
 * closeCall.pend} (3: inline, pend and complete from a deferred call, pend and complete from
 * inside the handler — GEN-8), {@code addParty.pend} (2), {@code addParty.status} (2: SUCCESS,
 * RESOURCES), {@code dropParty.pend} (2), {@code closeData.supported} (2, drawn once per run:
 * whether the medium carries close data; if not, a close or drop carrying data gets
 * INVALID_DATA, CLOSE-6, DROP-5).
 */
public abstract class CallManagerCore implements CallManagerDriver {

  /**
   * The size of the call manager's table of client-created VCs: at most this many
   * CallMgrVcContexts for client VCs are live at once; ProtocolCoCreateVc fails with RESOURCES
   * beyond it (VC-2). No scenario of the catalog creates more than one client VC, so the limit
   * is reached only in tests that ask for it.
   */
  public static final int MAX_CLIENT_VCS = 4;

  private CmState cm;
  private CmVcLifecycle vcLifecycle;
  private CmCalls calls;
  private CmParties parties;
  private CmIncoming incoming;

  /**
   * Called by the concrete driver's {@code initialize}. {@code prefix} ("cm" or "mcm") starts
   * every choice label, context tag and deferred-call name.
   */
  protected final void initializeCore(
      String prefix, AfDriverEnvironment<? extends NdisCallManagerApi> environment, CallManagerNdis vcNdis) {
    this.cm = new CmState(prefix, environment, vcNdis);
    CmRequests requests = new CmRequests(cm);
    this.vcLifecycle = new CmVcLifecycle(cm);
    this.calls = new CmCalls(cm, requests, vcLifecycle);
    this.parties = new CmParties(cm, requests);
    this.incoming = new CmIncoming(cm, vcLifecycle);
  }

  /** Whether a seeded fault is switched on for this run. */
  protected final boolean fault(SeededFault fault) {
    return cm.fault(fault);
  }

  // ---------------------------------------------------------------------------------------
  // VCs: CmVcLifecycle (§2.1 steps 1 and 3, §2.2 step 2, §2.8)

  @Override
  public CreateVcResult<CallMgrVcContext> protocolCoCreateVc(NdisVcHandle ndisVcHandle) {
    return vcLifecycle.protocolCoCreateVc(ndisVcHandle);
  }

  @Override
  public NdisStatus protocolCoDeleteVc(CallMgrVcContext callMgrVcContext) {
    return vcLifecycle.protocolCoDeleteVc(callMgrVcContext);
  }

  @Override
  public void protocolCmActivateVcComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext, CallParameters callParameters) {
    vcLifecycle.activationCompleted((CmVc) callMgrVcContext, status);
  }

  @Override
  public void protocolCmDeactivateVcComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext) {
    vcLifecycle.deactivationCompleted((CmVc) callMgrVcContext, status);
  }

  /** End of the scenario: delete the idle VCs this call manager created. */
  @Override
  public void shutdown() {
    vcLifecycle.shutdown();
  }

  // ---------------------------------------------------------------------------------------
  // Calls: CmCalls (§2.1, §2.2)

  @Override
  public PartyResult protocolCmMakeCall(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    return calls.protocolCmMakeCall(callMgrVcContext, callParameters, ndisPartyHandle);
  }

  @Override
  public NdisStatus protocolCmCloseCall(
      CallMgrVcContext callMgrVcContext,
      CallMgrPartyContext callMgrPartyContext,
      CloseData closeData) {
    return calls.protocolCmCloseCall(callMgrVcContext, callMgrPartyContext, closeData);
  }

  // ---------------------------------------------------------------------------------------
  // Parties: CmParties (§2.4, §2.5)

  @Override
  public PartyResult protocolCmAddParty(
      CallMgrVcContext callMgrVcContext,
      CallParameters callParameters,
      NdisPartyHandle ndisPartyHandle) {
    return parties.protocolCmAddParty(callMgrVcContext, callParameters, ndisPartyHandle);
  }

  @Override
  public NdisStatus protocolCmDropParty(
      CallMgrPartyContext callMgrPartyContext, CloseData closeData) {
    return parties.protocolCmDropParty(callMgrPartyContext, closeData);
  }

  // ---------------------------------------------------------------------------------------
  // What the remote side starts: CmIncoming (§2.3, §2.6, §2.7)

  @Override
  public void offerIncomingCall() {
    incoming.offerIncomingCall();
  }

  @Override
  public void protocolCmIncomingCallComplete(
      NdisStatus status, CallMgrVcContext callMgrVcContext, CallParameters callParameters) {
    incoming.incomingCallCompleted((CmVc) callMgrVcContext, status);
  }

  @Override
  public void remoteClose() {
    incoming.remoteClose();
  }

  @Override
  public void remoteDropParty() {
    incoming.remoteDropParty();
  }

  @Override
  public void networkSettled() {
    incoming.networkSettled();
  }
}
