package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;

/**
 * A CO_CALL_PARAMETERS buffer. Owned by whoever allocated it (the client for make-call and
 * add-party, the call manager for incoming calls and activation) and lent across NDIS until
 * the matching completion (MAKE-2, ADD-8, OQ-17).
 */
@PublicApi
public class CallParameters extends TrackedContext {
  private boolean callParametersChanged;
  private int flowSpec;

  public CallParameters(String tag, int flowSpec) {
    super(ContextKind.CALL_PARAMETERS, tag);
    this.flowSpec = flowSpec;
  }

  /** CALL_PARAMETERS_CHANGED: the peer rewrote the parameters (MAKE, ADD, INCALL sequences). */
  public boolean callParametersChanged() {
    return callParametersChanged;
  }

  public int flowSpec() {
    return flowSpec;
  }

  /** The peer rewrites the flow spec in place and sets CALL_PARAMETERS_CHANGED. */
  public void rewrite(int newFlowSpec) {
    this.flowSpec = newFlowSpec;
    this.callParametersChanged = true;
  }
}
