package dev.condis.model.property;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.ContextKind;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.RequestKind;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.rules.RuleCategory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code no-leak}: at the end of a run (after both drivers' shutdown and every deferred call)
 * no VC is left undeleted, and no context, CallParameters buffer, close-data buffer or party
 * handle is still live (LEAK rules: VC-16, VC-9, VC-3, MAKE-8, ADD-5, CLOSE-4, CLOSE-13, DROP-9,
 * ...).
 *
 * <p>Defence in depth: the live contexts are both NDIS's snapshot and this property's own
 * ledger of the raw ContextAllocated / ContextReleased events. Each leak is reported under the
 * rule that says where the thing should have been released, decided from what happened in the
 * run: a VC left undeleted first (VC-16; its contexts leak with it), then per context kind,
 * e.g. a ProtocolPartyContext after a failed make-call is MAKE-8, after a failed add-party
 * ADD-5, otherwise CLOSE-13 (the last party's context is released at close completion).
 */
public final class NoLeakProperty extends CategoryProperty {
  public static final String ID = "no-leak";

  private final Map<Integer, ContextRef> live = new LinkedHashMap<>();
  /** Live CallParameters, by context id, to the request they were lent with (MAKE-8, ADD-5, INCALL-7). */
  private final Map<Integer, RequestKind> lentWith = new LinkedHashMap<>();
  private boolean makeCallFailed;
  private boolean addPartyFailed;
  private boolean dropPartySucceeded;
  /** A client's NdisCoCreateVc failed (VC-3: no handle exists, so it frees its VC context). */
  private boolean clientCreateVcFailed;
  /** A call manager's NdisCoCreateVc / NdisMCmCreateVc failed (VC-3 for its context). */
  private boolean callManagerCreateVcFailed;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Nothing live at the end: every VC deleted (VC-16), every context, CallParameters "
        + "and close-data buffer released (VC-9, VC-3, MAKE-8, ADD-5, CLOSE-4, CLOSE-13), every party "
        + "handle gone (DROP-9).";
  }

  @Override
  protected boolean owns(RuleCategory category) {
    return category == RuleCategory.LEAK;
  }

  @Override
  protected void check(NdisEvent event) {
    if (event instanceof NdisEvent.ContextAllocated a) {
      live.put(a.context().id(), a.context());
    } else if (event instanceof NdisEvent.ContextReleased r) {
      live.remove(r.context().id());
      lentWith.remove(r.context().id());
    } else if (event instanceof NdisEvent.RequestOpened o && o.token().parameters() != null) {
      lentWith.putIfAbsent(o.token().parameters().id(), o.token().kind());
    } else if (event instanceof NdisEvent.RequestCompleted c && !c.status().isSuccess()) {
      if (c.token().kind() == RequestKind.MAKE_CALL) {
        makeCallFailed = true;
      } else if (c.token().kind() == RequestKind.ADD_PARTY) {
        addPartyFailed = true;
      }
    } else if (event instanceof NdisEvent.RequestCompleted c
        && c.token().kind() == RequestKind.DROP_PARTY) {
      dropPartySucceeded = true;
    } else if (event instanceof NdisEvent.ApiReturned r && r.status() != null && !r.status().isSuccess()
        && (r.api().equals("NdisCoCreateVc") || r.api().equals("NdisMCmCreateVc"))) {
      if (r.caller() == Actor.CLIENT) {
        clientCreateVcFailed = true;
      } else {
        callManagerCreateVcFailed = true;
      }
    }
  }

  @Override
  protected void checkEnd(NdisSnapshot finalState) {
    for (NdisSnapshot.VcSummary vc : finalState.undeletedVcs()) {
      rawFinding(
          "VC-16",
          vc.handle() + " (created by " + vc.creator() + ") was never deleted: it ended "
              + vc.state() + "/" + vc.activation()
              + (vc.liveParties().isEmpty() ? "" : " with parties " + vc.liveParties()));
    }
    Map<Integer, ContextRef> leaked = new LinkedHashMap<>(live);
    for (ContextRef c : finalState.liveContexts()) {
      leaked.putIfAbsent(c.id(), c);
    }
    for (ContextRef c : leaked.values()) {
      rawFinding(ruleFor(c), c + " was never released");
    }
    for (NdisSnapshot.LiveHandle h : finalState.liveHandles()) {
      if (h.handle() instanceof NdisPartyHandle) {
        rawFinding("DROP-9", h.handle() + " is still live at the end (" + h.state() + ")");
      }
    }
  }

  /** The rule that says where {@code c} should have been released, given this run's history. */
  private String ruleFor(ContextRef c) {
    ContextKind kind = c.kind();
    // Comparisons, not a switch on ContextKind: javac's switch-map class NoLeakProperty$1 would
    // share its name with the class JPF makes for this class's second invokedynamic, and this
    // property runs inside JPF (jpf-config/README.md, Known JPF limitations).
    if (kind == ContextKind.PROTOCOL_PARTY_CONTEXT) {
      return makeCallFailed ? "MAKE-8" : addPartyFailed ? "ADD-5" : dropPartySucceeded ? "DROP-4" : "CLOSE-13";
    } else if (kind == ContextKind.CALL_MGR_PARTY_CONTEXT) {
      return addPartyFailed ? "ADD-7" : "CLOSE-4";
    } else if (kind == ContextKind.CALL_PARAMETERS) {
      RequestKind request = lentWith.get(c.id());
      return request == RequestKind.ADD_PARTY ? "ADD-5"
          : request == RequestKind.MAKE_CALL ? "MAKE-8"
          : request == RequestKind.INCOMING_CALL ? "INCALL-7"
          : "VC-9";
    } else if (kind == ContextKind.CLOSE_DATA) {
      return "CLOSE-13";
    } else if (kind == ContextKind.PROTOCOL_VC_CONTEXT) {
      return clientCreateVcFailed ? "VC-3" : makeCallFailed ? "MAKE-8" : "VC-9";
    } else if (kind == ContextKind.CALL_MGR_VC_CONTEXT && callManagerCreateVcFailed) {
      return "VC-3";
    }
    return "VC-9"; // CALL_MGR_VC_CONTEXT, MINIPORT_VC_CONTEXT
  }
}
