package dev.condis.model.scenario;

import com.google.common.hash.HashCode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The states seen at quiescent points during one search (see {@link StateFingerprint}): an
 * execution that reaches, at the same point of its scenario, a state an earlier execution
 * already reached, stops there, since the earlier one explored every continuation. One
 * instance per search; never shared between searches, never used on replay.
 */
public final class Checkpoints {
  /**
   * A platform that can say which path the current execution took so far: a hash of the
   * sequence of platform calls it saw (thread, operation, argument, chosen value). The same
   * schedule prefix always gives the same hash.
   */
  public interface PathSource {
    long pathHash();

    /**
     * How many of the execution's platform calls so far could make the search branch: a
     * thread started, a DPC queued, a choice among two or more values. Where none follows a
     * quiescent point, every execution that reaches it runs on along one path.
     */
    long branchPoints();

    /**
     * False while a split search's workers must all run this execution alike (its top levels,
     * which number the units): the cache may cut there only at a state first recorded in the
     * top levels too, which every worker recorded alike (see {@link Checkpoints#check(int,
     * long, boolean, Object[])}).
     */
    default boolean mayCut() {
      return true;
    }

    /**
     * In a split search, past the split's depth (in a unit split again's top levels too, where
     * {@link #mayCut()} is false): the execution's base unit (the parts of a unit split again
     * share it), numbered alike in every worker and every run at the same split depth; else -1.
     */
    default long unit() {
      return -1;
    }
  }

  /**
   * The states the workers of one split search, in one process, reached inside their units:
   * each with the lowest unit that reached it (explorer/README.md, "Splitting a search"). An
   * execution that reaches a state in a unit numbered above the lowest that reached it stops:
   * that lower unit's worker explores the state's future, as an unsplit search would in that
   * unit, which it explores before this one. A worker that reaches a state first in a unit
   * numbered below the state's claim explores it too (the other worker may be midway): twice,
   * never not at all. Which worker gets where first varies from run to run, so the figures do;
   * the verdict and the counterexample do not.
   *
   * <p>A shard, alone in its process, may also be given the claims of an earlier run of all the
   * shards ({@code verify --claims}, written by {@code merge --claims}): each state with the
   * lowest unit any shard reached it in. It stops at such a state in a higher unit too, relying
   * on the shard that owns the lower unit to explore it, and says so in its report ({@link
   * #relied}); merge checks that some unit at or below it did reach the state in this run
   * ({@link #reached}), or claims nothing (proofs/README.md, assumption 6).
   */
  public static final class Claims {
    private final Map<HashCode, Long> lowest = new ConcurrentHashMap<>();
    /** An earlier run's claims (another process's units): never updated, only relied on. */
    private final Map<HashCode, Long> earlier;
    /** States cut at an earlier run's claim, with the unit relied on to explore them. */
    private final Map<HashCode, Long> relied = new ConcurrentHashMap<>();
    /** States whose fingerprint is this JVM's alone (a lambda in them): never reported. */
    private final Set<HashCode> local = ConcurrentHashMap.newKeySet();
    /** Audit mode: the workers' full states by fingerprint, so that a cut at another worker's claim is audited too. */
    final Map<HashCode, String> texts = new ConcurrentHashMap<>();

    /** One shard's (alone in its process), or shared by a split's workers in one process. */
    private final boolean shard;

    /** Claims the workers of one process share. */
    public Claims() {
      this(false, Map.of());
    }

    private Claims(boolean shard, Map<HashCode, Long> earlier) {
      this.shard = shard;
      this.earlier = Map.copyOf(earlier);
    }

    /**
     * One shard's claims, relying on {@code earlier} (state to the lowest unit of an earlier
     * run that reached it; empty: none) and recording what its report tells merge.
     */
    public static Claims forShard(Map<HashCode, Long> earlier) {
      return new Claims(true, earlier);
    }

    /**
     * Records that {@code unit} reached {@code state}; whether a lower unit of this process
     * reached it before, or, for a state any JVM fingerprints alike, an earlier run's claim
     * names a lower unit (then relied on: {@link #relied}).
     */
    boolean reachedBelow(StateFingerprint.Print state, long unit) {
      if (!state.portable()) {
        local.add(state.hash());
      }
      long[] before = {Long.MAX_VALUE};
      lowest.compute(state.hash(), (k, v) -> {
        if (v != null) {
          before[0] = v;
        }
        return v == null || unit < v ? unit : v;
      });
      if (before[0] < unit) {
        return true;
      }
      Long owner = state.portable() ? earlier.get(state.hash()) : null;
      if (owner != null && owner < unit) {
        relied.put(state.hash(), owner);
        return true;
      }
      return false;
    }

