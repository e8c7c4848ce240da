package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;

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
  private Object[] parts() { return new Object[] {status, context}; }
  private static final String[] NAMES = {"status", "context"};
  @Override public boolean equals(Object o) { return o instanceof CreateVcResult<?> r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
  @Override public String toString() { return RecordMethods.text("CreateVcResult", NAMES, parts()); }
}
