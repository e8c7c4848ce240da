package dev.condis.reference.ddi;

import dev.condis.reference.PublicApi;
import java.util.Objects;

/**
 * Base of every driver context and buffer that crosses NDIS (ProtocolVcContext,
 * CallMgrPartyContext, CallParameters, ...). Allocated and released through a
 * {@link ContextTracker}, the way a driver allocates with a pool tag, so that a leak or a
 * touch after release is visible as an event and a rule violation rather than a crash.
 *
 * <p>Drivers subclass the concrete kinds to hold their per-VC or per-party state, and call
 * {@link #touch(String, String)} whenever they read or write that state.
 */
@PublicApi
public abstract class TrackedContext {
  private final ContextKind kind;
  private final String tag;
  private ContextTracker tracker;
  private int id;
  private boolean released;
  private String location;
  /** While a release would break a rule (ContextTracker#hold): the rule, and why. */
  private String heldRule;
  private String heldWhy;

  protected TrackedContext(ContextKind kind, String tag) {
    this.kind = Objects.requireNonNull(kind);
    this.tag = Objects.requireNonNull(tag);
  }

  public final ContextKind kind() {
    return kind;
  }

  /** The pool tag: who allocated it and why, e.g. "client.vc" or "cm.party". */
  public final String tag() {
    return tag;
  }

  /** Assigned by the tracker on allocation; 0 before. */
  public final int id() {
    return id;
  }

  public final boolean isReleased() {
    return released;
  }

  public final ContextRef ref() {
    return new ContextRef(kind, id, tag, tracker == null ? null : tracker.owner());
  }

  /**
   * Records a use of this context by driver or NDIS code at {@code where}. A use after
   * release is reported as a USE_AFTER_CLOSE violation of {@code ruleId} (the rule that
   * governs this access) and returns false, so the caller can stop without a Java exception.
   */
  public final boolean touch(String ruleId, String where) {
    if (tracker == null) {
      throw new IllegalStateException(this + " was never allocated through a ContextTracker");
    }
    return tracker.touch(this, ruleId, where);
  }

  // Called by ContextTracker only.
  final void onAllocated(ContextTracker owner, int newId) {
    this.tracker = owner;
    this.id = newId;
    this.location = "context#" + newId; // built once: every access announces it
  }

  /** {@code context#<id>}, the shared location announced for this context; null before allocation. */
  final String location() {
    return location;
  }

  final void onReleased() {
    this.released = true;
  }

  final void onHeld(String ruleId, String why) {
    this.heldRule = ruleId;
    this.heldWhy = why;
  }

  final String heldRule() {
    return heldRule;
  }

  final String heldWhy() {
    return heldWhy;
  }

  final ContextTracker tracker() {
    return tracker;
  }

  @Override
  public String toString() {
    return ref().toString();
  }
}
