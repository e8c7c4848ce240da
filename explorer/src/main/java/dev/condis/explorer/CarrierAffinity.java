package dev.condis.explorer;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the platform carriers of one search on one CPU (Linux). Exactly one carrier of a
 * search runs at a time, so no parallelism is lost, and a hand-off between two threads of one
 * CPU is a direct switch: a park/unpark ping-pong on the 2-core development machine (JDK 17)
 * took 2.4 µs per hand-off with both threads on one CPU and 20 µs when the OS woke the other
 * thread on the other CPU. A CoNDIS execution makes about ten hand-offs (explorer/README.md,
 * "What limits the speed").
 *
 * <p>Searches running at once in this JVM get different CPUs while there are enough: each
 * takes an allowed CPU with the fewest searches on it, preferring one that no other process
 * pins a search to ({@link CpuClaims}), then the one its caller runs on. The JIT compiler, the
 * collector and every other thread of the JVM stay unpinned.
 *
 * <p>Off where it cannot help or cannot work: virtual carriers (a hand-off is already a
 * continuation switch on one OS thread), a single allowed CPU, an OS other than Linux, JNA
 * unable to load the C library, or a JDK 24+ not run with {@code
 * --enable-native-access=ALL-UNNAMED} (loading JNA would print the JDK's warning). {@code
 * -Dcondis.explorer.pinning=off} turns it off. It changes only where threads run: the search,
 * its figures and counterexamples are the same.
 */
final class CarrierAffinity {
  /** glibc's cpu_set_t: 1,024 CPUs. */
  private static final int MASK_LONGS = 16;
  private static final int MASK_BYTES = MASK_LONGS * Long.BYTES;

  /** The C library's scheduler calls; the pid 0 means the calling thread. */
  interface LibC extends Library {
    int sched_getaffinity(int pid, int cpusetsize, long[] mask);

    int sched_setaffinity(int pid, int cpusetsize, long[] mask);

    int sched_getcpu();
  }

  /** A carrier's pinning before its first job: what it inherited from its creator, not known. */
  static final int UNKNOWN = Integer.MIN_VALUE;
  private static volatile CarrierAffinity instance;

  private final LibC libc; // null when off
  private final int[] cpus; // the CPUs this process may run on
  private final long[] allowed; // their mask
  private final int[] searches; // searches pinned to each of cpus, now
  private final CpuClaims claims; // which of cpus other processes pin searches to
  private final List<Abandoned> abandoned = new ArrayList<>(); // carriers the watchdog gave up

  /** An abandoned carrier's thread, and the index in {@link #cpus} of the CPU it is pinned to. */
  private record Abandoned(Thread thread, int index) {}
  private volatile String off; // why not, or null
  private volatile boolean paused; // Explorer.pinCarriers(false)

  private CarrierAffinity(LibC libc, long[] allowed, String off, Path claimsDir) {
    this.libc = libc;
    this.allowed = allowed;
    this.cpus = allowed == null ? new int[0] : cpusOf(allowed);
    this.searches = new int[cpus.length];
    this.claims = new CpuClaims(cpus, claimsDir);
    this.off = off;
  }

  /** This JVM's, made at the first platform-carrier search. */
  static synchronized CarrierAffinity get() {
    if (instance == null) {
      instance = create(Path.of(System.getProperty("java.io.tmpdir")));
    }
    return instance;
  }

  /**
   * What a new carrier is pinned to: -1 (every CPU) while nothing was ever pinned, else {@link
   * #UNKNOWN}, since a thread inherits its creator's pinning. Never sets pinning up itself, so
   * a carrier may call it.
   */
  static int inherited() {
    CarrierAffinity a = instance;
    return a == null || a.libc == null ? -1 : UNKNOWN;
  }

