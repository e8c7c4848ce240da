package dev.condis.explorer;

import java.util.List;

/** Takes the decisions of a given schedule and reports any departure from it as a divergence. */
final class ReplayDecider implements Decider {
  private final List<Schedule.Decision> decisions;

  ReplayDecider(Schedule schedule) {
    this.decisions = schedule.decisions();
  }

  @Override
  public int pickThread(Execution ex, long enabled, int preferred) {
    int pos = ex.decisionCount;
    String needed = "a pick among threads " + ex.names(enabled);
    if (pos >= decisions.size()) {
      return ex.diverged(ended(pos) + " but the program needs " + needed);
    }
    if (!(decisions.get(pos) instanceof Schedule.Pick p)) {
      return ex.diverged(at(pos) + " is a choice but the program needs " + needed);
    }
    if (p.thread() >= 64 || (enabled & (1L << p.thread())) == 0) {
      return ex.diverged(at(pos) + " picks thread " + p.thread() + ", which cannot run there; "
          + "threads that can: " + ex.names(enabled));
    }
    ex.decided(null, Decisions.pick(p.thread()));
    return p.thread();
  }

  @Override
  public int chooseValue(Execution ex, ControlledThread t, String label, int arity) {
    int pos = ex.decisionCount;
    String needed = "choose(" + label + ") of " + arity + " in thread '" + t.name + "'";
    if (pos >= decisions.size()) {
      return ex.diverged(ended(pos) + " but the program reaches " + needed);
    }
    if (!(decisions.get(pos) instanceof Schedule.Choice c)) {
      return ex.diverged(at(pos) + " is a thread pick but the program reaches " + needed);
    }
    if (c.arity() != arity) {
      return ex.diverged(at(pos) + " is " + c + " but the program reaches " + needed);
    }
    ex.decided(null, Decisions.choice(c.value(), arity));
    return c.value();
  }

  @Override
  public void executionEnded(Execution ex) {
    boolean diverged = ex.failure != null && ex.failure.kind() == FailureKind.REPLAY_DIVERGENCE;
    if (!diverged && ex.decisionCount < decisions.size()) {
      ex.divergedAtEnd("the execution ended after " + ex.decisionCount + " of the schedule's "
          + decisions.size() + " decisions");
    }
  }

  private String at(int pos) {
    return "decision " + (pos + 1) + " '" + decisions.get(pos) + "'";
  }

  private String ended(int pos) {
    return "the schedule ends after " + pos + " decisions";
  }
}
