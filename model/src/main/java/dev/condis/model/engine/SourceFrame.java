package dev.condis.model.engine;

import dev.condis.reference.cm.CallManagerNdis;
import java.util.Optional;
import java.util.Set;

/**
 * Where in a driver's source a step of a replayed counterexample came from: the innermost
 * stack frame, at the moment NDIS recorded the event, that belongs to a driver rather than to
 * the emulated NDIS, the checker or the JDK. Reports give it as the step's physical location
 * (SARIF). Captured only while replaying one execution, never during the search: a stack
 * walk per event would cost more than the execution.
 */
public record SourceFrame(String className, String methodName, String fileName, int line) {

  /** Packages of the emulated NDIS, the checker and the platform: never a driver's frame. */
  private static final Set<String> NOT_DRIVER =
      Set.of(
          "dev.condis.reference.ndis.",
          "dev.condis.reference.event.",
          "dev.condis.reference.ddi.",
          "dev.condis.reference.platform.",
          "dev.condis.reference.system.",
          "dev.condis.reference.rules.",
          "dev.condis.model.",
          "dev.condis.explorer.",
          "java.",
          "jdk.",
          "sun.",
          "com.google.");

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /** The calling thread's innermost driver frame, if the driver's source position is known. */
  public static Optional<SourceFrame> ofCurrentThread() {
    return WALKER.walk(frames -> frames
        .filter(f -> isDriver(f.getDeclaringClass()))
        .findFirst()
        .filter(f -> f.getFileName() != null && f.getLineNumber() > 0)
        .map(f -> new SourceFrame(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber())));
  }

  private static boolean isDriver(Class<?> type) {
    String name = type.getName();
    for (String prefix : NOT_DRIVER) {
      if (name.startsWith(prefix)) {
        return false;
      }
    }
    // The reference call managers' one-line shims onto NdisCm*/NdisMCm* are not where the
    // call manager decided to call: the frame below them is.
    return !CallManagerNdis.class.isAssignableFrom(type);
  }

  /**
   * The source file's path under its source root, from the package ("dev/condis/x/Y.java"):
   * the class's top-level name is not needed, the compiler recorded the file name.
   */
  public String packagePath() {
    int dot = className.lastIndexOf('.');
    String pkg = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
    return pkg + fileName;
  }
}
