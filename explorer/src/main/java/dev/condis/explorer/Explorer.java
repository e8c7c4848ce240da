package dev.condis.explorer;

import java.util.Objects;

/**
 * The embedded stateless model checker: explores every interleaving of a program's scheduling
 * points and every value of its data choices, depth-first, by re-running the program from the
 * start with a schedule prefix. Deterministic: the same program gives the same order, figures
 * and first counterexample on every run.
 */
public final class Explorer {
  private Explorer() {}

  /** Explores {@code program} under {@code options}; returns when done or a bound is reached. */
  public static SearchResult explore(Program program, SearchOptions options) {
    return Engine.search(Objects.requireNonNull(program, "program"), Objects.requireNonNull(options, "options"));
  }

  public static SearchResult explore(Program program) {
    return explore(program, SearchOptions.DEFAULTS);
  }

  /**
   * Runs {@code program} once, taking exactly the decisions of {@code schedule}. Any departure
   * (a pick of a thread that cannot run, a choice of another arity, missing or extra decisions)
   * ends it with a {@link FailureKind#REPLAY_DIVERGENCE} failure. {@code options} supply the step
   * bound and the timeout; use the search's options to reproduce its failures exactly.
   */
  public static ExecutionResult replay(Program program, Schedule schedule, SearchOptions options) {
    return Engine.replay(Objects.requireNonNull(program, "program"),
        Objects.requireNonNull(schedule, "schedule"), Objects.requireNonNull(options, "options"));
  }

  public static ExecutionResult replay(Program program, Schedule schedule) {
    return replay(program, schedule, SearchOptions.DEFAULTS);
  }
}
