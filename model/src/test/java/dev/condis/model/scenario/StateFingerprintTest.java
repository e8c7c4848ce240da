package dev.condis.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.HashCode;
import dev.condis.model.property.NoLeakProperty;
import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.mcm.ReferenceMcm;
import dev.condis.reference.platform.PlatformLock;
import dev.condis.reference.platform.ScriptedPlatform;
import dev.condis.reference.system.CallManagerKind;
import dev.condis.reference.system.CoNdisSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The state cache may cut an execution only at a state it has seen: two states that differ in
 * any one component must fingerprint differently, or the cache would prune a reachable
 * violation and the report would still say VERIFIED. Equal states must fingerprint alike, or
 * the cache cuts nothing.
 */
class StateFingerprintTest {

  /** A driver's own state: fields, a list, a set, a shared reference. */
  static final class Driver {
    int calls;
    String phase = "idle";
    final List<String> log = new ArrayList<>();
    final Set<String> parties = new HashSet<>();
    Object left = new Buffer();
    Object right = new Buffer();
  }

  static final class Buffer {}

  /** A user driver keeping a counter in a static field. */
  static final class StaticCounterDriver {
    static int created;
    int own;
  }

  /** A static field the fingerprint cannot read canonically (a JDK object whose fields are private to the JDK). */
  static final class AtomicStaticDriver {
    static final java.util.Random COUNTER = new java.util.Random(1);
    int own;
  }

  /** A user driver numbering its objects with a static final atomic counter. */
  static final class AtomicCounterDriver {
    static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();
    int own;
  }

  /** A static final immutable list of mutable slots: the list cannot change, the slots can. */
  static final class SlotsDriver {
    static final com.google.common.collect.ImmutableList<Slot> SLOTS = com.google.common.collect.ImmutableList.of(new Slot());
    static final com.google.common.collect.ImmutableList<String> NAMES = com.google.common.collect.ImmutableList.of("a");
  }

  static final class Slot {
    int used;
  }

  /** One field of every primitive type. */
  static final class Primitives {
    int i;
    long j;
    boolean z;
    char c;
    byte b;
    short s;
    float f;
    double d;
  }

  /** A lock as the explorer's platform makes it: its holder is state. */
  record HeldLock(String name, String heldBy) implements PlatformLock, Checkpoints.HeldBy {}

  private static HashCode fingerprint(Object... roots) {
    return StateFingerprint.of(roots);
  }

  private static void assertDiffers(Consumer<Driver> change) {
    Driver a = new Driver();
    Driver b = new Driver();
    assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
    change.accept(b);
    assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
  }

  @Test
  void anyOneFieldOfADriverChangesIt() {
    assertDiffers(d -> d.calls++);
    assertDiffers(d -> d.phase = "closing");
    assertDiffers(d -> d.log.add("makeCall"));
    assertDiffers(d -> d.parties.add("party#1"));
    assertDiffers(d -> d.right = d.left); // aliasing is state: one buffer, not two equal ones
  }

  @Test
  void listOrderIsStateAndSetOrderIsNot() {
    Driver a = new Driver();
    Driver b = new Driver();
    a.log.addAll(List.of("x", "y"));
    b.log.addAll(List.of("y", "x"));
    assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
    a.parties.addAll(List.of("p1", "p2", "p3"));
    Driver c = new Driver();
    c.log.addAll(a.log);
    c.parties.addAll(List.of("p3", "p1", "p2"));
    assertThat(fingerprint(a)).isEqualTo(fingerprint(c));
  }

  /** A handle table: an unordered map by handle number, values with their own state. */
  static final class Table {
    final java.util.Map<Integer, Driver> byHandle = new java.util.HashMap<>(4); // few buckets: collisions reorder
    final java.util.Map<Driver, String> byDriver = new java.util.HashMap<>();
  }

  @Test
  void anUnorderedMapIsTheSameWhateverTheInsertionOrderAndItsEntriesAreState() {
    Table a = new Table();
    Table b = new Table();
    Driver one = new Driver();
    Driver two = new Driver();
    two.calls = 2;
    for (int h : new int[] {5, 21, 37, 3}) { // 5, 21 and 37 share a bucket of a 4-bucket HashMap
      a.byHandle.put(h, h == 21 ? two : one);
    }
    for (int h : new int[] {37, 3, 21, 5}) {
      b.byHandle.put(h, h == 21 ? two : one);
    }
    assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
    b.byHandle.put(21, one); // the same keys, another value
    assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
    b.byHandle.put(21, two);
    b.byHandle.put(22, one);
    b.byHandle.remove(37); // the same size, another key
    assertThat(fingerprint(a)).isNotEqualTo(fingerprint(b));
  }

