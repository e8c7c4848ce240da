package dev.condis.reference.rules;

import dev.condis.reference.PublicApi;

/** The digest's rule categories (condis-rules.md §3.12). */
@PublicApi
public enum RuleCategory {
  DOUBLE_COMPLETE,
  USE_AFTER_CLOSE,
  LEAK,
  ORDERING,
  STATUS,
  IRQL
}
