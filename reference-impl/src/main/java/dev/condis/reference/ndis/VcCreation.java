package dev.condis.reference.ndis;

import dev.condis.reference.PublicApi;
import java.util.Objects;

/** NdisCoCreateVc / NdisMCmCreateVc: the status and, on SUCCESS, the new NdisVcHandle. */
@PublicApi
public record VcCreation(NdisStatus status, NdisVcHandle ndisVcHandle) {
  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof VcCreation other
        && Objects.equals(status, other.status)
        && Objects.equals(ndisVcHandle, other.ndisVcHandle);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(status);
    h = 31 * h + Objects.hashCode(ndisVcHandle);
    return h;
  }

  @Override
  public String toString() {
    return "VcCreation[status=" + status + ", ndisVcHandle=" + ndisVcHandle + "]";
  }
}
