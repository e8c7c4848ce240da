package dev.condis.model.engine;

import dev.condis.model.property.DeadlockProperty;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.property.PropertyFailure;
import dev.condis.model.property.Violation;

/**
 * What one failure of a run means for the verdict: a property violation, or an ERROR that
 * claims nothing (condis-verify's own fault, or a run it cannot judge). Both engines classify
 * through these factories, so a driver bug gets the same verdict and property under either,
 * and an exception thrown by condis-verify's own code is never blamed on the driver.
 *
 * @param verdict {@link Verdict#VIOLATION} or {@link Verdict#ERROR}
 * @param violation the violation, or null for an ERROR
 * @param detail the one-line text for the report
 */
public record Classified(Verdict verdict, Violation violation, String detail) {

  /** The rule of a violation no one CoNDIS rule names: an escaped exception, a foreign thread, a data race. */
  public static final String NO_RULE = "-";

  public static Classified violation(Violation v) {
    return new Classified(Verdict.VIOLATION, v, v.toString());
  }

  public static Classified error(String detail) {
    return new Classified(Verdict.ERROR, null, detail);
  }

  /** The same verdict and violation with another one-line detail for the report. */
  public Classified withDetail(String otherDetail) {
    return new Classified(verdict, violation, otherDetail);
  }

  /** Every live thread blocked: a lock held across a call into NDIS or a cycle (IRQL-4). */
  public static Classified deadlock(String description) {
    return violation(new Violation(DeadlockProperty.ID, DeadlockProperty.RULE, description));
  }

  /** A property listener threw: the property is broken, so nothing is claimed. */
  public static Classified propertyFailure(String message, String at) {
    return error(PropertyFailure.describe(message) + at);
  }

  /**
   * An exception escaped a thread. Thrown by condis-verify's own code (its innermost frame's
   * class, see {@link #thrownByCondisVerify}) it is an ERROR; thrown by the checked drivers it
   * violates no-uncaught-exception.
   *
   * @param engine "" or, e.g., " under JPF": where the internal error happened
   * @param exception the exception's text
   * @param innermostClass the class of its innermost frame, or null if unknown
   * @param at " at FRAME", or ""
   * @param where " in thread 'NAME'", or ""
   */
  public static Classified uncaught(
      String engine, String exception, String innermostClass, String at, String where) {
    if (innermostClass != null && thrownByCondisVerify(innermostClass)) {
      return error("internal error in condis-verify" + engine + where + ": " + exception + at);
    }
    return violation(new Violation(PropertyCatalog.NO_UNCAUGHT_EXCEPTION, NO_RULE, exception + at + where));
  }

  /**
   * Whether a class (or a frame starting with one) is condis-verify's own code: the model, the
   * explorer, the JPF engine. The example properties under {@code model.property.examples} are
   * user code in all but location.
   */
  public static boolean thrownByCondisVerify(String className) {
    return (className.startsWith("dev.condis.model.") && !className.startsWith("dev.condis.model.property.examples."))
        || className.startsWith("dev.condis.explorer.")
        || className.startsWith("dev.condis.jpf.");
  }
}