  /** A new one, with no searches yet: {@link #get} makes this JVM's, tests their own. */
  static CarrierAffinity create(Path claimsDir) {
    if (ExplorerProperties.pinning().equals("off")) {
      return new CarrierAffinity(null, null, "-D" + ExplorerProperties.PINNING + "=off", claimsDir);
    }
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
      return new CarrierAffinity(null, null, "not Linux", claimsDir);
    }
    if (java.lang.Runtime.version().feature() >= 24 && !nativeAccessEnabled()) {
      // JNA's System.load would print the JDK's restricted-method warning (JEP 472).
      return new CarrierAffinity(null, null, "JDK 24+ without --enable-native-access=ALL-UNNAMED", claimsDir);
    }
    LibC libc;
    try {
      libc = Native.load("c", LibC.class);
    } catch (LinkageError | RuntimeException e) {
      return new CarrierAffinity(null, null, "JNA cannot load the C library (" + e.getMessage() + ")", claimsDir);
    }
    long[] mask = new long[MASK_LONGS];
    if (libc.sched_getaffinity(0, MASK_BYTES, mask) != 0) {
      return new CarrierAffinity(null, null, "sched_getaffinity failed", claimsDir);
    }
    if (cpusOf(mask).length < 2) {
      return new CarrierAffinity(null, null, "one CPU allowed", claimsDir);
    }
    return new CarrierAffinity(libc, mask, null, claimsDir);
  }

  /** {@code Module.isNativeAccessEnabled()} (JDK 22+) of JNA's module, through reflection. */
  private static boolean nativeAccessEnabled() {
    try {
      Module m = Native.class.getModule();
      return (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(m);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private static int[] cpusOf(long[] mask) {
    int n = 0;
    for (long word : mask) {
      n += Long.bitCount(word);
    }
    int[] out = new int[n];
    int k = 0;
    for (int cpu = 0; cpu < mask.length * 64; cpu++) {
      if ((mask[cpu / 64] & (1L << (cpu % 64))) != 0) {
        out[k++] = cpu;
      }
    }
    return out;
  }

  /** "pinned: ...", or "not pinned: " and why (the benchmarks print it). */
  String describe() {
    String why = off != null ? off : paused ? "Explorer.pinCarriers(false)" : null;
    return why == null ? "pinned: one CPU per search" : "not pinned: " + why;
  }

  /** Pins the searches that start from now on, or not (where it is on at all). */
  void setPaused(boolean paused) {
    this.paused = paused;
  }

  /**
   * The CPU a starting search's carriers run on, or -1 for none (off, or virtual carriers).
   * Give it back with {@link #release}.
   */
  synchronized int acquire() {
    if (off != null || paused || CarrierThreads.virtual()) {
      return -1;
    }
    int here = libc.sched_getcpu();
    int[] load = load();
    int min = Integer.MAX_VALUE;
    for (int n : load) {
      min = Math.min(min, n);
    }
    // Among the CPUs with the fewest of this JVM's searches (and abandoned carriers): one no
    // other process has claimed (CpuClaims) if there is one, else any; the caller's own CPU
    // first in both passes.
    int chosen = -1;
    for (int pass = 0; pass < 2 && chosen < 0; pass++) {
      for (int k = -1; k < cpus.length && chosen < 0; k++) {
        int i = k < 0 ? indexOf(here) : k;
        if (i >= 0 && load[i] == min && (pass == 1 || claims.claim(i))) {
          chosen = i;
        }
      }
    }
    searches[chosen]++;
    return cpus[chosen];
  }

  /** Searches on each of {@link #cpus}, and abandoned carriers still running there. */
  private int[] load() {
    int[] load = searches.clone();
    abandoned.removeIf(a -> !a.thread().isAlive());
    for (Abandoned a : abandoned) {
      load[a.index()]++;
    }
    return load;
  }

  /** What {@link #acquire} counts on {@code cpu}: searches and abandoned carriers alive. */
  synchronized int load(int cpu) {
    int i = indexOf(cpu);
    return i < 0 ? 0 : load()[i];
  }

  /**
   * The watchdog gave up {@code carrier}, pinned to {@code cpu}: it may spin on (JDK 20+ refuse
   * {@code Thread.stop}), so its CPU counts as taken by a search for as long as it lives.
   */
  synchronized void abandoned(Thread carrier, int cpu) {
    int i = indexOf(cpu);
    if (i >= 0) {
      abandoned.add(new Abandoned(carrier, i));
    }
  }

  synchronized void release(int cpu) {
    int i = indexOf(cpu);
    if (i >= 0 && searches[i] > 0 && --searches[i] == 0) {
      claims.release(i);
    }
  }

  private int indexOf(int cpu) {
    for (int i = 0; i < cpus.length; i++) {
      if (cpus[i] == cpu) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Pins the calling thread, a platform carrier, to {@code cpu}, or back to every allowed CPU
   * for -1 (its caller checked it is pinned otherwise now). Returns what it is pinned to now.
   * A failure (the process's CPUs changed under it) turns pinning off for the searches that
   * start later.
   */
  int pinCurrentThread(int cpu) {
    if (libc == null) {
      return -1; // never pinned anything
    }
    long[] mask = allowed;
    if (cpu >= 0) {
      mask = new long[MASK_LONGS];
      mask[cpu / 64] = 1L << (cpu % 64);
    }
    if (libc.sched_setaffinity(0, MASK_BYTES, mask) != 0) {
      off = "sched_setaffinity to CPU " + cpu + " failed";
      return -1; // not tried again for this carrier
    }
    return cpu;
  }
}