  @Test
  void valuesOfDifferentTypesNeverLookAlike() {
    Table a = new Table();
    Table b = new Table();
    a.byDriver.put(new Driver(), "1");
    b.byDriver.put(new Driver(), "1");
    assertThat(fingerprint(a)).isEqualTo(fingerprint(b)); // object keys: ordered by their own hash
    Driver d = new Driver();
    d.phase = "1";
    Driver e = new Driver();
    e.left = 1; // the int 1 where the other has the string "1"
    e.phase = null;
    d.left = null;
    Driver f = new Driver();
    f.phase = null;
    f.left = "1";
    assertThat(fingerprint(e)).isNotEqualTo(fingerprint(f));
    assertThat(fingerprint(d)).isNotEqualTo(fingerprint(f)); // the same string in another field
  }

  @Test
  void aReRunAlongARecordedPathIsNotHashedAgainAndNeverCut() {
    Checkpoints cache = new Checkpoints(false);
    cache.check(1, 7L, new Driver());
    cache.check(1, 7L, new Driver()); // the search re-running the same prefix
    assertThat(cache.statesHashed()).isEqualTo(1);
    assertThat(cache.executionsCut()).isZero();
    assertThatThrownBy(() -> cache.check(1, 8L, new Driver())).hasMessage("state already explored");
    assertThat(cache.statesHashed()).isEqualTo(2);
    // A path once cut is hashed again if it comes back: only a recorded, uncut one is skipped.
    assertThatThrownBy(() -> cache.check(1, 8L, new Driver())).hasMessage("state already explored");
    assertThat(cache.statesHashed()).isEqualTo(3);
  }

  /** NDIS's event bus holding the search's rule-coverage sink, as with {@code verify --coverage}. */
  static final class Bus {
    final java.util.function.Consumer<String> checks;
    int events;

    Bus(RuleChecks ledger) {
      this.checks = ledger::checked;
    }
  }

  @Test
  void theSearchsRuleLedgerIsNotStateOfTheExecution() {
    RuleChecks ledger = new RuleChecks();
    HashCode before = fingerprint(new Bus(ledger));
    ledger.checked("VC-7"); // an earlier execution checked a rule: this state is the same
    assertThat(fingerprint(new Bus(ledger))).isEqualTo(before);
    Bus moved = new Bus(ledger);
    moved.events++;
    assertThat(fingerprint(moved)).isNotEqualTo(before);
  }

  @Test
  void whoHoldsALockIsState() {
    assertThat(fingerprint(new HeldLock("ndis", null))).isNotEqualTo(fingerprint(new HeldLock("ndis", "t1")));
    assertThat(fingerprint(new HeldLock("ndis", "t1"))).isNotEqualTo(fingerprint(new HeldLock("ndis", "t2")));
  }

  @Test
  void aPropertyListenersStateChangesIt() {
    Driver d = new Driver();
    NoLeakProperty before = new NoLeakProperty();
    NoLeakProperty after = new NoLeakProperty();
    HashCode empty = fingerprint(d, before);
    assertThat(fingerprint(d, after)).isEqualTo(empty);
    CoNdisSystem system = system();
    system.ndis().addListener(event -> after.onEvent(event, (rule, message) -> {}));
    system.client().makeCall(0);
    system.platform().awaitDeferred();
    assertThat(fingerprint(d, after)).isNotEqualTo(empty);
  }

  @Test
  void theWholeSystemIsDeterministicAndAnOutstandingRequestChangesIt() {
    assertThat(fingerprint(system())).isEqualTo(fingerprint(system()));
    CoNdisSystem calling = system(ScriptedPlatform.withChoices(java.util.Map.of("mcm.makeCall.pend", 1)));
    HashCode idle = fingerprint(calling);
    calling.client().makeCall(0); // pended: outstanding until its deferred completion runs
    HashCode outstanding = fingerprint(calling);
    calling.platform().awaitDeferred();
    assertThat(outstanding).isNotEqualTo(idle);
    assertThat(fingerprint(calling)).isNotEqualTo(outstanding).isNotEqualTo(idle);
  }

