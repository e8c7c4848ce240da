package dev.condis.model.scenario;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import dev.condis.reference.platform.ThreadHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A canonical 128-bit hash of the whole state of one execution at a quiescent point (only the
 * harness thread alive, every deferred call finished, no lock held): the emulated NDIS, the
 * drivers and the property listeners, reached by reflection from the roots.
 *
 * <p>It exists for one optimisation in {@link ScenarioContext#settle()}: a stateless search
 * re-explores the whole future of a scenario's next phase for every interleaving of the phase
 * before, although many of them end in the same state. Two executions whose states at the same
 * quiescent point hash equal have the same futures (everything after the point happens after
 * every earlier event, so no reordering spans it), so the second one can stop there.
 *
 * <p>The hash must never call two different states equal: objects are walked field by field
 * (ordered collections in order, unordered ones by the sorted hashes of their elements, shared
 * references and cycles by their visit index); anything it does not know how to read
 * canonically throws {@link Unfingerprintable}, and the caller then stops using checkpoints
 * for that search. Platform objects (threads, the controlled runtime) are left out: at a
 * quiescent point they hold nothing but names. So are the search's own ledgers ({@link
 * RuleChecks}, {@link Premises}): they grow across executions and say nothing of this one.
 *
 * <p>Static fields are state too (a user driver may keep a counter in one): the first time a
 * class outside the JDK is met, its static fields are walked like instance fields, except
 * constants ({@code static final} holding null, a string, a boxed primitive, an enum constant,
 * a class or a Guava immutable collection). One that cannot be read canonically switches the
 * cache off, with the field named in the reason.
 *
 * <p>{@link #text} gives the same walk as canonical text instead of a hash: the full state,
 * which the cache's audit mode compares on a hit (see {@link Checkpoints}).
 */
final class StateFingerprint {

  /** The state holds something this class cannot read canonically. */
  static final class Unfingerprintable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unfingerprintable(String message) {
      super(message, null, false, false);
    }
  }

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, List<Field>> STATIC_FIELDS = new ConcurrentHashMap<>();

  private final IdentityHashMap<Object, Integer> visited;
  private final Set<Class<?>> staticsSeen;
  private final Hasher hasher = Hashing.murmur3_128().newHasher();
  private final StringBuilder text;
  private int depth;

  private StateFingerprint(IdentityHashMap<Object, Integer> visited, Set<Class<?>> staticsSeen, StringBuilder text) {
    this.visited = visited;
    this.staticsSeen = staticsSeen;
    this.text = text;
  }

  static HashCode of(Object... roots) {
    StateFingerprint f = new StateFingerprint(new IdentityHashMap<>(), new HashSet<>(), null);
    for (Object root : roots) {
      f.visit(root);
    }
    return f.hasher.hash();
  }

  /** The full state the hash is taken of, as canonical text (for auditing cache hits). */
  static String text(Object... roots) {
    StateFingerprint f = new StateFingerprint(new IdentityHashMap<>(), new HashSet<>(), new StringBuilder());
    for (Object root : roots) {
      f.visit(root);
    }
    return f.text.toString();
  }

  private void tag(String s) {
    hasher.putString(s, StandardCharsets.UTF_8).putByte((byte) 0);
    if (text != null) {
      text.append(s).append('\n');
    }
  }

  private void visit(Object o) {
    if (++depth > 10_000) {
      throw new Unfingerprintable("state too deep");
    }
    try {
      visitInner(o);
    } finally {
      depth--;
    }
  }

  private void visitInner(Object o) {
    if (o == null) {
      tag("null");
      return;
    }
    Class<?> c = o.getClass();
    if (o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Character) {
      tag(c.getName() + ":" + o);
      return;
    }
    if (o instanceof Enum<?> e) {
      tag("enum:" + e.getDeclaringClass().getName() + "." + e.name());
      return;
    }
    if (o instanceof Class<?> k) {
      tag("class:" + k.getName());
      return;
    }
    if (o instanceof PlatformLock l) {
      // Free at a quiescent point unless a thread ended holding it: that must not be
      // conflated with a free lock.
      tag("lock:" + l.name() + (o instanceof Checkpoints.HeldBy h ? ":" + h.heldBy() : ":?"));
      return;
    }
    if (o instanceof Platform || o instanceof ThreadHandle || o instanceof Thread
        || c.getName().startsWith("dev.condis.explorer.")) {
      tag("platform");
      return;
    }
    if (o instanceof RuleChecks || o instanceof Premises) {
      // The search's own ledgers, filled across executions: not state of this one (reached
      // through NDIS's event bus and the properties' reporters).
      tag("ledger");
      return;
    }
    Integer seen = visited.get(o);
    if (seen != null) {
      tag("ref:" + seen);
      return;
    }
    visited.put(o, visited.size());
    if (c == Object.class) {
      tag("object"); // a bare monitor or token: no state but its identity, which the index gives
    } else if (c.isArray()) {
      visitArray(o);
    } else if (o instanceof Collection<?> coll) {
      if (isOrdered(coll)) {
        tag("seq:" + coll.size());
        for (Object x : coll) {
          visit(x);
        }
      } else {
        tag("set:" + coll.size());
        unordered(coll);
      }
    } else if (o instanceof Map<?, ?> map) {
      if (isOrdered(map)) {
        tag("omap:" + map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          visit(e.getKey());
          visit(e.getValue());
        }
      } else {
        tag("map:" + map.size());
        List<Object> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          entries.add(new Object[] {e.getKey(), e.getValue()});
        }
        unordered(entries);
      }
    } else if (o instanceof Optional<?> opt) {
      tag("optional");
      visit(opt.orElse(null));
    } else if (c.getName().startsWith("java.") || c.getName().startsWith("javax.")
        || c.getName().startsWith("sun.") || c.getName().startsWith("jdk.")) {
      throw new Unfingerprintable("cannot read " + c.getName() + " canonically");
    } else {
      tag("obj:" + c.getName());
      for (Field f : fields(c)) {
        try {
          visit(f.get(o));
        } catch (IllegalAccessException e) {
          throw new Unfingerprintable("cannot read " + f);
        }
      }
      statics(c);
    }
  }

  /** The mutable static state of {@code c} and its superclasses, once per fingerprint. */
  private void statics(Class<?> c) {
    for (Class<?> x = c; x != null && !x.getName().startsWith("java."); x = x.getSuperclass()) {
      if (!staticsSeen.add(x)) {
        return;
      }
      for (Field f : staticFields(x)) {
        Object value;
        try {
          value = f.get(null);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
          throw new Unfingerprintable("cannot read static field " + f);
        }
        if (Modifier.isFinal(f.getModifiers()) && isConstant(value)) {
          continue;
        }
        tag("static:" + x.getName() + "." + f.getName());
        try {
          visit(value);
        } catch (Unfingerprintable e) {
          throw new Unfingerprintable("static field " + x.getName() + "." + f.getName() + ": " + e.getMessage());
        }
      }
    }
  }

  private static boolean isConstant(Object v) {
    return v == null || v instanceof String || v instanceof Number || v instanceof Boolean
        || v instanceof Character || v instanceof Enum<?> || v instanceof Class<?>
        || v instanceof ImmutableCollection<?> || v instanceof ImmutableMap<?, ?>;
  }

  private void visitArray(Object array) {
    int n = java.lang.reflect.Array.getLength(array);
    tag("array:" + array.getClass().getComponentType().getName() + ":" + n);
    for (int i = 0; i < n; i++) {
      visit(java.lang.reflect.Array.get(array, i));
    }
  }

  /**
   * Visits the elements of an unordered collection in an order that does not depend on
   * iteration order: sorted by each element's hash taken on its own (with references to
   * objects already visited by their index).
   */
  private void unordered(Collection<?> elements) {
    List<Map.Entry<HashCode, Object>> keyed = new ArrayList<>();
    for (Object x : elements) {
      StateFingerprint sub = new StateFingerprint(new IdentityHashMap<>(visited), new HashSet<>(staticsSeen), null);
      sub.visit(x);
      keyed.add(Map.entry(sub.hasher.hash(), x));
    }
    keyed.sort(Comparator.comparing(e -> e.getKey().toString()));
    for (int i = 1; i < keyed.size(); i++) {
      if (keyed.get(i).getKey().equals(keyed.get(i - 1).getKey())) {
        // Two elements alike on their own: their order cannot be fixed canonically.
        throw new Unfingerprintable("indistinguishable elements in an unordered collection");
      }
    }
    for (Map.Entry<HashCode, Object> e : keyed) {
      visit(e.getValue());
    }
  }

  private static boolean isOrdered(Collection<?> c) {
    return c instanceof List || c instanceof Queue || c instanceof LinkedHashSet
        || c instanceof SortedSet || c instanceof ImmutableSet;
  }

  private static boolean isOrdered(Map<?, ?> m) {
    return m instanceof LinkedHashMap || m instanceof SortedMap || m instanceof EnumMap
        || m instanceof ImmutableMap;
  }

  private static List<Field> staticFields(Class<?> c) {
    return STATIC_FIELDS.computeIfAbsent(c, k -> declared(k, true));
  }

  private static List<Field> fields(Class<?> c) {
    return FIELDS.computeIfAbsent(
        c,
        k -> {
          List<Field> out = new ArrayList<>();
          for (Class<?> x = k;
              x != null && x != Object.class && x != Record.class && x != Enum.class;
              x = x.getSuperclass()) {
            if (x.getName().startsWith("java.")) {
              throw new Unfingerprintable("cannot read a subclass of " + x.getName() + " canonically");
            }
            out.addAll(declared(x, false));
          }
          return List.copyOf(out);
        });
  }

  /** {@code x}'s own instance or static fields (no synthetic statics), readable, by name. */
  private static List<Field> declared(Class<?> x, boolean statics) {
    List<Field> own = new ArrayList<>();
    for (Field f : x.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) == statics && !(statics && f.isSynthetic())) {
        try {
          f.setAccessible(true);
        } catch (RuntimeException e) {
          throw new Unfingerprintable("cannot read " + (statics ? "static field " : "") + f);
        }
        own.add(f);
      }
    }
    own.sort(Comparator.comparing(Field::getName));
    return List.copyOf(own);
  }
}
