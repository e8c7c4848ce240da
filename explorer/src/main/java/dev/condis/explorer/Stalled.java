package dev.condis.explorer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the watchdog found a stuck thread: the {@link Failure#cause()} of a
 * {@link FailureKind#TIMEOUT}, carrying the thread's stack at that moment so a report can name
 * the program method that blocks or spins.
 */
public final class Stalled extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Stalled(String thread, StackTraceElement[] stack) {
    super("thread '" + thread + "' stalled", null, false, true);
    setStackTrace(stack);
  }

  /** The innermost frame of the program's own code: not the JDK's, not the explorer's. */
  public Optional<StackTraceElement> firstProgramFrame() {
    return Arrays.stream(getStackTrace()).filter(f -> !isInfrastructure(f.getClassName())).findFirst();
  }

  /** {@code Class.method(File.java:line)}, without the class loader's and module's names. */
  public static String describe(StackTraceElement f) {
    return f.getClassName() + "." + f.getMethodName()
        + (f.getFileName() == null ? "" : "(" + f.getFileName() + ":" + f.getLineNumber() + ")");
  }

  private static final List<String> OWN = Stream.of(Carrier.class, CarrierPool.class, ControlledThread.class,
      Execution.class, Engine.class, Explorer.class).map(Class::getName).toList();

  private static boolean isInfrastructure(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
        || OWN.stream().anyMatch(own -> className.equals(own) || className.startsWith(own + "$"));
  }
}
