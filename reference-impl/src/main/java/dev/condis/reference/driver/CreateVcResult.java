package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.context.TrackedContext;
import dev.condis.reference.ndis.NdisStatus;

/**
 * What a ProtocolCoCreateVc / MiniportCoCreateVc handler returns: its status and, on
 * SUCCESS, the per-VC context it allocated (the C out-parameter). Never PENDING (GEN-5).
 */
@PublicApi
public record CreateVcResult<C extends TrackedContext>(NdisStatus status, C context) {
  public static <C extends TrackedContext> CreateVcResult<C> success(C context) {
    return new CreateVcResult<>(NdisStatus.SUCCESS, context);
  }

  public static <C extends TrackedContext> CreateVcResult<C> failure(NdisStatus status) {
    return new CreateVcResult<>(status, null);
  }

  // Written out for JPF: see RecordMethods.
  @Override
  public boolean equals(Object o) {
    return o instanceof CreateVcResult<?> other && RecordMethods.equal(components(), other.components());
  }

  @Override
  public int hashCode() {
    return RecordMethods.hash(components());
  }

  @Override
  public String toString() {
    return RecordMethods.text("CreateVcResult", NAMES, components());
  }

  private Object[] components() {
    return new Object[] {status, context};
  }

  private static final String[] NAMES = {"status", "context"};
}
