package dev.condis.reference.driver;

import dev.condis.reference.context.TrackedContext;
import dev.condis.reference.ndis.NdisStatus;

/**
 * What a ProtocolCoCreateVc / MiniportCoCreateVc handler returns: its status and, on
 * SUCCESS, the per-VC context it allocated (the C out-parameter). Never PENDING (GEN-5).
 */
public record CreateVcResult<C extends TrackedContext>(NdisStatus status, C context) {
  public static <C extends TrackedContext> CreateVcResult<C> success(C context) {
    return new CreateVcResult<>(NdisStatus.SUCCESS, context);
  }

  public static <C extends TrackedContext> CreateVcResult<C> failure(NdisStatus status) {
    return new CreateVcResult<>(status, null);
  }
}
