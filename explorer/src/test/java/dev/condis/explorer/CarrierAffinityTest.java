package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Platform carriers of one search run on one CPU, so that a hand-off is a direct switch on
 * that CPU (CarrierAffinity); searches at once get different CPUs; and the setting's bad
 * values are said in one line.
 */
class CarrierAffinityTest {
  /** Asked directly, not through the class under test. */
  private static final CarrierAffinity.LibC LIBC = Native.load("c", CarrierAffinity.LibC.class);

  private static void assumePinned() {
    assumeTrue(Explorer.pinning().startsWith("pinned"), () -> "carriers are " + Explorer.pinning());
  }

  @Test
  void everyThreadOfASearchRunsOnTheOneCpuItWasGiven() {
    assumePinned();
    Set<Integer> cpus = ConcurrentHashMap.newKeySet();
    // Two threads taking one lock six times each: 924 executions of about a dozen hand-offs each.
    SearchResult r = Explorer.explore(rt -> {
      LockRef l = rt.newLock("l");
      Runnable body = () -> {
        for (int i = 0; i < 6; i++) {
          rt.acquire(l);
          cpus.add(LIBC.sched_getcpu());
          rt.release(l);
        }
      };
      ThreadRef t = rt.spawn("t", body);
      body.run();
      rt.join(t);
    });
    assertThat(r.failures()).as("no failure: the C library is loaded off the carriers").isEmpty();
    assertThat(r.executions()).isEqualTo(924);
    assertThat(cpus).as("the CPUs the program's threads ran on").hasSize(1);
  }

  @Test
  void searchesAtOnceGetDifferentCpusAndGiveThemBack() {
    assumePinned();
    CarrierAffinity affinity = CarrierAffinity.create(); // its own count of searches
    int first = affinity.acquire();
    int second = affinity.acquire();
    assertThat(first).isNotNegative();
    assertThat(second).isNotNegative().isNotEqualTo(first);
    affinity.release(second);
    assertThat(affinity.acquire()).as("the CPU given back is the least taken again").isEqualTo(second);
  }

  @Test
  void theSettingTakesAutoOrOffAndNothingElse() {
    assertThat(ExplorerProperties.pinning("")).isEqualTo("auto");
    assertThat(ExplorerProperties.pinning(" OFF ")).isEqualTo("off");
    assertThatThrownBy(() -> ExplorerProperties.pinning("maybe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-Dcondis.explorer.pinning must be 'auto' or 'off', not 'maybe'");
    assertThatThrownBy(() -> ExplorerProperties.carriers("green"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("-Dcondis.explorer.carriers must be 'platform' or 'virtual', not 'green'");
  }
}
