package dev.condis.reference.rules;

import dev.condis.reference.event.RuleCategory;

/**
 * One checkable rule of condis-rules.md §3: its ID (e.g. "CLOSE-13"), category, whether the
 * documents state it or the digest infers it, and its first sentence.
 */
public record Rule(String id, RuleCategory category, boolean stated, String summary) {}
