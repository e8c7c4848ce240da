package dev.condis.reference.event;

/** The digest's rule categories (condis-rules.md §3.12). */
public enum RuleCategory {
  DOUBLE_COMPLETE,
  USE_AFTER_CLOSE,
  LEAK,
  ORDERING,
  STATUS,
  IRQL
}
