package dev.condis.reference.event;

/**
 * One outstanding request: opened when the request is made (GEN-8: before the call, so a
 * completion that overtakes the PENDING return still finds it) and consumed by exactly one
 * completion (GEN-1, GEN-2, GEN-6, GEN-7). {@code vc} and {@code party} name the handles
 * ("vc#3", "party#5", or "-").
 */
public record RequestToken(int id, RequestKind kind, String vc, String party) {
  @Override
  public String toString() {
    return kind + "#" + id + "[" + vc + (party.equals("-") ? "" : "," + party) + "]";
  }
}
