package dev.condis.reference.fault;

import dev.condis.reference.event.RuleCategory;

/**
 * The catalog of faults seeded in the reference drivers, each off by default and switched on
 * by name ({@code --inject NAME}). Each entry names the rule it breaks, that rule's category,
 * and the property (by id) that must catch it.
 *
 * <p>Property ids: {@code exactly-once-completion}, {@code no-use-after-close}, {@code
 * no-leak}, {@code status-discipline}, {@code call-ordering}, {@code deadlock}.
 */
public enum SeededFault {
  MCM_DOUBLE_CLOSE_COMPLETE(
      "GEN-2",
      RuleCategory.DOUBLE_COMPLETE,
      "exactly-once-completion",
      "The MCM completes a pended close twice (NdisMCmCloseCallComplete called again).");

  private final String ruleId;
  private final RuleCategory category;
  private final String property;
  private final String description;

  SeededFault(String ruleId, RuleCategory category, String property, String description) {
    this.ruleId = ruleId;
    this.category = category;
    this.property = property;
    this.description = description;
  }

  public String ruleId() {
    return ruleId;
  }

  public RuleCategory category() {
    return category;
  }

  /** The id of the property that must catch this fault. */
  public String property() {
    return property;
  }

  public String description() {
    return description;
  }

  /** The command-line name: lower-case with dashes, e.g. "mcm-double-close-complete". */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
