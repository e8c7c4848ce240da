package dev.condis.model.property.examples;

import dev.condis.model.property.PropertyListener;
import dev.condis.model.property.PropertyReporter;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.ndis.NdisSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An example of a user's own property (walked through in {@code model/PROPERTIES.md}): rule
 * VC-16, "once its last call has closed, every VC must end up either deleted by its creator
 * or reused for a new call", checked from the raw event stream alone.
 *
 * <p>It follows each VC handle: a call on it starts (a make-call or an incoming-call offer),
 * the call ends (a close completes with SUCCESS, or the make-call or offer fails), and then
 * the VC must either be invalidated (deleted) or carry a new call before the run ends. It
 * keeps its state in fields: a fresh instance is made for every execution.
 *
 * <p>Run it with {@code --property dev.condis.model.property.examples.VcDeletedOrReusedProperty},
 * or register it in {@code META-INF/services/dev.condis.model.property.PropertyListener}.
 */
public final class VcDeletedOrReusedProperty implements PropertyListener {

  private enum VcState {
    NO_CALL_YET,
    IN_CALL,
    CALL_ENDED
  }

  /** Live VC handles and where their calls stand; a deleted VC leaves the map. */
  private final Map<NdisVcHandle, VcState> vcs = new LinkedHashMap<>();
  /** Where each VC's last call ended, for the message. */
  private final Map<NdisVcHandle, Long> endedAt = new LinkedHashMap<>();

  @Override
  public String id() {
    return "vc-deleted-or-reused";
  }

  @Override
  public String description() {
    return "VC-16: every VC whose call ended is deleted by its creator or reused for a new call.";
  }

  @Override
  public void onEvent(NdisEvent event, PropertyReporter reporter) {
    if (event instanceof NdisEvent.HandleIssued issued && issued.handle() instanceof NdisVcHandle vc) {
      vcs.put(vc, VcState.NO_CALL_YET);
    } else if (event instanceof NdisEvent.HandleInvalidated gone) {
      vcs.remove(gone.handle());
      endedAt.remove(gone.handle());
    } else if (event instanceof NdisEvent.RequestOpened opened && startsCall(opened.token().kind())) {
      vcs.computeIfPresent(opened.token().vc(), (vc, s) -> VcState.IN_CALL);
    } else if (event instanceof NdisEvent.RequestCompleted done && endsCall(done)) {
      NdisVcHandle vc = done.token().vc();
      if (vcs.containsKey(vc)) {
        vcs.put(vc, VcState.CALL_ENDED);
        endedAt.put(vc, done.stamp().seq());
      }
    }
  }

  @Override
  public void onExecutionEnd(NdisSnapshot finalState, PropertyReporter reporter) {
    vcs.forEach(
        (vc, state) -> {
          if (state == VcState.CALL_ENDED) {
            reporter.violation(
                "VC-16",
                vc + ": its call ended (event #" + endedAt.get(vc) + ") but it was neither "
                    + "deleted nor reused before the run ended");
          }
        });
  }

  private static boolean startsCall(RequestKind kind) {
    return kind == RequestKind.MAKE_CALL || kind == RequestKind.INCOMING_CALL;
  }

  /** A close that succeeded, or a make-call or incoming offer that failed: no call is left. */
  private static boolean endsCall(NdisEvent.RequestCompleted done) {
    RequestKind kind = done.token().kind();
    if (kind == RequestKind.CLOSE_CALL) {
      return done.status().isSuccess();
    }
    return startsCall(kind) && !done.status().isSuccess();
  }
}
