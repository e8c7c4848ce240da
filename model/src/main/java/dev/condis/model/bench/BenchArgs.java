package dev.condis.model.bench;

/**
 * The benchmarks' positional arguments: a bad one is a one-line error and exit 2, as for the
 * CLI, never a stack trace.
 */
final class BenchArgs {
  private BenchArgs() {}

  /** {@code args[index]} as a whole number of at least 1, or {@code otherwise} when absent. */
  static int positive(String[] args, int index, String name, int otherwise) {
    if (args.length <= index) {
      return otherwise;
    }
    try {
      int v = Integer.parseInt(args[index]);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // the message below says what was expected
    }
    throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + args[index] + "'");
  }

  /** Ends a benchmark on bad input: one line naming it and its usage, exit 2. */
  static void exit(String benchmark, String usage, IllegalArgumentException bad) {
    System.err.println("condis-verify " + benchmark + ": " + bad.getMessage() + " (usage: " + usage + ")");
    System.exit(2);
  }
}
