package dev.condis.model.proof;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.Bounds;
import dev.condis.model.scenario.ScenarioConfig;

/**
 * What a certificate's claim rests on, in words a reviewer checks. proofs/README.md explains
 * each at length.
 */
public final class Assumptions {
  private Assumptions() {}

  /**
   * @param engineChecks the engine's own checks in this run; with {@code data-race} among
   *     them (JPF), data-race freedom was checked rather than assumed
   * @param stateCache what the explorer's state cache did in a VERIFIED run (its report line),
   *     or null where it played no part in the claim
   */
  public static ImmutableList<String> of(
      ScenarioConfig config, Bounds bounds, String engine, java.util.List<String> engineChecks,
      String stateCache) {
    return of(config, bounds, engine, engineChecks, stateCache, false);
  }

  /**
   * As above; {@code randomWalks}: the explorer walked at random ({@code --random-walk}), which
   * rests on no reduction and claims nothing beyond the executions it ran.
   */
  public static ImmutableList<String> of(
      ScenarioConfig config, Bounds bounds, String engine, java.util.List<String> engineChecks,
      String stateCache, boolean randomWalks) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(
        "data-race freedom: every piece of state shared between threads in the drivers and the "
            + "emulated NDIS is read and written only while holding a Platform lock, so every "
            + "execution is equivalent to one that switches threads only at Platform "
            + "synchronisation points (lock, unlock, thread start, join, deferred call, choose), "
            + "which are the points the search interleaves; NDIS asserts this discipline for its "
            + "own state"
            + (engineChecks.contains("data-race")
                ? ", and in this run JPF's race detector checked it (engine check data-race)"
                : ", and JPF's race detector checks it where JPF is installed (--engine jpf)"));
    out.add(
        "choice sets: data nondeterminism is exactly what the drivers expose through "
            + "Platform.choose (pend or complete at once; each status the driver may return); "
            + "a behaviour a driver never offers as a choice is not covered");
    out.add(
        "scenario bound: the claim is about scenario '" + config.scenario() + "' with parties="
            + config.parties() + " as its harness drives it (its threads, requests and network "
            + "events), not about other sequences of requests or more parties");
    out.add(
        "search bounds: max " + bounds.maxExecutions() + " executions, max depth "
            + bounds.maxDepth() + " steps per execution, time budget "
            + dev.condis.model.report.Formats.duration(bounds.timeBudget())
            + "; reaching any of them makes the verdict INCONCLUSIVE, never VERIFIED");
    if (randomWalks) {
      out.add(
          "random walks: every decision of every execution was drawn at random from a seeded "
              + "generator, with no partial-order reduction and no state cache; a bug hunt, which "
              + "claims nothing about the executions it did not run (explorer/README.md, Random walks)");
    } else if ("explorer".equals(engine)) {
      out.add(
          "partial-order reduction: the explorer's DPOR with sleep sets skips only executions "
              + "equivalent to one it explores: the same order of dependent operations (each "
              + "lock's operations, each context's release and touches, deferred calls, and the "
              + "event stream unless every property is trace-invariant)");
    }
    if (stateCache != null && stateCache.startsWith("search split over")) {
      out.add(
          "split search: the top decision points were expanded in full and the work units below "
              + "them explored by separate workers, each unit by one; sound because no race found "
              + "in a unit asks for a backtrack point above it, and each worker's state cache cuts "
              + "only at states whose future the workers together explore: in the top levels, "
              + "which every worker runs alike, only at states first met there (explorer/README.md, "
              + "Splitting a search; proofs/README.md, The state cache)"
              + (stateCache.contains("an earlier run's claims") ? "; shards also cut at states an earlier run's "
                  + "claims gave to a lower unit, each reached in this run by that unit or a lower one, as "
                  + "merge checked, which rests on a state's fingerprint being the same in every JVM running "
                  + "this code (proofs/README.md, assumption 6)" : ""));
    }
    if (stateCache != null) {
      out.add(
          "state cache: an execution reaching, at a quiescent point, a state another path "
              + "reached there was cut; sound if no two different states share a 128-bit "
              + "fingerprint and the fingerprint reads the whole state (" + stateCache + ")");
    }
    // Said even though none is used: a reviewer should not have to guess (README.md, Scaling).
    out.add(
        "symmetry: none; no state was taken for a permutation of another's parties or VCs, "
            + "every party and VC was explored under each identity the run gave it");
    out.add(
        "model fidelity: NDIS is the emulation in reference-impl, which follows the rules digest "
            + "(RULES.md) and its stated readings of open questions, not Windows' own "
            + "implementation; a property is as strong as its listener");
    if (!config.drivers().isReference()) {
      out.add(
          "user drivers: the user's classes synchronise only through the Platform they are given "
              + "(no synchronized, java.util.concurrent, own threads or static mutable state "
              + "shared across executions); otherwise interleavings are missed; and they call "
              + "touch() before reading their own contexts: NDIS checks every context it holds "
              + "(a release while it holds one, each hand-back), but a driver's own read of a "
              + "context it released is seen only through touch()");
    }
    return out.build();
  }
}