  @Test
  void aUserDriversStaticFieldIsState() {
    StaticCounterDriver d = new StaticCounterDriver();
    HashCode before = fingerprint(d);
    StaticCounterDriver.created++;
    try {
      assertThat(fingerprint(d)).isNotEqualTo(before);
      assertThat(StateFingerprint.text(d)).contains("static:" + StaticCounterDriver.class.getName() + ".created");
    } finally {
      StaticCounterDriver.created--;
    }
  }

  @Test
  void aStaticFinalAtomicCounterIsState() {
    AtomicCounterDriver d = new AtomicCounterDriver();
    HashCode before = fingerprint(d);
    AtomicCounterDriver.NEXT.incrementAndGet();
    assertThat(fingerprint(d)).isNotEqualTo(before);
  }

  @Test
  void aStaticFinalImmutableListIsStateWhenItsElementsAreMutable() {
    SlotsDriver d = new SlotsDriver();
    HashCode before = fingerprint(d);
    SlotsDriver.SLOTS.get(0).used++;
    try {
      assertThat(fingerprint(d)).isNotEqualTo(before);
      assertThat(StateFingerprint.text(d))
          .contains("static:" + SlotsDriver.class.getName() + ".SLOTS")
          .doesNotContain(".NAMES"); // strings only: a constant, not walked
    } finally {
      SlotsDriver.SLOTS.get(0).used--;
    }
  }

  @Test
  void aFieldOfEveryPrimitiveTypeIsState() {
    List<Consumer<Primitives>> changes = List.of(p -> p.i = 1, p -> p.j = 1L << 40, p -> p.z = true,
        p -> p.c = 'x', p -> p.b = 1, p -> p.s = 1, p -> p.f = 0.5f, p -> p.d = 0.5);
    Set<HashCode> seen = new HashSet<>();
    seen.add(fingerprint(new Primitives()));
    for (Consumer<Primitives> change : changes) {
      Primitives p = new Primitives();
      change.accept(p);
      assertThat(fingerprint(p)).isEqualTo(fingerprint(copy(p)));
      seen.add(fingerprint(p));
    }
    assertThat(seen).hasSize(changes.size() + 1); // each one field apart: all different
  }

  private static Primitives copy(Primitives p) {
    Primitives q = new Primitives();
    q.i = p.i;
    q.j = p.j;
    q.z = p.z;
    q.c = p.c;
    q.b = p.b;
    q.s = p.s;
    q.f = p.f;
    q.d = p.d;
    return q;
  }

  @Test
  void aStaticFieldItCannotReadSwitchesTheCacheOffAndSaysWhich() {
    Checkpoints cache = new Checkpoints(false);
    cache.check(1, 1L, new AtomicStaticDriver());
    cache.check(1, 2L, new AtomicStaticDriver()); // would be a hit: the cache must not cut it
    assertThat(cache.disabledBecause()).contains(AtomicStaticDriver.class.getName() + ".COUNTER");
    assertThat(cache.executionsCut()).isZero();
    assertThat(cache.summary()).startsWith("state cache off (");
  }

  @Test
  void aCacheSwitchedOffPartwaySaysItsEarlierCutsStillRestOnTheFingerprint() {
    Checkpoints cache = new Checkpoints(false);
    cache.check(1, 1L, new Driver());
    assertThatThrownBy(() -> cache.check(1, 2L, new Driver())).hasMessage("state already explored");
    cache.check(2, 3L, new AtomicStaticDriver());
    assertThat(cache.disabledBecause()).isNotNull();
    // Not "no execution was cut, the search is stateless": one cut rests on a fingerprint.
    assertThat(cache.summary()).startsWith("state cache switched off partway (")
        .contains("before that it cut 1 execution at 1 distinct states").contains("collision probability");
    cache.check(1, 4L, new Driver()); // off from then on: no cut
    assertThat(cache.executionsCut()).isEqualTo(1);
  }

  /**
   * A split search's top levels (mayCut false), which every worker runs alike: a state is cut
   * there only if it was first met there too, so every worker cuts alike; below them, in the
   * worker's own units, any state seen before is cut.
   */
  @Test
  void inASplitsTopLevelsOnlyAStateFirstMetThereIsCut() {
    Object[] state = {new Driver()};
    Checkpoints cache = new Checkpoints(false);
    cache.check(1, 1L, true, state); // first met in a unit of this worker
    cache.check(1, 2L, false, state); // met in the top levels: another worker never saw the unit
    assertThat(cache.executionsCut()).isZero();
    assertThatThrownBy(() -> cache.check(1, 3L, false, state)).hasMessage("state already explored");
    assertThatThrownBy(() -> cache.check(1, 4L, true, state)).hasMessage("state already explored");
    cache.check(1, 2L, false, state); // the first path's re-run goes on
    assertThat(cache.executionsCut()).isEqualTo(2);
  }

