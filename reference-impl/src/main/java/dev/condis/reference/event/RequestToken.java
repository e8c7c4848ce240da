package dev.condis.reference.event;

import dev.condis.reference.PublicApi;
import dev.condis.reference.RecordMethods;
import dev.condis.reference.ddi.ContextRef;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisVcHandle;

/**
 * One outstanding request: opened when the request is made (GEN-8: before the call, so a
 * completion that overtakes the PENDING return still finds it) and consumed by exactly one
 * completion (GEN-1, GEN-2, GEN-6, GEN-7).
 *
 * @param vc the VC the request is on
 * @param party the party it is about (make-call with a first party, add and drop party), or
 *     null for a request about the VC alone
 * @param parameters the CO_CALL_PARAMETERS lent with it (make-call, add-party, incoming call,
 *     activation), or null: who must release them, and after which completion, depends on the
 *     request (MAKE-8, ADD-5, INCALL-7)
 */
@PublicApi
public record RequestToken(
    int id, RequestKind kind, NdisVcHandle vc, NdisPartyHandle party, ContextRef parameters) {
  /** A request that lends no CallParameters. */
  public RequestToken(int id, RequestKind kind, NdisVcHandle vc, NdisPartyHandle party) {
    this(id, kind, vc, party, null);
  }

  /** Whether the request is about a party ({@link #party} is not null). */
  public boolean hasParty() {
    return party != null;
  }

  /** E.g. {@code CLOSE_CALL#2[vc#1]}, {@code DROP_PARTY#5[vc#1,party#2]}; the parameters are not printed. */
  @Override
  public String toString() {
    return kind + "#" + id + "[" + vc + (party == null ? "" : "," + party) + "]";
  }

  // Written out for JPF: see RecordMethods.
  private Object[] parts() { return new Object[] {id, kind, vc, party, parameters}; }
  @Override public boolean equals(Object o) { return o instanceof RequestToken r && RecordMethods.equal(parts(), r.parts()); }
  @Override public int hashCode() { return RecordMethods.hash(parts()); }
}
