package dev.condis.model.property;

import dev.condis.reference.PublicApi;
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
@PublicApi
public interface PropertyListener {

  /** A short stable id, e.g. "exactly-once-completion"; shown in verdicts and reports. */
  String id();

  /** One line on what the property guarantees. */
  default String description() {
    return id();
  }

  /**
   * Whether this property's verdict never depends on the relative order of two events that no
   * lock orders. NDIS emits under its lock, so those events keep their order in every
   * execution the explorer treats as equivalent; the others (a driver allocating or releasing
   * a context under its own lock, and the rule violations that raises) may arrive before or
   * after a concurrent NDIS event. False (the default, always sound): the explorer explores
   * every order of the event stream for this property, at a cost (about 9 times the
   * executions on the default suite). Say true only for a property whose verdict is the same
   * for every such order, e.g. one that keeps context events as a set; the built-in properties
   * do (proofs/README.md, "What the dependency relation covers").
   */
  default boolean traceInvariant() {
    return false;
  }

  /** Every event, in order. Report a failure through {@code reporter}. */
  void onEvent(NdisEvent event, PropertyReporter reporter);

  /**
   * Once, after the scenario finished and every deferred call ran: the final state, for
   * checks such as leaks and missing completions.
   */
  default void onExecutionEnd(NdisSnapshot finalState, PropertyReporter reporter) {}
}
