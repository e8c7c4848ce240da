package dev.condis.model.engine;

/** The outcome of checking one scenario, with the CLI exit code it maps to. */
public enum Verdict {
  /** Every execution within the scenario's stated bounds was explored; no property failed. */
  VERIFIED(0),
  /** A property failed; the result carries a counterexample that replays. */
  VIOLATION(1),
  /** A bound (executions, depth, time) ended the search first: nothing is claimed. */
  INCONCLUSIVE(3),
  /** The engine itself failed (not the checked program). */
  ERROR(4);

  private final int exitCode;

  Verdict(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** The verdict of a suite: the worst of its scenarios (ERROR > VIOLATION > INCONCLUSIVE). */
  public static Verdict worst(Iterable<Verdict> verdicts) {
    Verdict worst = VERIFIED;
    for (Verdict v : verdicts) {
      if (rank(v) > rank(worst)) {
        worst = v;
      }
    }
    return worst;
  }

  private static int rank(Verdict v) {
    return switch (v) {
      case VERIFIED -> 0;
      case INCONCLUSIVE -> 1;
      case VIOLATION -> 2;
      case ERROR -> 3;
    };
  }
}
