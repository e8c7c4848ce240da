package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.proof.ProofCertificate;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.system.CallManagerKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A driver that starts a java.lang.Thread of its own is outside what any run explores: the
 * instance is a VIOLATION of the engine property controlled-threads (never VERIFIED, never a
 * PROVED certificate), naming the thread and where it runs, whether or not the thread calls the
 * Platform. The explorer sees a thread when it is created on a controlled thread (it inherits a
 * thread-local), and otherwise when it calls the Platform or is alive at the end.
 */
@Isolated // its threads would be blamed on any search running beside it (explorer/README.md)
class OwnThreadTest {

  /**
   * Closes its call from a thread of its own, made without inheriting thread-locals (so its
   * creation is not seen): the Platform is used from an uncontrolled thread.
   */
  public static final class ClosesOnItsOwnThread extends ReferenceClient {
    @Override
    public void closeCall() {
      Thread t = new Thread(null, super::closeCall, "my-closer", 0, false);
      t.start();
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts a thread that only touches a plain field, no Platform call, and is still alive when the execution ends. */
  public static final class CountsOnItsOwnThread extends ReferenceClient {
    private volatile int counted;

    @Override
    public void makeCall(int parties) {
      Thread t = new Thread(() -> {
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          return;
        }
        counted++;
      }, "my-counter");
      t.setDaemon(true);
      t.start();
      super.makeCall(parties);
    }
  }

  /** Races on a plain field from a thread of its own that ends before the execution does. */
  public static final class RacesOnItsOwnThread extends ReferenceClient {
    private int calls;

    @Override
    public void makeCall(int parties) {
      Thread t = new Thread(() -> calls++);
      t.start();
      calls++;
      super.makeCall(parties);
    }
  }

  private static VerificationResult verify(Class<?> client) {
    ScenarioConfig config = ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).config(0, CallManagerKind.MCM,
        VcOwner.CLIENT, FaultSet.none(),
        new DriverSelection(Optional.of(client.getName()), Optional.empty(), Optional.empty(), List.of()));
    return Runs.verify(config);
  }

  @Test
  void aDriversOwnThreadCallingThePlatformIsAViolation() {
    VerificationResult r = verify(ClosesOnItsOwnThread.class);

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VIOLATION);
    assertThat(r.counterexample().orElseThrow().violation().property()).isEqualTo(PropertyCatalog.CONTROLLED_THREADS);
    assertThat(r.counterexample().orElseThrow().violation().message())
        .contains("thread 'my-closer', which the explorer does not control, called the runtime")
        .contains("; first driver frame: dev.condis.reference.client.");
    assertThat(ProofCertificate.status(r)).isNotEqualTo(ProofCertificate.Status.PROVED);
  }

  @Test
  void aDriversOwnThreadWithoutPlatformCallsIsAViolationToo() {
    VerificationResult r = verify(CountsOnItsOwnThread.class);

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VIOLATION);
    assertThat(r.counterexample().orElseThrow().violation().property()).isEqualTo(PropertyCatalog.CONTROLLED_THREADS);
    assertThat(r.counterexample().orElseThrow().violation().message())
        .contains("created a thread of its own")
        .contains(" at " + CountsOnItsOwnThread.class.getName() + ".makeCall(OwnThreadTest.java:");
  }

  @Test
  void aDriversThreadIsSeenWhenItIsCreatedEvenIfItEndsFirst() {
    VerificationResult r = verify(RacesOnItsOwnThread.class);

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.VIOLATION);
    assertThat(r.counterexample().orElseThrow().violation().property()).isEqualTo(PropertyCatalog.CONTROLLED_THREADS);
    assertThat(r.counterexample().orElseThrow().violation().message())
        .contains("created a thread of its own")
        .contains(" at " + RacesOnItsOwnThread.class.getName() + ".makeCall(OwnThreadTest.java:");
    assertThat(ProofCertificate.status(r)).isNotEqualTo(ProofCertificate.Status.PROVED);
  }
}
