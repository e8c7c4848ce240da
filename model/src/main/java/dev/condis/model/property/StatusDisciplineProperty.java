package dev.condis.model.property;

import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.rules.RuleCategory;

/**
 * {@code status-discipline}: every status is one the rules allow where it is given (STATUS
 * rules, e.g. GEN-4: never PENDING to a complete function; GEN-5: ProtocolCoCreateVc and
 * ProtocolCoDeleteVc never return PENDING). Raw check: the handler returns and completions
 * NDIS records.
 */
public final class StatusDisciplineProperty extends CategoryProperty {
  public static final String ID = "status-discipline";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Only allowed statuses: no PENDING to a complete function (GEN-4), no PENDING from "
        + "ProtocolCoCreateVc/ProtocolCoDeleteVc (GEN-5), and the other STATUS rules.";
  }

  @Override
  protected boolean owns(RuleCategory category) {
    return category == RuleCategory.STATUS;
  }

  @Override
  protected void check(NdisEvent event) {
    if (event instanceof NdisEvent.HandlerReturned r
        && r.status() == NdisStatus.PENDING
        && (r.handler().equals("ProtocolCoCreateVc") || r.handler().equals("ProtocolCoDeleteVc"))) {
      rawFinding("GEN-5", r.callee() + " " + r.handler() + " returned PENDING");
    } else if (event instanceof NdisEvent.RequestCompleted c && c.status() == NdisStatus.PENDING) {
      rawFinding("GEN-4", c.token() + " completed with status PENDING");
    }
  }
}
