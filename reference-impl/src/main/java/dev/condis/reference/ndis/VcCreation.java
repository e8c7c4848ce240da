package dev.condis.reference.ndis;

/** NdisCoCreateVc / NdisMCmCreateVc: the status and, on SUCCESS, the new NdisVcHandle. */
public record VcCreation(NdisStatus status, NdisVcHandle ndisVcHandle) {}
