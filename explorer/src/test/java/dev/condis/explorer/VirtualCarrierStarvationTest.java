package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A driver thread that spins outside the runtime cannot be stopped. On a virtual carrier it
 * keeps one of the JDK scheduler's OS threads for good; with one such thread (the worst case,
 * {@code verify --workers 1}) nothing virtual could run again. The watchdog's abandoning it
 * must switch the JVM to platform carriers, so that the search and the next ones still finish.
 * Run in a child JVM: the switch is for the life of a JVM.
 */
class VirtualCarrierStarvationTest {

  /** The child: a search whose one branch spins forever, then a search that must complete. */
  public static void main(String[] args) {
    SearchOptions quick = SearchOptions.builder().stallTimeout(Duration.ofMillis(300)).stopOnFirstFailure(false).build();
    SearchResult r = Explorer.explore(rt -> {
      ThreadRef t = rt.spawn("t", () -> { });
      if (rt.choose("spin", 2) == 0) {
        while (true) {
          Thread.onSpinWait();
        }
      }
      rt.join(t);
    }, quick);
    System.out.println("first: " + r.outcome() + " " + r.executions() + " "
        + r.failures().stream().map(f -> f.kind().name()).toList());
    SearchResult next = Explorer.explore(rt -> {
      ThreadRef t = rt.spawn("t", () -> rt.yieldPoint("x"));
      rt.yieldPoint("x");
      rt.join(t);
    }, quick);
    System.out.println("next: " + next.outcome() + " " + next.executions() + " carriers " + Explorer.carriers());
    System.exit(0);
  }

  @Test
  void aSpinningThreadOnAVirtualCarrierDoesNotStarveTheSearches() throws IOException, InterruptedException {
    assumeTrue(java.lang.Runtime.version().feature() >= 21, "virtual threads need JDK 21 or later");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process p = new ProcessBuilder(List.of(java, "-D" + CarrierThreads.PROPERTY + "=virtual",
        "-D" + CarrierThreads.PARALLELISM + "=1", "-cp", System.getProperty("java.class.path"),
        VirtualCarrierStarvationTest.class.getName()))
        .redirectErrorStream(true).start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("the child JVM finished; output so far:%n%s", out).isTrue();
    assertThat(out).contains("first: FAILURE_FOUND 2 [TIMEOUT]").contains("next: COMPLETE 2 carriers platform");
  }
}
