package dev.condis.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Small programs for the tests and the benchmark. Each builds fresh state per execution and,
 * when it completes, reports its final state to {@code out}: shared data is only touched under
 * runtime locks or right after a yield point naming it, as the explorer requires.
 */
final class Corpus {
  private Corpus() {}

  /** A program that reports each completed execution's final state. */
  @FunctionalInterface
  interface Recording {
    Program program(Consumer<String> out);
  }

  record Named(String name, Recording recording) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code n} threads doing {@code k} yield points each on labels of their own. */
  static Program independent(int n, int k) {
    return rt -> {
      for (int t = 0; t < n; t++) {
        String label = "private" + t;
        rt.spawn("t" + t, () -> {
          for (int i = 0; i < k; i++) {
            rt.yieldPoint(label);
          }
        });
      }
    };
  }

  /** Two threads taking and releasing one lock {@code k} times each; reports the lock order. */
  static Program lockOrders(int k, Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("L");
      StringBuilder order = new StringBuilder();
      List<ThreadRef> ts = new ArrayList<>();
      for (String name : new String[] {"a", "b"}) {
        ts.add(rt.spawn(name, () -> {
          for (int i = 0; i < k; i++) {
            rt.acquire(l);
            order.append(name);
            rt.release(l);
          }
        }));
      }
      for (ThreadRef t : ts) {
        rt.join(t);
      }
      out.accept(order.toString());
    };
  }

  /** Two threads on one lock; thread a also makes a choose(3) inside its critical section. */
  static Program chooseInThread(Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("L");
      StringBuilder log = new StringBuilder();
      ThreadRef a = rt.spawn("a", () -> {
        rt.acquire(l);
        log.append("a").append(rt.choose("a.value", 3));
        rt.release(l);
      });
      ThreadRef b = rt.spawn("b", () -> {
        rt.acquire(l);
        log.append("b");
        rt.release(l);
      });
      rt.join(a);
      rt.join(b);
      out.accept(log.toString());
    };
  }

  /** x = x + 1 twice; the unlocked read and write are made visible with yield points on "x". */
  static Program lostUpdate(boolean fixed, Consumer<String> out) {
    return rt -> {
      int[] x = {0};
      LockRef l = rt.newLock("x.lock");
      Runnable inc = () -> {
        if (fixed) {
          rt.acquire(l);
        }
        rt.yieldPoint("x");
        int r = x[0];
        rt.yieldPoint("x");
        x[0] = r + 1;
        if (fixed) {
          rt.release(l);
        }
      };
      ThreadRef a = rt.spawn("inc1", inc);
      ThreadRef b = rt.spawn("inc2", inc);
      rt.join(a);
      rt.join(b);
      out.accept("x=" + x[0]);
      if (x[0] != 2) {
        rt.fail("lost update: x=" + x[0], x[0]);
      }
    };
  }

  /** Two threads taking locks A and B in opposite orders (or, fixed, in the same order). */
  static Program abba(boolean fixed, Consumer<String> out) {
    return rt -> {
      LockRef a = rt.newLock("A");
      LockRef b = rt.newLock("B");
      StringBuilder log = new StringBuilder();
      ThreadRef t1 = rt.spawn("t1", () -> both(rt, a, b, log, "1"));
      ThreadRef t2 = rt.spawn("t2", () -> {
        if (fixed) {
          both(rt, a, b, log, "2");
        } else {
          both(rt, b, a, log, "2");
        }
      });
      rt.join(t1);
      rt.join(t2);
      out.accept(log.toString());
    };
  }

  private static void both(Runtime rt, LockRef first, LockRef second, StringBuilder log, String who) {
    rt.acquire(first);
    rt.acquire(second);
    log.append(who);
    rt.release(second);
    rt.release(first);
  }

  /**
   * Dining philosophers: philosopher i takes forks i and i+1 (mod n), left first; fixed, the
   * lower-numbered fork first. Reports the order in which they ate.
   */
  static Program philosophers(int n, boolean fixed, Consumer<String> out) {
    return rt -> {
      LockRef[] forks = new LockRef[n];
      for (int i = 0; i < n; i++) {
        forks[i] = rt.newLock("fork" + i);
      }
      LockRef tableLock = rt.newLock("table");
      StringBuilder eaten = new StringBuilder();
      List<ThreadRef> ps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int left = i;
        int right = (i + 1) % n;
        int first = fixed ? Math.min(left, right) : left;
        int second = fixed ? Math.max(left, right) : right;
        String name = "p" + i;
        ps.add(rt.spawn(name, () -> {
          rt.acquire(forks[first]);
          rt.acquire(forks[second]);
          rt.acquire(tableLock);
          eaten.append(name);
          rt.release(tableLock);
          rt.release(forks[second]);
          rt.release(forks[first]);
        }));
      }
      for (ThreadRef p : ps) {
        rt.join(p);
      }
      out.accept(eaten.toString());
    };
  }

  /**
   * A request completes while a cancel races it; each runs the completion callback if the
   * request is not done yet. Buggy: check and set are two critical sections, so both can run
   * it. Fixed: one critical section.
   */
  static Program callbackOnce(boolean fixed, Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("request");
      boolean[] done = {false};
      int[] calls = {0};
      StringBuilder who = new StringBuilder();
      Runnable callback = () -> {
        rt.acquire(l);
        calls[0]++;
        who.append(rt.currentThreadName()).append(';');
        int c = calls[0];
        rt.release(l);
        if (c > 1) {
          rt.fail("completion callback ran twice", who.toString());
        }
      };
      Runnable finish = () -> {
        boolean run;
        rt.acquire(l);
        if (fixed) {
          run = !done[0];
          done[0] = true;
          rt.release(l);
        } else {
          run = !done[0];
          rt.release(l);
          if (run) {
            rt.acquire(l);
            done[0] = true;
            rt.release(l);
          }
        }
        if (run) {
          callback.run();
        }
      };
      ThreadRef completion = rt.spawn("complete", finish);
      ThreadRef cancel = rt.spawn("cancel", finish);
      rt.join(completion);
      rt.join(cancel);
      out.accept(who.toString());
    };
  }

  /**
   * Deferred calls: main queues d1; d1 queues d2 and d3 and d3 queues d4 (transitively); a plain
   * thread queues d5 while main awaits, so d5 may or may not be awaited. Each deferred call
   * appends its name under a lock; main reports what it saw after awaiting.
   */
  static Program deferredChain(Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("log");
      StringBuilder log = new StringBuilder();
      java.util.function.Function<String, Runnable> note = name -> () -> {
        rt.acquire(l);
        log.append(name);
        rt.release(l);
      };
      rt.spawnDeferred("d1", () -> {
        note.apply("1").run();
        rt.spawnDeferred("d2", note.apply("2"));
        rt.spawnDeferred("d3", () -> {
          note.apply("3").run();
          rt.spawnDeferred("d4", note.apply("4"));
        });
      });
      ThreadRef late = rt.spawn("late", () -> rt.spawnDeferred("d5", note.apply("5")));
      rt.awaitDeferred();
      rt.acquire(l);
      String seen = log.toString();
      rt.release(l);
      rt.join(late);
      out.accept(seen);
    };
  }

  /** Nested spawns and joins with a data choice: a worker spawns and joins a helper. */
  static Program nestedSpawns(Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("L");
      StringBuilder log = new StringBuilder();
      ThreadRef w = rt.spawn("worker", () -> {
        int pend = rt.choose("pend", 2);
        ThreadRef h = rt.spawn("helper", () -> {
          rt.acquire(l);
          log.append("h");
          rt.release(l);
        });
        if (pend == 1) {
          rt.join(h);
        }
        rt.acquire(l);
        log.append("w").append(pend);
        rt.release(l);
        if (pend == 0) {
          rt.join(h);
        }
      });
      rt.acquire(l);
      log.append("m");
      rt.release(l);
      rt.join(w);
      out.accept(log.toString());
    };
  }

  /** Main joins a thread while holding the lock that thread needs: deadlock in some orders. */
  static Program joinUnderLock(Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("L");
      StringBuilder log = new StringBuilder();
      ThreadRef t = rt.spawn("t", () -> {
        rt.acquire(l);
        log.append("t");
        rt.release(l);
      });
      rt.acquire(l);
      log.append("m");
      rt.join(t);
      rt.release(l);
      out.accept(log.toString());
    };
  }

  /** A bounded polling loop: the consumer polls a flag under the lock up to 3 times. */
  static Program polling(Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("flag");
      boolean[] flag = {false};
      int[] seenAt = {-1};
      ThreadRef consumer = rt.spawn("consumer", () -> {
        for (int i = 0; i < 3; i++) {
          rt.acquire(l);
          boolean f = flag[0];
          rt.release(l);
          if (f) {
            seenAt[0] = i;
            return;
          }
        }
      });
      ThreadRef producer = rt.spawn("producer", () -> {
        rt.acquire(l);
        flag[0] = true;
        rt.release(l);
      });
      rt.join(consumer);
      rt.join(producer);
      out.accept("seenAt=" + seenAt[0]);
    };
  }

  /** Yields on a shared label with a choice in between, plus one failing path. */
  static Program yieldsAndChoices(Consumer<String> out) {
    return rt -> {
      StringBuilder log = new StringBuilder();
      Runnable body = () -> {
        String me = rt.currentThreadName();
        rt.yieldPoint("log");
        log.append(me);
        int v = rt.choose(me + ".v", 2);
        rt.yieldPoint("log");
        log.append(v);
      };
      ThreadRef a = rt.spawn("a", body);
      ThreadRef b = rt.spawn("b", body);
      rt.join(a);
      rt.join(b);
      out.accept(log.toString());
      if (log.toString().equals("ab11")) {
        rt.fail("saw ab11", log.toString());
      }
    };
  }

  /**
   * Regression: classic DPOR adds the racing thread t0 where it sleeps; the order
   * y0 = t2 t0 t0, y1 = t0 t1 then needs main to spawn t2 first (source-set initials).
   */
  static Program sleepingRacer(Consumer<String> out) {
    return rt -> {
      StringBuilder y0 = new StringBuilder();
      StringBuilder y1 = new StringBuilder();
      ThreadRef a = rt.spawn("t0", () -> {
        rt.yieldPoint("y0");
        y0.append(0);
        rt.yieldPoint("y1");
        y1.append(0);
        rt.yieldPoint("y0");
        y0.append(0);
      });
      ThreadRef b = rt.spawn("t1", () -> {
        rt.yieldPoint("y1");
        y1.append(1);
      });
      ThreadRef c = rt.spawn("t2", () -> {
        rt.yieldPoint("y0");
        y0.append(2);
      });
      rt.join(a);
      rt.join(b);
      rt.join(c);
      rt.yieldPoint("y0");
      rt.yieldPoint("y1");
      out.accept("y0=" + y0 + " y1=" + y1);
    };
  }

  /**
   * Regression for reads (random seed 249): t0 writes y0, t1 and t2 read it. The order t2
   * reads, t0 writes, t1 reads was lost twice: first because the write counted as an initial
   * of v.p although t2's read in v must stay before it, then because the race of the write
   * with t1's read was analysed once, before t2's read was in v.
   */
  static Program readsAroundAWrite(Consumer<String> out) {
    return rt -> {
      int[] y0 = {0};
      String[] seen = new String[2];
      ThreadRef a = rt.spawn("t0", () -> {
        rt.yieldPoint("y0");
        y0[0]++;
      });
      ThreadRef b = rt.spawn("t1", () -> {
        rt.readPoint("y0");
        seen[0] = "t1:" + y0[0];
        rt.readPoint("y1");
      });
      ThreadRef c = rt.spawn("t2", () -> {
        rt.readPoint("y0");
        seen[1] = "t2:" + y0[0];
      });
      rt.join(a);
      rt.join(b);
      rt.join(c);
      out.accept(seen[0] + " " + seen[1]);
    };
  }

  /**
   * Regression: a failure in t0 cuts the execution before deferred t1 reaches its acquire, so
   * the race that orders t1 before t2 only shows in longer runs; the failing transition must
   * count as dependent with every pending operation.
   */
  static Program failureHidesARace(Consumer<String> out) {
    return rt -> {
      LockRef l = rt.newLock("L0");
      StringBuilder log = new StringBuilder();
      Runnable check = () -> {
        rt.acquire(l);
        log.append(rt.currentThreadName().charAt(1));
        String seen = log.toString();
        rt.release(l);
        if (seen.equals("20")) {
          rt.fail("t0 saw " + seen, seen);
        }
      };
      ThreadRef t0 = rt.spawn("t0", check);
      rt.spawnDeferred("t1", () -> {
        rt.spawnDeferred("t2", check);
        rt.yieldPoint("y1");
        check.run();
      });
      rt.join(t0);
      rt.awaitDeferred();
      rt.acquire(l);
      out.accept(log.toString());
      rt.release(l);
    };
  }

  /**
   * The cross-lock race the emulation's bookkeeping has (proofs/README.md, "What the dependency
   * relation covers"): one thread frees a shared object under its own lock, another reads it
   * under a different lock. {@code freerFirst} decides which thread is spawned (and so runs by
   * default) first; {@code announced} puts a yield point labelled by the object right before
   * each access, as Platform#sharedAccess does. {@code kind} only names the object: a context's
   * released flag, a handle's validity, or a listener's state fed by two emitters.
   */
  static Program crossLockAccess(String kind, boolean freerFirst, boolean announced, Consumer<String> out) {
    return rt -> {
      LockRef driverLock = rt.newLock("driver");
      LockRef ndisLock = rt.newLock("ndis");
      boolean[] freed = {false};
      StringBuilder seen = new StringBuilder();
      Runnable freer = () -> {
        rt.acquire(driverLock);
        if (announced) {
          rt.yieldPoint(kind);
        }
        freed[0] = true;
        seen.append("free;");
        rt.release(driverLock);
      };
      Runnable user = () -> {
        rt.acquire(ndisLock);
        if (announced) {
          rt.yieldPoint(kind);
        }
        boolean dead = freed[0];
        seen.append("use;");
        rt.release(ndisLock);
        if (dead) {
          rt.fail(kind + " used after it was freed", null);
        }
      };
      ThreadRef a = rt.spawn(freerFirst ? "freer" : "user", freerFirst ? freer : user);
      ThreadRef b = rt.spawn(freerFirst ? "user" : "freer", freerFirst ? user : freer);
      rt.join(a);
      rt.join(b);
      out.accept(seen.toString());
    };
  }

  /**
   * The corpus the soundness test compares with and without reduction (philosophers are left
   * out: 234k executions without reduction; ClassicBugsTest checks all n! eating orders).
   */
  static List<Named> all() {
    return List.of(
        new Named("lockOrders(2)", out -> lockOrders(2, out)),
        new Named("chooseInThread", Corpus::chooseInThread),
        new Named("lostUpdate", out -> lostUpdate(false, out)),
        new Named("lostUpdateFixed", out -> lostUpdate(true, out)),
        new Named("abba", out -> abba(false, out)),
        new Named("abbaFixed", out -> abba(true, out)),
        new Named("callbackTwice", out -> callbackOnce(false, out)),
        new Named("callbackOnce", out -> callbackOnce(true, out)),
        new Named("deferredChain", Corpus::deferredChain),
        new Named("nestedSpawns", Corpus::nestedSpawns),
        new Named("joinUnderLock", Corpus::joinUnderLock),
        new Named("polling", Corpus::polling),
        new Named("yieldsAndChoices", Corpus::yieldsAndChoices),
        new Named("sleepingRacer", Corpus::sleepingRacer),
        new Named("failureHidesARace", Corpus::failureHidesARace),
        new Named("readsAroundAWrite", Corpus::readsAroundAWrite),
        new Named("contextFreedThenTouched", out -> crossLockAccess("context#1", true, true, out)),
        new Named("contextTouchedThenFreed", out -> crossLockAccess("context#1", false, true, out)),
        new Named("handleInvalidatedThenUsed", out -> crossLockAccess("vc#1", true, true, out)),
        new Named("handleUsedThenInvalidated", out -> crossLockAccess("vc#1", false, true, out)),
        new Named("eventsEmittedFreerFirst", out -> crossLockAccess("ndis.events", true, true, out)),
        new Named("eventsEmittedUserFirst", out -> crossLockAccess("ndis.events", false, true, out)));
  }
}
