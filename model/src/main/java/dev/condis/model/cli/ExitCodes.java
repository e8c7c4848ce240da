package dev.condis.model.cli;

import dev.condis.model.engine.Verdict;

/**
 * The process exit codes. 0, 1, 3 and 4 are {@link Verdict#exitCode()} of VERIFIED,
 * VIOLATION, INCONCLUSIVE and ERROR (a suite exits with its worst verdict); 2 is bad input.
 */
public final class ExitCodes {
  public static final int VERIFIED = Verdict.VERIFIED.exitCode();
  public static final int VIOLATION = Verdict.VIOLATION.exitCode();
  public static final int BAD_INPUT = 2;
  public static final int INCONCLUSIVE = Verdict.INCONCLUSIVE.exitCode();
  public static final int INTERNAL_ERROR = Verdict.ERROR.exitCode();

  private ExitCodes() {}
}