    /** Records that {@code unit} reached {@code state} where it may not stop at a claim (a unit's own top levels). */
    void reached(StateFingerprint.Print state, long unit) {
      if (!state.portable()) {
        local.add(state.hash());
      }
      lowest.merge(state.hash(), unit, Math::min);
    }

    /** Distinct states the workers reached inside their units. */
    public int states() {
      return lowest.size();
    }

    /** States of an earlier run's claims ({@code verify --claims}). */
    public int earlierStates() {
      return earlier.size();
    }

    /** Each state reached in a unit, that any JVM fingerprints alike, with the lowest unit that reached it here. */
    public Map<HashCode, Long> reached() {
      Map<HashCode, Long> out = new java.util.HashMap<>(lowest);
      out.keySet().removeAll(local);
      return out;
    }

    /** Each state cut at an earlier run's claim, with the unit relied on to explore it. */
    public Map<HashCode, Long> relied() {
      return Map.copyOf(relied);
    }
  }

  /** A lock that can say which thread holds it (null if free): part of a checkpoint's state. */
  public interface HeldBy {
    String heldBy();
  }

  /** {@code -Dcondis.auditCache=true}: every search audits its cache hits (the tests run the suite so). */
  public static final String AUDIT_PROPERTY = "condis.auditCache";

  /** Each state seen, with the path of the first execution that reached it. */
  private final Map<HashCode, Long> seen = new ConcurrentHashMap<>();
  /**
   * Split searches: each state first seen in the top levels, with that path. Every worker of
   * the split runs the top levels alike and records the same states there in the same order,
   * so a cut there at one of these is the same cut in every worker.
   */
  private final Map<HashCode, Long> seenInTopLevels = new ConcurrentHashMap<>();
  /** Audit mode only: each state's full text, compared on every later visit of its hash. */
  private final Map<HashCode, String> texts;
  /**
   * Each (quiescent point, path) whose state was hashed and recorded without a cut. A stateless
   * search re-runs prefixes: arriving along a recorded path again, the program (deterministic
   * for a given path) is in the same state, already recorded, so the hash is skipped. A key
   * met by a different (point, path) by accident only skips a hash, never cuts: sound.
   */
  private final Set<Long> recordedPaths = ConcurrentHashMap.newKeySet();
  private final AtomicLong hashed = new AtomicLong();
  private final AtomicLong cut = new AtomicLong();
  private final AtomicLong cutInTopLevels = new AtomicLong();
  private final AtomicLong audited = new AtomicLong();
  private volatile String disabledBecause;
  /** The fingerprint failed in a split's top levels (so in every worker): no cut there either. */
  private volatile boolean topLevelsOff;
  /** Keeps the top levels' recorded (point, path) keys apart from the units' ones. */
  private static final long TOP_LEVELS = 0x2545_F491_4F6C_DD1DL;
  /** Some execution of this search branched after the scenario's last quiescent point. */
  private volatile boolean branchesAtEnd;

  /** A cache that audits its hits if {@value #AUDIT_PROPERTY} is set. */
  public Checkpoints() {
    this(Boolean.getBoolean(AUDIT_PROPERTY));
  }

  /**
   * One worker's cache in a split search whose workers share {@code claims} (in one process;
   * null: a cache of its own), auditing its hits if {@value #AUDIT_PROPERTY} is set.
   */
  public Checkpoints(Claims claims) {
    this(Boolean.getBoolean(AUDIT_PROPERTY), claims);
  }

  /** As {@link #Checkpoints(Claims)}, auditing as {@code audit} says (tests). */
  public Checkpoints(boolean audit, Claims claims) {
    this(claims, audit, StateFingerprint::print);
  }

  /**
   * With {@code audit}, the full state behind every fingerprint is kept and compared whenever
   * the fingerprint is met again: two different states with one fingerprint (a collision, or a
   * fingerprint that leaves something out) fail the run with {@link CacheMismatch} instead of
   * pruning silently. It costs memory and time: for tests and doubt, not for nightly runs.
   */
  public Checkpoints(boolean audit) {
    this(null, audit, StateFingerprint::print);
  }

  /** With another fingerprint function: for tests of the audit (a deliberately weak one). */
  Checkpoints(boolean audit, Function<Object[], HashCode> fingerprint) {
    this(audit, fingerprint, null);
  }