  @Test
  void aStateItCannotReadInAUnitLeavesTheTopLevelsCuttingAsInEveryOtherWorker() {
    Object[] state = {new Driver()};
    Checkpoints cache = new Checkpoints(false);
    cache.check(1, 1L, true, new Object[] {new AtomicStaticDriver()}); // off in this worker's units
    cache.check(2, 2L, false, state);
    assertThatThrownBy(() -> cache.check(2, 3L, false, state)).hasMessage("state already explored");
    cache.check(2, 4L, true, state); // units: off
    assertThat(cache.summary()).contains("cuts in the split's top levels went on");
    Checkpoints offAtTheTop = new Checkpoints(false);
    offAtTheTop.check(1, 1L, false, new Object[] {new AtomicStaticDriver()}); // every worker meets it
    offAtTheTop.check(2, 2L, false, state);
    offAtTheTop.check(2, 3L, false, state);
    assertThat(offAtTheTop.executionsCut()).isZero();
  }

  /** Package-private, so that a proxy of it is a class of this package. */
  interface Hook {
    void run();
  }

  /** Holds a lambda, as a driver may: its class is named per JVM. */
  static final class DriverWithCallback {
    final Runnable onClose = () -> { };
    int calls;
  }

  @Test
  void aStateWithALambdaInItIsFingerprintedForThisJvmAlone() {
    assertThat(StateFingerprint.print(1, new Driver()).portable()).as("plain classes: any JVM's").isTrue();
    StateFingerprint.Print withLambda = StateFingerprint.print(1, new DriverWithCallback());
    assertThat(withLambda.portable()).isFalse();
    assertThat(withLambda.hash()).as("still a fingerprint in this JVM").isEqualTo(StateFingerprint.of(1, new DriverWithCallback()));
    // in an unordered collection too (walked by a sub-walk)
    assertThat(StateFingerprint.print(1, new HashSet<>(List.of(new DriverWithCallback(), new Driver()))).portable()).isFalse();
    // A proxy of a package-private interface lives in that package, as $Proxy<n>, n by the JVM.
    Object proxy = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Hook.class}, (p, m, a) -> null);
    assertThat(proxy.getClass().getName()).startsWith(getClass().getPackageName() + ".$Proxy");
    assertThatThrownBy(() -> StateFingerprint.print(1, proxy)).as("a dynamic proxy's class is numbered by its JVM: never read")
        .isInstanceOf(StateFingerprint.Unfingerprintable.class);
  }

  @Test
  void aShardReliesOnAnEarlierRunsClaimOnlyForALowerUnitAndAStateAnyJvmFingerprintsAlike() {
    Object[] state = {1, new Driver()};
    HashCode h = StateFingerprint.of(state);
    Checkpoints.Claims claims = Checkpoints.Claims.forShard(java.util.Map.of(h, 2L));
    Checkpoints shard = new Checkpoints(true, claims);
    shard.check(1, 1L, true, 2, new Object[] {new Driver()}); // the owning unit itself explores it
    assertThat(claims.relied()).isEmpty();
    assertThatThrownBy(() -> shard.check(1, 3L, true, 4, new Object[] {new Driver()})).hasMessage("state already explored");
    assertThat(claims.relied()).as("this shard's own unit 2 reached it: no reliance on another shard").isEmpty();
    Checkpoints.Claims lower = Checkpoints.Claims.forShard(java.util.Map.of(h, 2L));
    new Checkpoints(true, lower).check(1, 2L, true, 1, new Object[] {new Driver()}); // a lower unit explores it too
    assertThat(lower.relied()).isEmpty();
    assertThat(lower.reached()).containsExactly(java.util.Map.entry(h, 1L));

    Checkpoints.Claims other = Checkpoints.Claims.forShard(java.util.Map.of(h, 2L));
    Checkpoints next = new Checkpoints(true, other);
    assertThatThrownBy(() -> next.check(1, 4L, true, 5, new Object[] {new Driver()})).hasMessage("state already explored");
    assertThat(other.relied()).as("relied on unit 2, for merge to check").containsExactly(java.util.Map.entry(h, 2L));
    assertThat(other.reached()).as("what it reports reaching").containsExactly(java.util.Map.entry(h, 5L));
    assertThat(next.summary()).contains("1 at states a lower unit, this shard's or, by an earlier run's claims, another shard's");

    // A lambda in the state: its fingerprint is this JVM's, so no claim of another JVM applies
    // and it is not reported for the next run.
    Object[] local = {1, new DriverWithCallback()};
    Checkpoints.Claims both = Checkpoints.Claims.forShard(java.util.Map.of(StateFingerprint.of(local), 0L));
    Checkpoints third = new Checkpoints(false, both);
    third.check(1, 5L, true, 3, new Object[] {new DriverWithCallback()});
    assertThat(both.relied()).isEmpty();
    assertThat(both.reached()).isEmpty();
  }

  @Test
  void workersSharingClaimsCutOnlyAboveTheLowestUnitThatReachedAState() {
    Checkpoints.Claims claims = new Checkpoints.Claims();
    Checkpoints a = new Checkpoints(true, claims);
    Checkpoints b = new Checkpoints(true, claims);
    Object[] state = {new Driver()};
    a.check(1, 1L, true, 5, state); // unit 5 reaches it first: a explores its future
    assertThatThrownBy(() -> b.check(1, 2L, true, 7, state)).hasMessage("state already explored");
    b.check(1, 3L, true, 3, state); // a lower unit: b explores it too, a may be midway
    assertThatThrownBy(() -> a.check(1, 4L, true, 6, state)).hasMessage("state already explored");
    b.check(1, 5L, false, -1, state); // the top levels keep their own rule: first met there
    b.check(2, 6L, true, 9, state); // another quiescent point is another state
    assertThat(a.executionsCutAtClaims() + b.executionsCutAtClaims()).isEqualTo(2);
    assertThat(b.summary()).contains("1 at states a lower unit, this worker's or another's, reached first");
  }

  @Test
  void theAuditFailsLoudlyWhenTwoStatesShareAFingerprint() {
    Checkpoints weak = new Checkpoints(true, roots -> HashCode.fromInt(42)); // every state collides
    Driver a = new Driver();
    Driver b = new Driver();
    b.calls = 1;
    weak.check(1, 1L, a);
    assertThatThrownBy(() -> weak.check(1, 2L, b))
        .isInstanceOf(Checkpoints.CacheMismatch.class)
        .hasMessageContaining("two different states share fingerprint")
        .hasMessageContaining("'java.lang.Integer:0' against 'java.lang.Integer:1'");
  }

  @Test
  void theAuditPassesARealHitAndCountsIt() {
    Checkpoints audited = new Checkpoints(true);
    audited.check(1, 1L, new Driver());
    assertThatThrownBy(() -> audited.check(1, 2L, new Driver())).isInstanceOf(RuntimeException.class)
        .hasMessage("state already explored");
    assertThat(audited.audited()).isEqualTo(1);
    assertThat(audited.executionsCut()).isEqualTo(1);
  }

  @Test
  void theCollisionEstimateIsTheBirthdayBound() {
    Checkpoints cache = new Checkpoints(false);
    for (int i = 0; i < 1000; i++) {
      Driver d = new Driver();
      d.calls = i;
      cache.check(1, i, d);
    }
    assertThat(cache.collisionProbability() / (1000.0 * 999 / 2 / Math.pow(2, 128))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(cache.summary()).contains("1,000 distinct states").contains("collision probability 1.5e-33");
  }

  @Test
  void anEmptyCacheEstimatesNoCollisionNotANegativeOne() {
    Checkpoints cache = new Checkpoints(false);
    assertThat(cache.summary()).contains("0 distinct states").contains("collision probability 0.0e+00")
        .doesNotContain("-0.0");
    cache.check(1, 1L, new Driver());
    assertThat(cache.collisionProbability()).isZero();
  }

  private static CoNdisSystem system() {
    return system(new ScriptedPlatform());
  }

  private static CoNdisSystem system(ScriptedPlatform platform) {
    return CoNdisSystem.builder()
        .platform(platform)
        .callManagerKind(CallManagerKind.MCM)
        .client(new ReferenceClient())
        .integratedCallManager(new ReferenceMcm())
        .build();
  }
}
