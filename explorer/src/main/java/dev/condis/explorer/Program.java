package dev.condis.explorer;

/**
 * The body of the main controlled thread ("main", thread index 0).
 *
 * <p>The explorer calls {@link #run} once per execution, so it must build fresh state on every
 * call and be deterministic: the same decisions must lead to the same runtime calls. All state
 * shared between controlled threads must be accessed under a {@link LockRef} (or right after a
 * {@link Runtime#yieldPoint} naming it): the explorer only sees, and only reorders, runtime calls.
 */
@FunctionalInterface
public interface Program {
  void run(Runtime rt) throws Exception;
}
