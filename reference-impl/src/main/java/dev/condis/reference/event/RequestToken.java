package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import java.util.Objects;

/**
 * One outstanding request: opened when the request is made (GEN-8: before the call, so a
 * completion that overtakes the PENDING return still finds it) and consumed by exactly one
 * completion (GEN-1, GEN-2, GEN-6, GEN-7). {@code vc} and {@code party} name the handles
 * ("vc#3", "party#5", or "-").
 */
@PublicApi
public record RequestToken(int id, RequestKind kind, String vc, String party) {
  @Override
  public String toString() {
    return kind + "#" + id + "[" + vc + (party.equals("-") ? "" : "," + party) + "]";
  }

  // Written out: under Java PathFinder the compiler-generated record methods stop the
  // calling thread silently (jpf-config/README.md, "Known JPF limitations").
  @Override
  public boolean equals(Object o) {
    return o instanceof RequestToken other
        && id == other.id
        && Objects.equals(kind, other.kind)
        && Objects.equals(vc, other.vc)
        && Objects.equals(party, other.party);
  }

  @Override
  public int hashCode() {
    int h = Integer.hashCode(id);
    h = 31 * h + Objects.hashCode(kind);
    h = 31 * h + Objects.hashCode(vc);
    h = 31 * h + Objects.hashCode(party);
    return h;
  }
}
