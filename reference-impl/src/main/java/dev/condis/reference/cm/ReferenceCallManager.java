package dev.condis.reference.cm;

import dev.condis.reference.ddi.CallManagerEnvironment;
import dev.condis.reference.ddi.StandaloneCallManager;

/**
 * The reference stand-alone call manager: a protocol driver that registers the address family
 * and does the signalling, above a separate CoNDIS miniport ({@link ReferenceMiniport}). It
 * uses only NdisCmXxx and the NdisCo pair (GEN-10); NDIS forwards its activations and
 * deactivations to the miniport's MiniportCoActivateVc / MiniportCoDeactivateVc. All call
 * logic lives in {@link CallManagerCore}; choice labels start with {@code cm.}.
 */
public class ReferenceCallManager extends CallManagerCore implements StandaloneCallManager {

  public ReferenceCallManager() {}

  @Override
  public void initialize(CallManagerEnvironment environment) {
    initializeCore("cm", environment, CallManagerNdis.standalone(environment.ndis()));
  }
}
