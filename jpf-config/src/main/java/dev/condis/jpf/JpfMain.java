package dev.condis.jpf;

import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.ScenarioHarness;
import dev.condis.model.scenario.ViolationSink;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.platform.JavaPlatform;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Consumer;

/**
 * The program Java PathFinder checks: one execution of one scenario instance, through the
 * same {@link ScenarioHarness} the explorer uses, on the plain-Java {@link JavaPlatform}
 * (real threads and monitors; under JPF its {@code choose} is JPF's {@code Verify.getInt},
 * reached by reflection, so nothing here needs JPF to compile). JPF explores every thread
 * interleaving and every choice value.
 *
 * <p>A property violation surfaces as an uncaught {@link AssertionError} whose message is
 * {@code "PROPERTY <id> RULE <ruleId>: <message>"} ({@link
 * ViolationSink.PropertyViolationError}), which JPF reports through its
 * NoUncaughtExceptionsProperty; a deadlock through NotDeadlockedProperty; a data race through
 * PreciseRaceDetector.
 *
 * <p>Every NDIS event is printed as one {@link EventCodec} line: JPF keeps a path's output and
 * prints the error path's (its {@code output} topic), from which the engine rebuilds the
 * counterexample's sequence chart. Every execution that runs to the end prints {@link
 * #END_MARKER} through JPF's {@code Verify.println}, which bypasses the path output, so the
 * engine can tell a clean search from one where a JPF limitation stopped the program silently.
 *
 * <p>Arguments: see {@link JpfArguments}, e.g. {@code scenario=make-close parties=0
 * cm=standalone vc=client}.
 */
public final class JpfMain {

  /** Printed once at the end of every execution that ran to the end. */
  public static final String END_MARKER = "condis-jpf: execution ran to the end";

  private JpfMain() {}

  public static void main(String[] args) {
    JpfArguments arguments = JpfArguments.parse(args);
    List<String> properties =
        arguments.propertyClasses().isEmpty()
            ? PropertyCatalog.defaultPropertyClasses()
            : arguments.propertyClasses();
    ScenarioHarness harness = new ScenarioHarness(arguments.config(), properties);
    Consumer<NdisEvent> trace = arguments.events() ? event -> System.out.println(EventCodec.encode(event)) : null;
    JavaPlatform platform = arguments.races()
        ? new JavaPlatform()
        : JavaPlatform.forJpfSynchronisationOrders(harness.needsEventOrder());
    harness.runOnce(platform, ViolationSink.throwing(), trace);
    endOfExecution();
  }

  /** Prints the end marker: through {@code Verify.println} under JPF, else to stdout. */
  private static void endOfExecution() {
    if (JavaPlatform.underJpf()) {
      try {
        Method println = Class.forName("gov.nasa.jpf.vm.Verify").getMethod("println", String.class);
        println.invoke(null, END_MARKER);
        return;
      } catch (ReflectiveOperationException | LinkageError e) {
        // fall through to stdout
      }
    }
    System.out.println(END_MARKER);
  }
}
