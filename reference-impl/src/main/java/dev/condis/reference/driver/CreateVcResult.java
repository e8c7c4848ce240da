package dev.condis.reference.driver;

import dev.condis.reference.PublicApi;
import dev.condis.reference.context.TrackedContext;
import dev.condis.reference.ndis.NdisStatus;
import java.util.Objects;

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

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof CreateVcResult<?> other
        && Objects.equals(status, other.status)
        && Objects.equals(context, other.context);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(status);
    h = 31 * h + Objects.hashCode(context);
    return h;
  }

  @Override
  public String toString() {
    return "CreateVcResult[status=" + status + ", context=" + context + "]";
  }
}
