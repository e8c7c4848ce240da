package dev.condis.explorer;

import java.util.Set;
import java.util.TreeSet;

/** What a search saw: its result, the final states of completed executions, and its failures. */
record Observed(SearchResult result, Set<String> outcomes, Set<String> failures) {

  static Observed explore(Corpus.Recording recording, boolean reduction) {
    return explore(recording, SearchOptions.builder().reduction(reduction).stopOnFirstFailure(false).build());
  }

  static Observed explore(Corpus.Recording recording, SearchOptions options) {
    Set<String> outcomes = new TreeSet<>();
    SearchResult r = Explorer.explore(recording.program(outcomes::add), options);
    Set<String> failures = new TreeSet<>();
    r.failures().forEach(f -> failures.add(f.kind() + ": " + f.message()));
    return new Observed(r, outcomes, failures);
  }

  /** Executions that ran to their end (not cut as redundant). */
  long explored() {
    return result.executions() - result.prunedExecutions();
  }
}