  /** As {@link #Checkpoints(boolean, Function)}, sharing {@code claims}; the fingerprints count as any JVM's. */
  Checkpoints(boolean audit, Function<Object[], HashCode> fingerprint, Claims claims) {
    this(claims, audit, roots -> new StateFingerprint.Print(fingerprint.apply(roots), true));
  }

  private Checkpoints(Claims claims, boolean audit, Function<Object[], StateFingerprint.Print> fingerprint) {
    this.texts = !audit ? null : claims != null ? claims.texts : new ConcurrentHashMap<>();
    this.fingerprint = fingerprint;
    this.claims = claims;
  }

  private final Function<Object[], StateFingerprint.Print> fingerprint;
  /** Shared with the other workers of a split search in this process, or null. */
  private final Claims claims;
  private final AtomicLong cutAtClaims = new AtomicLong();

  /** A cache that is off from the start, for {@code why} (e.g. the user's --no-state-cache). */
  public static Checkpoints off(String why) {
    Checkpoints c = new Checkpoints(false);
    c.disable(why);
    return c;
  }

  /** Audit mode found two different states under one fingerprint. */
  public static final class CacheMismatch extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    CacheMismatch(String message) {
      super(message);
    }
  }

  /** Ends the current execution at a checkpoint: the harness catches it and returns. */
  static final class Reached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reached() {
      super("state already explored", null, false, false);
    }
  }

  /**
   * At the {@code point}-th quiescent point of the scenario, reached along {@code path}: throws
   * {@link Reached} if an execution along another path reached this state here before, else
   * records it. An execution along the same path is the search coming back to explore the
   * rest of that state's future (a stateless search re-runs the prefix), so it goes on.
   */
  void check(int point, long path, Object... roots) {
    check(point, path, true, roots);
  }

  /**
   * As {@link #check(int, long, Object...)}; {@code mayCut} false means the execution is in a
   * split search's top levels, which every worker must run alike to number the units. A split
   * search's workers each keep a cache of their own, which knows states from the worker's own
   * units: a cut in the top levels at such a state would make one worker skip prefixes another
   * enumerates, and a unit would then have no owner or two. So there the execution is cut only
   * at a state an execution along another path first reached in the top levels too: every
   * worker recorded it alike, and cuts alike (proofs/README.md, "The state cache").
   */
  void check(int point, long path, boolean mayCut, Object[] roots) {
    check(point, path, mayCut, -1, roots);
  }

  /**
   * As {@link #check(int, long, boolean, Object[])}, in work unit {@code unit} of a split search
   * (-1 outside one): with {@link Claims}, a state a lower unit reached first is cut here.
   */
  void check(int point, long path, boolean mayCut, long unit, Object[] roots) {
    // A state the fingerprint cannot read switches the cache off; in the top levels only if
    // it was met there, as every worker meets it, so that all keep cutting there alike.
    if (mayCut ? disabledBecause != null : topLevelsOff) {
      return;
    }
    long key = path ^ (point * 0x9E37_79B9_7F4A_7C15L) ^ (mayCut ? 0 : TOP_LEVELS);
    if (texts == null && recordedPaths.contains(key)) {
      return;
    }
    hashed.incrementAndGet();
    StateFingerprint.Print print;
    Object[] all;
    try {
      all = new Object[roots.length + 1];
      all[0] = point;
      System.arraycopy(roots, 0, all, 1, roots.length);
      print = fingerprint.apply(all);
    } catch (StateFingerprint.Unfingerprintable e) {
      disabledBecause = e.getMessage();
      topLevelsOff |= !mayCut;
      return;
    }
    HashCode h = print.hash();
    if (texts != null) {
      audit(h, all);
    }
    if (!mayCut && claims != null && unit >= 0) {
      // The top levels of a unit split again: every worker runs them alike, so no cut at a
      // claim here, but the unit reached the state (its parts explore its future jointly).
      claims.reached(print, unit);
    } else if (mayCut && claims != null && unit >= 0 && claims.reachedBelow(print, unit)) {
      cut.incrementAndGet();
      cutAtClaims.incrementAndGet();
      throw new Reached();
    }
    Long first = seen.putIfAbsent(h, path);
    if (!mayCut) {
      first = seenInTopLevels.putIfAbsent(h, path);
    }
    if (first != null && first != path) {
      cut.incrementAndGet();
      if (!mayCut) {
        cutInTopLevels.incrementAndGet();
      }
      throw new Reached();
    }
    recordedPaths.add(key);
  }

  /**
   * Whether the scenario's last quiescent point, after the body, before {@code finish()}, is
   * worth a fingerprint: only once some execution of this search was seen to branch after
   * it (the drivers' shutdown started a thread, queued a DPC or made a choice). Until then
   * what follows it is one path, and a cut there would save only that path's run, which costs
   * less than the fingerprint (the default suite: the same 114,417 executions without the
   * fingerprint there, in 18 % less time). Skipping a cut is always sound.
   */
  boolean checksAtEnd() {
    return branchesAtEnd;
  }

  /** An execution branched after the last quiescent point: from now on it is checked. */
  void branchedAtEnd() {
    branchesAtEnd = true;
  }

  /** How many states were hashed (a re-run along a recorded path is not). */
  public long statesHashed() {
    return hashed.get();
  }

  private void audit(HashCode h, Object[] all) {
    String now = StateFingerprint.text(all);
    String before = texts.putIfAbsent(h, now);
    if (before != null) {
      audited.incrementAndGet();
      if (!before.equals(now)) {
        throw new CacheMismatch("state cache audit: two different states share fingerprint " + h
            + "; first difference at line " + firstDifference(before, now));
      }
    }
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return (i + 1) + ": '" + x[i] + "' against '" + y[i] + "'";
      }
    }
    return Math.min(x.length, y.length) + 1 + ": one state is longer";
  }

  /** Audit mode: how many revisits of a fingerprint were checked against the full state. */
  public long audited() {
    return audited.get();
  }

  /**
   * The probability that two of the distinct states seen share a 128-bit fingerprint (the
   * birthday bound n(n-1)/2 / 2^128), which would make the cache prune a state it never
   * explored: the cache's one unproved step, as TLC reports it.
   */
  public double collisionProbability() {
    // With shared claims, a state is compared with every worker's: count theirs too (an upper bound).
    double n = seen.size() + (claims == null ? 0 : claims.states() + claims.earlierStates());
    // n < 2: no pair can collide (and 0 * -1 would print as "-0.0e+00")
    return n < 2 ? 0.0 : n * (n - 1) / 2 / Math.pow(2, 128);
  }

  /** One line on what the cache did in this search, or why it was off. */
  public String summary() {
    String why = disabledBecause;
    if (why != null && cut.get() == 0) {
      return "state cache off (" + why + "): no execution was cut, the search is stateless";
    }
    if (why != null) {
      // Switched off partway: the cuts made before still rest on the fingerprints.
      return String.format(java.util.Locale.ROOT,
          "state cache switched off partway (%s); before that it cut %,d execution%s at %,d distinct states,"
              + " fingerprint collision probability %.1e%s", why, cut.get(), cut.get() == 1 ? "" : "s", seen.size(),
          collisionProbability(),
          topLevelsOff || seenInTopLevels.isEmpty() ? "" : "; cuts in the split's top levels went on, as every worker makes them");
    }
    return String.format(java.util.Locale.ROOT,
        "state cache: %,d distinct states at quiescent points, %,d executions cut there%s,"
            + " fingerprint collision probability %.1e%s", seen.size(), cut.get(),
        (cutInTopLevels.get() == 0 ? "" : String.format(java.util.Locale.ROOT, " (%,d in the split's top levels)",
            cutInTopLevels.get()))
            + (claims == null ? "" : String.format(java.util.Locale.ROOT,
                " (%,d at states a lower unit, %s, reached first)", cutAtClaims.get(),
                !claims.shard ? "this worker's or another's" : claims.earlierStates() == 0 ? "this shard's"
                    : "this shard's or, by an earlier run's claims, another shard's")),
        collisionProbability(),
        branchesAtEnd ? "" : "; the last quiescent point, before the drivers' shutdown, was not looked up:"
            + " no execution branched after it");
  }

  /** Executions that stopped at a checkpoint. */
  public long executionsCut() {
    return cut.get();
  }

  /** Of {@link #executionsCut()}, those cut at a state a lower unit reached first ({@link Claims}). */
  public long executionsCutAtClaims() {
    return cutAtClaims.get();
  }

  /** Of {@link #executionsCut()}, those cut in a split search's top levels. */
  public long executionsCutInTopLevels() {
    return cutInTopLevels.get();
  }

  /** Distinct states recorded. */
  public int statesSeen() {
    return seen.size();
  }

  /** Switches checkpoints off for this search. */
  void disable(String why) {
    disabledBecause = why;
  }

  /** Why checkpoints were switched off for this search (a state it cannot hash), or null. */
  public String disabledBecause() {
    return disabledBecause;
  }
}
