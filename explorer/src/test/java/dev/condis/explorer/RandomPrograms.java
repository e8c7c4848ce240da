package dev.condis.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Random small programs for differential testing of the reduction. A program is a list of
 * threads, each a list of instructions; every shared access is under a lock or right after a
 * yield point on its label, and every thread is joined or awaited before main reports, so the
 * final report is a function of the Mazurkiewicz trace.
 */
final class RandomPrograms {
  private RandomPrograms() {}

  /** One instruction: kind and argument. */
  record Ins(char kind, int arg) {
    @Override
    public String toString() {
      return "" + kind + arg;
    }
  }

  /** Thread bodies: body 0..n-1 spawned by main; kind 'S' spawns body arg and joins it at the end, 'D' spawns it deferred. */
  record Spec(List<List<Ins>> bodies, int topLevel, List<Boolean> deferred) {
    @Override
    public String toString() {
      return "top=" + topLevel + " deferred=" + deferred + " bodies=" + bodies;
    }
  }

  static final int LOCKS = 3;

  /**
   * Kinds: 'L' acquire lock arg (appending the thread to its log), 'U' release the most recent
   * lock held, 'Y' yield on label arg then append to its log (a write), 'R' read point on
   * label arg then append the log's length to the thread's own log (a read), 'C' choose(2) appended to the
   * thread's own log, 'S'/'D' spawn child body arg (joined / deferred), 'F' fail if lock 0's
   * log (read under lock 0) equals a fixed pattern.
   */
  static Spec generate(long seed, int threads, int length) {
    Random r = new Random(seed);
    List<List<Ins>> bodies = new ArrayList<>();
    List<Boolean> deferred = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      bodies.add(new ArrayList<>());
      deferred.add(r.nextInt(4) == 0);
    }
    int children = r.nextInt(3) == 0 ? 1 : 0;
    for (int c = 0; c < children; c++) {
      int parent = r.nextInt(threads);
      bodies.add(new ArrayList<>());
      deferred.add(r.nextBoolean());
      bodies.get(parent).add(new Ins(deferred.get(threads + c) ? 'D' : 'S', threads + c));
    }
    for (int b = 0; b < bodies.size(); b++) {
      List<Ins> body = bodies.get(b);
      int held = 0;
      int n = b < threads ? length : Math.max(1, length / 2);
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(10);
        if (k < 4 && held < 2) {
          body.add(new Ins('L', r.nextInt(LOCKS)));
          held++;
        } else if (k < 6 && held > 0) {
          body.add(new Ins('U', 0));
          held--;
        } else if (k < 8) {
          body.add(new Ins(r.nextBoolean() ? 'Y' : 'R', r.nextInt(2)));
        } else if (k < 9) {
          body.add(new Ins('C', 0));
        } else {
          body.add(new Ins('F', 0));
        }
      }
      for (; held > 0; held--) {
        body.add(new Ins('U', 0));
      }
    }
    return new Spec(bodies, threads, deferred);
  }

  static Program program(Spec spec, Consumer<String> out) {
    return rt -> {
      LockRef[] locks = new LockRef[LOCKS];
      StringBuilder[] lockLogs = new StringBuilder[LOCKS];
      for (int i = 0; i < LOCKS; i++) {
        locks[i] = rt.newLock("L" + i);
        lockLogs[i] = new StringBuilder();
      }
      StringBuilder[] labelLogs = {new StringBuilder(), new StringBuilder()};
      StringBuilder[] ownLogs = new StringBuilder[spec.bodies().size()];
      for (int i = 0; i < ownLogs.length; i++) {
        ownLogs[i] = new StringBuilder();
      }
      List<ThreadRef> joinable = new ArrayList<>();
      for (int t = 0; t < spec.topLevel(); t++) {
        Runnable body = body(rt, spec, t, locks, lockLogs, labelLogs, ownLogs);
        if (spec.deferred().get(t)) {
          rt.spawnDeferred("t" + t, body);
        } else {
          joinable.add(rt.spawn("t" + t, body));
        }
      }
      for (ThreadRef t : joinable) {
        rt.join(t);
      }
      rt.awaitDeferred();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < LOCKS; i++) {
        rt.acquire(locks[i]);
        sb.append("L").append(i).append('=').append(lockLogs[i]).append(' ');
        rt.release(locks[i]);
      }
      for (int i = 0; i < 2; i++) {
        rt.yieldPoint("y" + i);
        sb.append("Y").append(i).append('=').append(labelLogs[i]).append(' ');
      }
      for (StringBuilder own : ownLogs) {
        sb.append(own).append(' ');
      }
      out.accept(sb.toString());
    };
  }

  private static Runnable body(Runtime rt, Spec spec, int b, LockRef[] locks,
      StringBuilder[] lockLogs, StringBuilder[] labelLogs, StringBuilder[] ownLogs) {
    return () -> {
      String me = "t" + b;
      List<Integer> held = new ArrayList<>();
      List<ThreadRef> children = new ArrayList<>();
      for (Ins ins : spec.bodies().get(b)) {
        switch (ins.kind()) {
          case 'L' -> {
            int l = ins.arg();
            if (held.contains(l)) {
              continue; // no re-entry: skip, the matching 'U' then releases another or nothing
            }
            rt.acquire(locks[l]);
            lockLogs[l].append(b);
            held.add(l);
          }
          case 'U' -> {
            if (!held.isEmpty()) {
              rt.release(locks[held.remove(held.size() - 1)]);
            }
          }
          case 'Y' -> {
            rt.yieldPoint("y" + ins.arg());
            labelLogs[ins.arg()].append(b);
          }
          case 'R' -> {
            // A read of the label's log: what it saw goes to the thread's own log, so every
            // order of this read against the label's writes is a different final state.
            rt.readPoint("y" + ins.arg());
            ownLogs[b].append('r').append(labelLogs[ins.arg()].length());
          }
          case 'C' -> ownLogs[b].append(rt.choose(me + ".c", 2));
          case 'S' -> children.add(rt.spawn("t" + ins.arg(),
              body(rt, spec, ins.arg(), locks, lockLogs, labelLogs, ownLogs)));
          case 'D' -> rt.spawnDeferred("t" + ins.arg(),
              body(rt, spec, ins.arg(), locks, lockLogs, labelLogs, ownLogs));
          case 'F' -> {
            boolean mine = held.contains(0);
            if (!mine) {
              rt.acquire(locks[0]);
            }
            lockLogs[0].append(b); // logged like any acquisition, so the report fixes its order
            String log = lockLogs[0].toString();
            if (!mine) {
              rt.release(locks[0]);
            }
            if (log.length() >= 2 && log.charAt(0) > log.charAt(1)) {
              rt.fail("t" + b + " saw L0 log " + log, log);
            }
          }
          default -> throw new IllegalStateException("bad instruction " + ins);
        }
      }
      for (ThreadRef c : children) {
        rt.join(c);
      }
    };
  }
}
