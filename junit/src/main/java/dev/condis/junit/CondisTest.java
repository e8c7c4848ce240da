package dev.condis.junit;

import dev.condis.reference.PublicApi;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies your drivers from your own test suite: one test invocation per scenario instance,
 * named by its label. A VIOLATION fails it (the property, its rule, the sequence chart and the
 * replay command in the message), INCONCLUSIVE aborts it (shown as skipped, with the bound
 * that stopped it), an ERROR is a test error. The attributes are the command line's options
 * ({@code ./condis-verify verify --help}); an empty one keeps the command line's default.
 *
 * <pre>{@code
 * @CondisTest(scenarios = "make-close", vc = "client", client = MyClient.class)
 * void myClientTearsDownCorrectly(VerificationResult result) {}  // the parameter is optional
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(CondisExtension.class)
@PublicApi
public @interface CondisTest {

  /** Scenario names ({@code list scenarios}); empty: the default suite. */
  String[] scenarios() default {};

  /** {@code --parties}; negative: each scenario's default. */
  int parties() default -1;

  /** {@code --cm standalone|mcm}; empty: every kind the scenario and drivers allow. */
  String cm() default "";

  /** {@code --vc client|cm}; empty: every owner the scenario allows. */
  String vc() default "";

  /** Your client ({@code --client}); {@code Void.class}: the reference client. */
  Class<?> client() default Void.class;

  /** Your stand-alone call manager ({@code --call-manager}); {@code Void.class}: the reference. */
  Class<?> callManager() default Void.class;

  /** Your miniport or MCM ({@code --miniport}); {@code Void.class}: the reference. */
  Class<?> miniport() default Void.class;

  /** Seeded faults of the reference drivers to switch on ({@code --inject}). */
  String[] inject() default {};

  /** Properties by id or class ({@code --property}); empty: the default set. */
  String[] properties() default {};

  /** {@code --engine}: explorer (default) or jpf. */
  String engine() default "explorer";

  /** {@code --max-executions}; non-positive: the default. */
  long maxExecutions() default 0;

  /** {@code --time-budget}, e.g. "5m"; empty: the default. */
  String timeBudget() default "";

  /**
   * {@code --random-walk}: the seed, e.g. "1", to hunt for bugs by random walks instead of the
   * search, in a scenario the search cannot finish (two-calls, combined-uncut). A violation
   * fails the test as usual; otherwise it is aborted, as walks prove nothing. Empty: the search.
   */
  String randomWalk() default "";
}
