package dev.condis.jpf;

import com.google.common.hash.HashCode;
import dev.condis.model.scenario.Checkpoints;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The explorer's state checkpoints ({@link Checkpoints}) inside Java PathFinder: the states
 * seen at the scenario's quiescent points are kept in JPF's {@code Verify.putValue} table,
 * which lives in the host JVM and is not backtracked, so a state recorded on one path is
 * still known when JPF comes back along another. {@link JpfMain} then ends the current path
 * with {@code Verify.ignoreIf(true)}: the first path to reach that state explored its whole
 * future (the point number is part of the state, so it is never reached again below itself).
 *
 * <p>Why JPF needs it although it matches states itself: JPF's states include what the
 * fingerprint leaves out at a quiescent point (the finished platform threads, the order the
 * heap was allocated in), so interleavings that end a phase in the same NDIS, driver and
 * property state rarely match in JPF and their futures are explored again. Same assumption as
 * the explorer's (proofs/README.md); {@code jpf.checkpoints=false} switches it off.
 *
 * <p>Reached by reflection, so nothing here needs JPF to compile.
 */
final class JpfSeenStates implements Checkpoints.Store {
  private static final String PREFIX = "condis.state.";
  /** {@code Verify.NO_VALUE}: the key was never put. */
  private static final int NO_VALUE = -1;

  private final Method getValue;
  private final Method putValue;
  private final Method ignoreIf;

  private JpfSeenStates(Class<?> verify) throws NoSuchMethodException {
    getValue = verify.getMethod("getValue", String.class);
    putValue = verify.getMethod("putValue", String.class, int.class);
    ignoreIf = verify.getMethod("ignoreIf", boolean.class);
  }

  /** The store, when this runs under JPF; null otherwise (one execution: nothing to match). */
  static JpfSeenStates underJpf() {
    if (!dev.condis.reference.platform.JavaPlatform.underJpf()) {
      return null;
    }
    try {
      return new JpfSeenStates(Class.forName("gov.nasa.jpf.vm.Verify"));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  @Override
  public boolean reachedBefore(HashCode state, long path) {
    String key = PREFIX + state;
    if ((Integer) call(getValue, key) != NO_VALUE) {
      return true;
    }
    call(putValue, key, 1);
    return false;
  }

  /** Ends the current path: JPF backtracks, and nothing after this call runs on it. */
  void ignorePath() {
    call(ignoreIf, true);
  }

  private static Object call(Method m, Object... args) {
    try {
      return m.invoke(null, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call gov.nasa.jpf.vm.Verify." + m.getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("gov.nasa.jpf.vm.Verify." + m.getName() + " failed", e.getCause());
    }
  }
}
