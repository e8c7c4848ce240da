package dev.condis.model.cli;

import dev.condis.explorer.Explorer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code System.exit} from plug-in code (a user's driver or property) must not end a run
 * unreported. While a guard is installed, an exit that is not condis-verify's own runs
 * {@code onForeignExit} (one line on stderr, the reports and certificates of every scenario
 * finished so far) and then ends the process with the internal-error code, whatever status the
 * plug-in asked for. The JDK offers no way to refuse the exit itself on every supported JDK (the
 * security manager is gone from 24 on), so the guard is a shutdown hook. A signal (Ctrl-C,
 * SIGTERM) runs the same hook; no thread is then in {@code System.exit}, and {@link #caller()}
 * is empty.
 */
final class ExitGuard implements AutoCloseable {
  private final Thread hook;

  private ExitGuard(Thread hook) {
    this.hook = hook;
  }

  /** Installs the guard; {@code onForeignExit} gets where the exit was called, e.g. " at C.m(C.java:3)". */
  static ExitGuard install(java.util.function.Consumer<String> onForeignExit) {
    Thread hook = new Thread(() -> {
      try {
        onForeignExit.accept(caller());
      } finally {
        Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
      }
    }, "condis-verify exit guard");
    Runtime.getRuntime().addShutdownHook(hook);
    return new ExitGuard(hook);
  }

  /** Removes the guard: condis-verify's own exit follows. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }

  /** The frame that called System.exit or Runtime.exit/halt, from the thread doing it; empty if none (a signal). */
  static String caller() {
    Map<Thread, StackTraceElement[]> stacks = new LinkedHashMap<>(Thread.getAllStackTraces());
    stacks.putAll(Explorer.virtualCarrierStacks()); // the explorer's virtual threads are not in the first
    for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
      StackTraceElement[] st = e.getValue();
      for (int i = 0; i + 1 < st.length; i++) {
        boolean exitCall = st[i].getClassName().equals("java.lang.Runtime") && st[i].getMethodName().equals("exit");
        if (exitCall) {
          int j = i + 1;
          if (st[j].getClassName().equals("java.lang.System") && j + 1 < st.length) {
            j++;
          }
          return " at " + st[j].getClassName() + "." + st[j].getMethodName() + "(" + st[j].getFileName() + ":"
              + st[j].getLineNumber() + ") in thread '" + e.getKey().getName() + "'";
        }
      }
    }
    return "";
  }
}
