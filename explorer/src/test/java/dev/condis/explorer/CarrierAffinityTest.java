package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Platform carriers of one search run on one CPU, so that a hand-off is a direct switch on
 * that CPU (CarrierAffinity); searches at once get different CPUs; and the setting's bad
 * values are said in one line.
 */
class CarrierAffinityTest {
  /** Asked directly, not through the class under test; loaded only where pinning is on. */
  private static final class Libc {
    static final CarrierAffinity.LibC C = Native.load("c", CarrierAffinity.LibC.class);
  }

  private static int currentCpu() {
    return Libc.C.sched_getcpu();
  }

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
          cpus.add(currentCpu());
          rt.release(l);
        }
      };
      ThreadRef t = rt.spawn("t", body);
      body.run();
      rt.join(t);
    });
    assumePinned(); // still: a refused sched_setaffinity would have turned pinning off
    assertThat(r.failures()).as("no failure: the C library is loaded off the carriers").isEmpty();
    assertThat(r.executions()).isEqualTo(924);
    assertThat(cpus).as("the CPUs the program's threads ran on").hasSize(1);
  }

  @Test
  void searchesAtOnceGetDifferentCpusAndGiveThemBack(@TempDir Path dir) {
    assumePinned();
    CarrierAffinity affinity = CarrierAffinity.create(dir); // its own count of searches and claims
    int first = affinity.acquire();
    int second = affinity.acquire();
    assertThat(first).isNotNegative();
    assertThat(second).isNotNegative().isNotEqualTo(first);
    affinity.release(second);
    assertThat(affinity.acquire()).as("the CPU given back is the least taken again").isEqualTo(second);
  }

  /**
   * A carrier the watchdog gave up may spin on where {@code Thread.stop} is refused (JDK 20+):
   * while it lives, its CPU counts as taken, and a new search goes elsewhere.
   */
  @Test
  void anAbandonedCarrierStillRunningKeepsItsCpuTaken(@TempDir Path dir) throws Exception {
    assumePinned();
    CarrierAffinity affinity = CarrierAffinity.create(dir);
    int cpu = affinity.acquire();
    affinity.release(cpu);
    CountDownLatch end = new CountDownLatch(1);
    Thread spinning = new Thread(() -> {
      try {
        end.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    spinning.start();
    affinity.abandoned(spinning, cpu);
    for (int i = 0; i < 5; i++) {
      int other = affinity.acquire();
      affinity.release(other);
      assertThat(other).as("while the abandoned carrier lives").isNotEqualTo(cpu);
    }
    assertThat(affinity.load(cpu)).isEqualTo(1);
    end.countDown();
    spinning.join();
    assertThat(affinity.load(cpu)).as("once it ended, its CPU is free again").isZero();
  }

  /**
   * Another process with a search pinned to the CPU this one's caller runs on: this JVM's first
   * search takes another CPU, and gets the caller's once the other process has ended.
   */
  @Test
  void aCpuAnotherProcessPinsASearchToIsLeftToIt(@TempDir Path dir) throws Exception {
    assumePinned();
    int here = currentCpu();
    Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), CarrierAffinityTest.class.getName(), dir.toString(), Integer.toString(here))
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the other process claimed CPU %d", here).isEqualTo("claimed " + here);
      CarrierAffinity affinity = CarrierAffinity.create(dir);
      int cpu = affinity.acquire();
      assertThat(cpu).isNotNegative().isNotEqualTo(here);
      affinity.release(cpu);
      other.getOutputStream().close(); // the other process ends, and with it its claim
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
      boolean callers = false;
      for (int i = 0; i < 20 && !callers; i++) { // the caller may move between CPUs: a few tries
        int again = affinity.acquire();
        affinity.release(again);
        callers = currentCpu() == again;
      }
      assertThat(callers).as("with the claim gone, a search gets the caller's CPU again").isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  /** The other process: claims CPU {@code args[1]} in {@code args[0]} until its input closes. */
  public static void main(String[] args) throws IOException {
    int cpu = Integer.parseInt(args[1]);
    CpuClaims claims = new CpuClaims(new int[] {cpu}, Path.of(args[0]));
    System.out.println(claims.claim(0) ? "claimed " + cpu : "not claimed");
    System.out.flush();
    System.in.readAllBytes();
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
