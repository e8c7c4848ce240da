package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.explorer.Explorer;
import dev.condis.explorer.Failure;
import dev.condis.explorer.SearchOptions;
import dev.condis.explorer.SearchResult;
import dev.condis.model.explorer.ExplorerPlatform;
import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CloseData;
import dev.condis.reference.ddi.ContextTracker;
import dev.condis.reference.event.EventBus;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import dev.condis.reference.platform.ThreadHandle;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's own bookkeeping on the explorer, with reduction on: a driver releases a
 * context under its lock while NDIS touches it under the NDIS lock, and two threads emit under
 * different locks to a listener whose verdict depends on their order. Each is found whichever
 * thread the code starts first, because the tracker and the bus announce those accesses
 * (Platform#sharedAccess). Before, the reduction explored one order of each.
 */
class SharedAccessTest {
  private static final SearchOptions OPTIONS = SearchOptions.builder().stopOnFirstFailure(false).build();

  /** Runs {@code first} on a new thread under lock "first", {@code second} on main under "second". */
  private static void race(Platform p, Runnable first, Runnable second) {
    PlatformLock a = p.newLock("first");
    PlatformLock b = p.newLock("second");
    ThreadHandle t = p.startThread("t", () -> {
      p.lock(a);
      first.run();
      p.unlock(a);
    });
    p.lock(b);
    second.run();
    p.unlock(b);
    p.join(t);
  }

  private static List<String> failures(SearchResult r) {
    return r.failures().stream().map(Failure::message).distinct().sorted().collect(Collectors.toList());
  }

  @ParameterizedTest(name = "release on the spawned thread: {0}")
  @ValueSource(booleans = {true, false})
  void aTouchAfterAReleaseUnderAnotherLockIsFound(boolean releaseSpawned) {
    SearchResult r = Explorer.explore(rt -> {
      Platform p = new ExplorerPlatform(rt, false);
      EventBus bus = new EventBus(p);
      bus.addListener(e -> {
        if (e instanceof NdisEvent.RuleViolation v) {
          rt.fail(v.ruleId() + ": " + v.message(), v);
        }
      });
      ContextTracker tracker = ContextTracker.create(bus);
      CloseData context = tracker.allocate(new CloseData("cm.party"));
      Runnable release = () -> tracker.release(context, "DROP-7", "cm.ProtocolCmDropParty");
      Runnable touch = () -> context.touch("DROP-7", "ProtocolClDropPartyComplete");
      race(p, releaseSpawned ? release : touch, releaseSpawned ? touch : release);
    }, OPTIONS);

    assertThat(failures(r)).containsExactly(
        "DROP-7: ProtocolClDropPartyComplete: uses CloseData#1(cm.party) after release");
  }

  /** Two uses of one live context read its released flag: they commute, one interleaving. */
  @org.junit.jupiter.api.Test
  void twoTouchesOfOneContextUnderDifferentLocksAreOneInterleaving() {
    SearchResult r = Explorer.explore(rt -> {
      Platform p = new ExplorerPlatform(rt, false);
      ContextTracker tracker = ContextTracker.create(new EventBus(p));
      CloseData context = tracker.allocate(new CloseData("cm.party"));
      race(p, () -> context.touch("DROP-7", "NDIS"), () -> context.touch("DROP-7", "client"));
    }, OPTIONS);

    assertThat(r.failures()).isEmpty();
    assertThat(r.executions()).isEqualTo(1);
  }

  @ParameterizedTest(name = "order-sensitive emitter spawned: {0}")
  @ValueSource(booleans = {true, false})
  void twoEmissionsUnderDifferentLocksReachAListenerInBothOrders(boolean spawnedFirst) {
    SearchResult r = Explorer.explore(rt -> {
      Platform p = new ExplorerPlatform(rt, true);
      EventBus bus = new EventBus(p);
      StringBuilder order = new StringBuilder();
      bus.addListener(e -> {
        order.append(((NdisEvent.Note) e).text());
        if (order.toString().equals("ba")) {
          rt.fail("the listener saw b before a", null);
        }
      });
      Runnable a = () -> bus.emit(s -> new NdisEvent.Note(s, Actor.CLIENT, "a"));
      Runnable b = () -> bus.emit(s -> new NdisEvent.Note(s, Actor.NDIS, "b"));
      race(p, spawnedFirst ? a : b, spawnedFirst ? b : a);
    }, OPTIONS);

    assertThat(failures(r)).containsExactly("the listener saw b before a");
  }
}
