package dev.condis.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Program threads run on virtual threads where the JDK makes that safe (24 and later) or where
 * {@code -Dcondis.explorer.carriers} asks for them, and on platform threads otherwise. The
 * build runs the explorer's tests on both where a JDK 24+ is installed (explorer/pom.xml).
 */
class CarrierKindTest {

  @Test
  void theCarriersAreWhatTheJdkAndThePropertySay() {
    String asked = System.getProperty(CarrierThreads.PROPERTY, "");
    String expected = !asked.isEmpty() ? asked : java.lang.Runtime.version().feature() >= 24 ? "virtual" : "platform";
    assertThat(Explorer.carriers()).isEqualTo(expected);
  }

  @Test
  void programThreadsRunOnThatKindOfThread() {
    AtomicBoolean allVirtual = new AtomicBoolean(true);
    AtomicBoolean anyVirtual = new AtomicBoolean(false);
    SearchResult r = Explorer.explore(rt -> {
      ThreadRef t = rt.spawn("t", () -> record(allVirtual, anyVirtual));
      record(allVirtual, anyVirtual);
      rt.join(t);
    });
    assertThat(r.failures()).isEmpty();
    boolean virtual = Explorer.carriers().equals("virtual");
    assertThat(allVirtual.get()).isEqualTo(virtual);
    assertThat(anyVirtual.get()).isEqualTo(virtual);
  }

  private static void record(AtomicBoolean all, AtomicBoolean any) {
    boolean v = isVirtual(Thread.currentThread());
    all.compareAndSet(true, v);
    if (v) {
      any.set(true);
    }
  }

  /** {@code Thread.isVirtual()}, which the Java 17 build cannot name. */
  private static boolean isVirtual(Thread t) {
    try {
      return (Boolean) Thread.class.getMethod("isVirtual").invoke(t);
    } catch (ReflectiveOperationException e) {
      return false; // before JDK 21
    }
  }
}
