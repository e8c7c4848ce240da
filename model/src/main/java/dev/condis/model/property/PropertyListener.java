package dev.condis.model.property;

import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.ndis.NdisSnapshot;

/**
 * A property of the CoNDIS lifecycle, checked as a listener on the emulated NDIS's event
 * stream. A fresh instance (public no-arg constructor) is created for every execution, so
 * a listener may keep state in fields. It runs inside the checked program, on the acting
 * thread, which is why the same listener works under the explorer and under JPF.
 *
 * <p>Register your own with {@code --property CLASS} or through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.condis.model.property.PropertyListener}).
 */
public interface PropertyListener {

  /** A short stable id, e.g. "exactly-once-completion"; shown in verdicts and reports. */
  String id();

  /** One line on what the property guarantees. */
  default String description() {
    return id();
  }

  /** Every event, in order. Report a failure through {@code reporter}. */
  void onEvent(NdisEvent event, PropertyReporter reporter);

  /**
   * Once, after the scenario finished and every deferred call ran: the final state, for
   * checks such as leaks and missing completions.
   */
  default void onExecutionEnd(NdisSnapshot finalState, PropertyReporter reporter) {}
}
