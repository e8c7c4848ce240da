package dev.condis.reference.ndis;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.ddi.ProtocolPartyContext;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every handle NDIS ever issued, by kind. Ids count up from 1 per kind and are never reused in
 * a run, so a stale handle always finds its dead record rather than somebody else's live one.
 * Records are never removed. Used only under the NDIS lock.
 */
final class HandleTable {
  private final Map<Integer, VcRecord> vcs = new LinkedHashMap<>();
  private final Map<Integer, PartyRecord> parties = new LinkedHashMap<>();
  private final Set<NdisAfHandle> afs = new LinkedHashSet<>();
  private final Set<NdisSapHandle> saps = new LinkedHashSet<>();

  VcRecord newVc(Actor creator, Actor callManager) {
    VcRecord vc = new VcRecord(new NdisVcHandle(vcs.size() + 1), creator, callManager);
    vcs.put(vc.handle().id(), vc);
    return vc;
  }

  PartyRecord newParty(VcRecord vc, PartyRecord.Origin origin, ProtocolPartyContext context) {
    PartyRecord party = new PartyRecord(new NdisPartyHandle(parties.size() + 1), vc, origin, context);
    parties.put(party.handle().id(), party);
    vc.addParty(party);
    return party;
  }

  NdisAfHandle newAf() {
    NdisAfHandle af = new NdisAfHandle(afs.size() + 1);
    afs.add(af);
    return af;
  }

  NdisSapHandle newSap() {
    NdisSapHandle sap = new NdisSapHandle(saps.size() + 1);
    saps.add(sap);
    return sap;
  }

  /** The record for {@code handle}, live or dead; null if NDIS never issued it. */
  VcRecord vc(NdisVcHandle handle) {
    return handle == null ? null : vcs.get(handle.id());
  }

  PartyRecord party(NdisPartyHandle handle) {
    return handle == null ? null : parties.get(handle.id());
  }

  boolean isAf(NdisAfHandle handle) {
    return handle != null && afs.contains(handle);
  }

  boolean isSap(NdisSapHandle handle) {
    return handle != null && saps.contains(handle);
  }

  Collection<VcRecord> vcs() {
    return Collections.unmodifiableCollection(vcs.values());
  }

  Collection<PartyRecord> parties() {
    return Collections.unmodifiableCollection(parties.values());
  }

  Set<NdisAfHandle> afs() {
    return Collections.unmodifiableSet(afs);
  }

  Set<NdisSapHandle> saps() {
    return Collections.unmodifiableSet(saps);
  }
}
