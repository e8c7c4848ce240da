package dev.condis.reference.event;

/** When and on which thread an event happened: its position in the run and the acting thread. */
public record Stamp(long seq, String thread) {}
