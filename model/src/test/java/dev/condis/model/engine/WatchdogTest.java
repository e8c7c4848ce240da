package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.condis.model.explorer.ExplorerEngine;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The watchdog is progress-based: a driver that blocks or spins outside the Platform is a
 * {@code hang} violation naming its thread, method and stack, with a schedule that replays up to
 * the hang; a correct scenario on a loaded machine is never INCONCLUSIVE because of it.
 */
class WatchdogTest {

  /** Spins for ever in ProtocolClMakeCallComplete without a Platform call. */
  public static final class SpinningClient extends ReferenceClient {
    private volatile boolean stop;

    @Override
    public void makeCall(int parties) {
      while (!stop) {
        Thread.onSpinWait();
      }
    }
  }

  private static ScenarioConfig makeClose(Optional<String> client) {
    return ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).config(0, CallManagerKind.MCM, VcOwner.CLIENT,
        FaultSet.none(), new DriverSelection(client, Optional.empty(), Optional.empty(), List.of()));
  }

  private static VerificationResult verify(ScenarioConfig config, Bounds bounds) {
    return new ExplorerEngine().verify(new VerificationRequest(config,
        ImmutableList.copyOf(PropertyCatalog.defaultPropertyClasses()), bounds, ProgressListener.NONE, ImmutableMap.of()));
  }

  @Test
  void aSpinningDriverIsAHangViolationNamingItsMethod() {
    VerificationResult r = verify(makeClose(Optional.of(SpinningClient.class.getName())),
        Runs.TEST_BOUNDS.withExecutionTimeout(Duration.ofMillis(500)));

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VIOLATION);
    Counterexample c = r.counterexample().orElseThrow();
    assertThat(c.violation().property()).isEqualTo(PropertyCatalog.HANG);
    assertThat(c.violation().ruleId()).isEqualTo("IRQL-4");
    assertThat(c.violation().message())
        .contains("thread 'main' made no runtime call for 500 ms")
        .contains(", at " + SpinningClient.class.getName() + ".makeCall(WatchdogTest.java:")
        .contains("stack:");
  }

  /** INCONCLUSIVE stays what it is, a bound reached, and the budget holds below the watchdog. */
  @Test
  void aTimeBudgetShorterThanTheWatchdogEndsTheSearchAsInconclusiveOnTime() {
    long t0 = System.nanoTime();
    VerificationResult r = verify(makeClose(Optional.of(SpinningClient.class.getName())),
        Runs.TEST_BOUNDS.withTimeBudget(Duration.ofSeconds(2)).withExecutionTimeout(Bounds.DEFAULT_EXECUTION_TIMEOUT));

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.detail().orElseThrow()).contains("time budget");
  }

  @Test
  void aLoadedMachineGivesNoSpuriousVerdict() throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> busy = new ArrayList<>();
    for (int i = 0; i < 2 * java.lang.Runtime.getRuntime().availableProcessors(); i++) {
      Thread t = new Thread(() -> {
        long x = 0;
        while (!stop.get()) {
          x += System.nanoTime() % 7;
        }
      }, "busy-" + i);
      t.setDaemon(true);
      t.start();
      busy.add(t);
    }
    try {
      for (String scenario : List.of(ScenarioCatalog.INCOMING_CLOSE_RACE, ScenarioCatalog.INCOMING_DROP_RACE)) {
        ScenarioConfig config = ScenarioCatalog.get(scenario).config(
            ScenarioCatalog.get(scenario).defaultParties(), CallManagerKind.MCM, VcOwner.CLIENT, FaultSet.none(),
            DriverSelection.REFERENCE);
        // The default watchdog, as the CLI runs it: progress, not wall time, decides.
        VerificationResult r = verify(config, Runs.TEST_BOUNDS.withExecutionTimeout(Bounds.DEFAULT_EXECUTION_TIMEOUT));
        assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VERIFIED);
      }
    } finally {
      stop.set(true);
      for (Thread t : busy) {
        t.join();
      }
    }
  }
}
