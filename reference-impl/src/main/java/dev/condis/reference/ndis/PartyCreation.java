package dev.condis.reference.ndis;

/**
 * NdisClMakeCall / NdisClAddParty: the status and the NdisPartyHandle out-variable. The handle
 * is meaningful only once the request has completed with SUCCESS (MAKE-6, ADD-4); it is null
 * on a point-to-point make-call.
 */
public record PartyCreation(NdisStatus status, NdisPartyHandle ndisPartyHandle) {}
