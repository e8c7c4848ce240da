package dev.condis.explorer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which CPUs other processes pin explorer searches to: one lock file per CPU in the temporary
 * directory ({@code condis-explorer-cpu-N.lock}), locked by the process for as long as it has a
 * search pinned there. The OS releases the lock of a process that dies, so nothing goes stale.
 * Two condis-verify processes started together (shards on one machine, two CI jobs on one
 * runner) would otherwise both take the CPU their callers happened to run on. Where a lock file
 * cannot be opened (a read-only or shared temporary directory) the CPU counts as free: the
 * claim is advice, never a condition for running.
 */
final class CpuClaims {
  private final Path dir;
  private final FileChannel[] files;
  private final FileLock[] held;
  private final int[] cpus;

  CpuClaims(int[] cpus, Path dir) {
    this.cpus = cpus.clone();
    this.dir = dir;
    this.files = new FileChannel[cpus.length];
    this.held = new FileLock[cpus.length];
  }

  /** Claims {@code cpus[i]} for this process if no other process holds it; true if this one does now. */
  synchronized boolean claim(int i) {
    if (held[i] != null) {
      return true;
    }
    try {
      if (files[i] == null) {
        files[i] = FileChannel.open(dir.resolve("condis-explorer-cpu-" + cpus[i] + ".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      }
      held[i] = files[i].tryLock();
      return held[i] != null;
    } catch (IOException | OverlappingFileLockException | SecurityException e) {
      return true; // cannot tell: as if free
    }
  }

  /** Gives {@code cpus[i]} back to the other processes. */
  synchronized void release(int i) {
    FileLock lock = held[i];
    held[i] = null;
    if (lock != null) {
      try {
        lock.release();
      } catch (IOException e) {
        // the channel closed under it: nothing is held any more
      }
    }
  }
}
