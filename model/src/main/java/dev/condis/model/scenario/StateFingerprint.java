package dev.condis.model.scenario;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import com.google.common.primitives.UnsignedBytes;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.PlatformLock;
import dev.condis.reference.platform.ThreadHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 * (ordered collections in order, unordered ones sorted by their plain-value elements or keys,
 * else by the hashes of their elements, shared references and cycles by their visit index),
 * each value written with its kind, class number and length so that the bytes hashed are
 * prefix-free (two different walks never give the same bytes); anything it does not know how to read
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

  /** Per class, its instance fields up the hierarchy, by name, and how to read each. */
  private static final ClassValue<Fields> FIELDS = new ClassValue<>() {
    @Override
    protected Fields computeValue(Class<?> c) {
      return new Fields(instanceFields(c));
    }
  };

  /**
   * Per class, the classes of its chain (itself first, up to the JDK's) that have static state
   * to walk: static fields that are not {@code final} or hold no constant ({@link #isConstant}).
   * A final field's value never changes, so whether it is a constant is decided once.
   */
  private static final ClassValue<List<Class<?>>> STATIC_OWNERS = new ClassValue<>() {
    @Override
    protected List<Class<?>> computeValue(Class<?> c) {
      List<Class<?>> owners = new ArrayList<>();
      for (Class<?> x = c; x != null && !x.getName().startsWith("java."); x = x.getSuperclass()) {
        if (!STATIC_STATE.get(x).isEmpty()) {
          owners.add(x);
        }
      }
      return List.copyOf(owners);
    }
  };

  /** Per class, its own static fields that are state (see {@link #STATIC_OWNERS}), by name. */
  private static final ClassValue<List<Field>> STATIC_STATE = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> c) {
      List<Field> state = new ArrayList<>();
      for (Field f : declared(c, true)) {
        if (!Modifier.isFinal(f.getModifiers()) || !isConstant(readStatic(f))) {
          state.add(f);
        }
      }
      return List.copyOf(state);
    }
  };

  /**
   * A class's instance fields, with each primitive field's type: a primitive is read and hashed
   * as it is, without boxing it and looking up its box's class.
   */
  private static final class Fields {
    final Field[] fields;
    /** Per field: 0 for a reference, else the primitive's descriptor letter (I, J, Z, ...). */
    final char[] primitive;

    Fields(List<Field> list) {
      fields = list.toArray(new Field[0]);
      primitive = new char[fields.length];
      for (int i = 0; i < fields.length; i++) {
        Class<?> t = fields[i].getType();
        primitive[i] = !t.isPrimitive() ? 0 : t == boolean.class ? 'Z' : t == long.class ? 'J'
            : t.descriptorString().charAt(0);
      }
    }
  }

  /**
   * A number per class, from its name: the same in every JVM that runs the same code, so that
   * shards in separate processes give one state one fingerprint and can rely on each other's
   * states ({@link Checkpoints.Claims}). Two classes with one number in this JVM (a 64-bit
   * hash collision, or one name loaded twice by two class loaders) would let two states share
   * their bytes: a class whose number another class holds is {@link #COLLIDING}, and a state
   * that holds one cannot be fingerprinted (the cache goes off, which is sound).
   */
  private static final java.util.concurrent.ConcurrentHashMap<Long, java.lang.ref.WeakReference<Class<?>>> ID_HOLDERS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final long COLLIDING = 0;
  private static final ClassValue<Long> CLASS_ID = new ClassValue<>() {
    @Override
    protected Long computeValue(Class<?> type) {
      long id = Hashing.murmur3_128().hashString(type.getName(), java.nio.charset.StandardCharsets.UTF_8).asLong();
      if (id == COLLIDING) {
        return COLLIDING;
      }
      java.lang.ref.WeakReference<Class<?>> mine = new java.lang.ref.WeakReference<>(type);
      java.lang.ref.WeakReference<Class<?>> holder = ID_HOLDERS.merge(id, mine,
          (old, x) -> old.get() == null ? x : old);
      return holder.get() == type ? id : COLLIDING;
    }
  };
  /**
   * Classes made at run time are named by their JVM, in the order it made them, so one name can
   * be two different classes in two JVMs: a state that holds one is this JVM's alone. Those are
   * hidden classes (lambdas), synthetic classes, and, by the code generators' convention, names
   * with "$$" in them. (A dynamic proxy, a subclass of a JDK class, is not read at all.)
   */
  private static final ClassValue<Boolean> NAMED_PER_JVM = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return type.isHidden() || type.isSynthetic() || type.getName().contains("$$");
    }
  };
  private static final long INTEGER_ID = CLASS_ID.get(Integer.class);
  private static final long LONG_ID = CLASS_ID.get(Long.class);

  /**
   * How the walk reads an instance of a class, decided once per class (the tests below depend
   * on the class alone): saves a chain of instanceof tests and name prefixes per value.
   */
  private static final ClassValue<Byte> CATEGORY = new ClassValue<>() {
    @Override
    protected Byte computeValue(Class<?> c) {
      return category(c);
    }
  };

  private static byte category(Class<?> c) {
    if (c == String.class) {
      return STRING;
    }
    if (Number.class.isAssignableFrom(c)) {
      return NUMBER;
    }
    if (c == Boolean.class) {
      return BOOLEAN;
    }
    if (c == Character.class) {
      return CHAR;
    }
    if (Enum.class.isAssignableFrom(c)) {
      return ENUM;
    }
    if (c == Class.class) {
      return CLASS;
    }
    if (PlatformLock.class.isAssignableFrom(c)) {
      return LOCK;
    }
    if (Platform.class.isAssignableFrom(c) || ThreadHandle.class.isAssignableFrom(c)
        || Thread.class.isAssignableFrom(c) || c.getName().startsWith("dev.condis.explorer.")) {
      return PLATFORM;
    }
    if (RuleChecks.class.isAssignableFrom(c) || Premises.class.isAssignableFrom(c)) {
      return LEDGER;
    }
    if (c == Object.class) {
      return OBJECT;
    }
    if (c.isArray()) {
      return ARRAY;
    }
    if (Collection.class.isAssignableFrom(c)) {
      return isOrderedCollection(c) ? SEQ : SET;
    }
    if (Map.class.isAssignableFrom(c)) {
      return isOrderedMap(c) ? OMAP : MAP;
    }
    if (c == Optional.class) {
      return OPTIONAL;
    }
    String name = c.getName();
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.") || name.startsWith("jdk.")) {
      return JDK;
    }
    return OBJ;
  }

  // What each value starts with in the hash: with lengths and ids, the encoding is prefix-free,
  // so two different walks never feed the hasher the same bytes.
  private static final byte NULL = 1;
  private static final byte STRING = 2;
  private static final byte NUMBER = 3;
  private static final byte BOOLEAN = 4;
  private static final byte CHAR = 5;
  private static final byte ENUM = 6;
  private static final byte CLASS = 7;
  private static final byte LOCK = 8;
  private static final byte PLATFORM = 9;
  private static final byte LEDGER = 10;
  private static final byte REF = 11;
  private static final byte OBJECT = 12;
  private static final byte ARRAY = 13;
  private static final byte SEQ = 14;
  private static final byte SET = 15;
  private static final byte OMAP = 16;
  private static final byte MAP = 17;
  private static final byte OPTIONAL = 18;
  private static final byte STATIC = 19;
  private static final byte OBJ = 20;
  /** Not in the hash: a JDK class the walk cannot read canonically. */
  private static final byte JDK = 21;

  /** Objects visited so far, by visit index; a sub-walk's overlay reads its parent's. */
  private final IdentityHashMap<Object, Integer> visited;
  private final StateFingerprint parent;
  private final int firstIndex;
  private final Set<Class<?>> staticsSeen = new HashSet<>();
  /** The walk's bytes, hashed once at the end (cheaper than a streaming hasher's puts). */
  private final Bytes hasher;
  private final StringBuilder text;
  private int depth;
  /** Whether the walk met no class named per JVM (on the root walk; sub-walks set their root's). */
  private boolean portable = true;

  private StateFingerprint(StateFingerprint parent, StringBuilder text) {
    this.parent = parent;
    this.firstIndex = parent == null ? 0 : parent.size();
    // A whole state is a few hundred objects: sized once instead of grown by rehashing.
    this.visited = new IdentityHashMap<>(parent == null ? 512 : 16);
    this.text = text;
    this.hasher = text == null ? new Bytes() : null;
  }

  static HashCode of(Object... roots) {
    return print(roots).hash();
  }

  /**
   * A state's fingerprint, and whether another JVM running the same code gives the same state
   * the same one: not when the state holds an instance of a class made at run time (a lambda),
   * whose name and so whose number is this JVM's ({@link #NAMED_PER_JVM}).
   */
  record Print(HashCode hash, boolean portable) {}

  static Print print(Object... roots) {
    StateFingerprint f = new StateFingerprint(null, null);
    for (Object root : roots) {
      f.visit(root);
    }
    return new Print(f.hasher.hash(), f.portable);
  }

  /** {@code c}'s number in the hash; marks the walk this JVM's alone if {@code c} is named per JVM. */
  private long classId(Class<?> c) {
    long id = CLASS_ID.get(c);
    if (id == COLLIDING) {
      throw new Unfingerprintable("class " + c.getName() + " has the fingerprint number of another class");
    }
    if (NAMED_PER_JVM.get(c)) {
      StateFingerprint f = this;
      while (f.parent != null) {
        f = f.parent;
      }
      f.portable = false;
    }
    return id;
  }

  /** A growable byte array with the few writes the walk needs, little-endian. */
  private static final class Bytes {
    private byte[] buf = new byte[1024];
    private int len;

    private void ensure(int more) {
      if (len + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
      }
    }

    Bytes putByte(byte b) {
      ensure(1);
      buf[len++] = b;
      return this;
    }

    Bytes putInt(int v) {
      ensure(4);
      buf[len++] = (byte) v;
      buf[len++] = (byte) (v >>> 8);
      buf[len++] = (byte) (v >>> 16);
      buf[len++] = (byte) (v >>> 24);
      return this;
    }

    Bytes putLong(long v) {
      putInt((int) v);
      return putInt((int) (v >>> 32));
    }

    Bytes putUnencodedChars(CharSequence s) {
      int n = s.length();
      ensure(2 * n);
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        buf[len++] = (byte) c;
        buf[len++] = (byte) (c >>> 8);
      }
      return this;
    }

    HashCode hash() {
      return Hashing.murmur3_128().hashBytes(buf, 0, len);
    }
  }

  /** The full state the hash is taken of, as canonical text (for auditing cache hits). */
  static String text(Object... roots) {
    StateFingerprint f = new StateFingerprint(null, new StringBuilder());
    for (Object root : roots) {
      f.visit(root);
    }
    return f.text.toString();
  }

  private int size() {
    return firstIndex + visited.size();
  }

  private Integer indexOf(Object o) {
    for (StateFingerprint f = this; f != null; f = f.parent) {
      Integer i = f.visited.get(o);
      if (i != null) {
        return i;
      }
    }
    return null;
  }

  private boolean staticsSeen(Class<?> c) {
    for (StateFingerprint f = this; f != null; f = f.parent) {
      if (f.staticsSeen.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** A value's kind; in the text, {@code label} (computed only for the text). */
  private void kind(byte kind, String label) {
    if (hasher != null) {
      hasher.putByte(kind);
    } else {
      text.append(label).append('\n');
    }
  }

  private void kind(byte kind, Class<?> c, String label) {
    if (hasher != null) {
      hasher.putByte(kind).putLong(classId(c));
    } else {
      text.append(label).append(':').append(c.getName()).append('\n');
    }
  }

  private void number(byte kind, long n, String label) {
    if (hasher != null) {
      hasher.putByte(kind).putLong(n);
    } else {
      text.append(label).append(':').append(n).append('\n');
    }
  }

  private void string(String s) {
    if (hasher != null) {
      hasher.putByte(STRING).putInt(s.length()).putUnencodedChars(s);
    } else {
      text.append("java.lang.String:").append(s).append('\n');
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
      kind(NULL, "null");
      return;
    }
    Class<?> c = o.getClass();
    byte category = CATEGORY.get(c);
    switch (category) {
      case STRING:
        string((String) o);
        return;
      case NUMBER:
        number((Number) o, c);
        return;
      case BOOLEAN:
        number(BOOLEAN, (Boolean) o ? 1 : 0, "java.lang.Boolean");
        return;
      case CHAR:
        number(CHAR, (Character) o, "java.lang.Character");
        return;
      case ENUM:
        Enum<?> e = (Enum<?>) o;
        if (hasher != null) {
          hasher.putByte(ENUM).putLong(classId(e.getDeclaringClass())).putInt(e.ordinal());
        } else {
          text.append("enum:").append(e.getDeclaringClass().getName()).append('.').append(e.name()).append('\n');
        }
        return;
      case CLASS:
        kind(CLASS, (Class<?>) o, "class");
        return;
      case LOCK:
        // Free at a quiescent point unless a thread ended holding it: that must not be
        // conflated with a free lock.
        kind(LOCK, "lock");
        string(((PlatformLock) o).name());
        string(o instanceof Checkpoints.HeldBy h ? String.valueOf(h.heldBy()) : "?");
        return;
      case PLATFORM:
        kind(PLATFORM, "platform");
        return;
      case LEDGER:
        // The search's own ledgers, filled across executions: not state of this one (reached
        // through NDIS's event bus and the properties' reporters).
        kind(LEDGER, "ledger");
        return;
      case JDK:
        throw new Unfingerprintable("cannot read " + c.getName() + " canonically");
      default:
        break;
    }
    Integer seen = indexOf(o);
    if (seen != null) {
      number(REF, seen, "ref");
      return;
    }
    visited.put(o, size());
    switch (category) {
      case OBJECT:
        kind(OBJECT, "object"); // a bare monitor or token: no state but its identity, which the index gives
        return;
      case ARRAY:
        visitArray(o);
        return;
      case SEQ:
        Collection<?> seq = (Collection<?>) o;
        number(SEQ, seq.size(), "seq");
        for (Object x : seq) {
          visit(x);
        }
        return;
      case SET:
        Collection<?> set = (Collection<?>) o;
        number(SET, set.size(), "set");
        unordered(new ArrayList<>(set), false);
        return;
      case OMAP:
        Map<?, ?> omap = (Map<?, ?>) o;
        number(OMAP, omap.size(), "omap");
        for (Map.Entry<?, ?> entry : omap.entrySet()) {
          visit(entry.getKey());
          visit(entry.getValue());
        }
        return;
      case MAP:
        Map<?, ?> map = (Map<?, ?>) o;
        number(MAP, map.size(), "map");
        List<Object> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          entries.add(new Object[] {entry.getKey(), entry.getValue()});
        }
        unordered(entries, true);
        return;
      case OPTIONAL:
        kind(OPTIONAL, "optional");
        visit(((Optional<?>) o).orElse(null));
        return;
      default:
        kind(OBJ, c, "obj");
        Fields fs = FIELDS.get(c);
        for (int i = 0; i < fs.fields.length; i++) {
          Field f = fs.fields[i];
          try {
            if (fs.primitive[i] == 0) {
              visit(f.get(o));
            } else {
              primitive(fs.primitive[i], f, o);
            }
          } catch (IllegalAccessException ex) {
            throw new Unfingerprintable("cannot read " + f);
          }
        }
        statics(c);
    }
  }

  /**
   * A primitive field, written by the same writers as its boxed value (kind, box class, value):
   * the bytes and the text do not depend on whether a value sat in a field or in a collection.
   */
  private void primitive(char type, Field f, Object o) throws IllegalAccessException {
    switch (type) {
      case 'Z' -> number(BOOLEAN, f.getBoolean(o) ? 1 : 0, "java.lang.Boolean");
      case 'C' -> number(CHAR, f.getChar(o), "java.lang.Character");
      case 'I' -> integral(Integer.class, INTEGER_ID, f.getInt(o));
      case 'J' -> integral(Long.class, LONG_ID, f.getLong(o));
      default -> visit(f.get(o)); // byte, short, float, double: rare, boxed
    }
  }

  /** A boxed or primitive integral value of box class {@code box} (whose class number is {@code id}). */
  private void integral(Class<?> box, long id, long v) {
    if (hasher != null) {
      hasher.putByte(NUMBER).putLong(id).putLong(v);
    } else {
      text.append(box.getName()).append(':').append(v).append('\n');
    }
  }

  private void number(Number n, Class<?> c) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      integral(c, classId(c), n.longValue());
      return;
    }
    if (hasher == null) {
      text.append(c.getName()).append(':').append(n).append('\n');
      return;
    }
    hasher.putByte(NUMBER).putLong(classId(c));
    if (n instanceof Double || n instanceof Float) {
      hasher.putLong(Double.doubleToLongBits(n.doubleValue()));
    } else {
      String v = n.toString(); // BigInteger, BigDecimal, atomics: their printed value
      hasher.putInt(v.length()).putUnencodedChars(v);
    }
  }

  /** The mutable static state of {@code c} and its superclasses, once per fingerprint. */
  private void statics(Class<?> c) {
    for (Class<?> x : STATIC_OWNERS.get(c)) {
      if (staticsSeen(x) || !staticsSeen.add(x)) {
        return; // walked before, with the rest of its chain
      }
      for (Field f : STATIC_STATE.get(x)) {
        Object value = readStatic(f);
        if (hasher != null) {
          hasher.putByte(STATIC).putLong(classId(x)).putInt(f.getName().length()).putUnencodedChars(f.getName());
        } else {
          text.append("static:").append(x.getName()).append('.').append(f.getName()).append('\n');
        }
        try {
          visit(value);
        } catch (Unfingerprintable e) {
          throw new Unfingerprintable("static field " + x.getName() + "." + f.getName() + ": " + e.getMessage());
        }
      }
    }
  }

  private static Object readStatic(Field f) {
    try {
      return f.get(null);
    } catch (IllegalAccessException | RuntimeException | LinkageError e) {
      throw new Unfingerprintable("cannot read static field " + f);
    }
  }

  /**
   * A value that cannot change: null, a string, a boxed primitive, an enum constant, a class, or
   * a Guava immutable collection of such. Not an atomic number (a {@code static final
   * AtomicInteger} counter is state) nor an immutable collection of mutable objects.
   */
  private static boolean isConstant(Object v) {
    if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Short
        || v instanceof Byte || v instanceof Double || v instanceof Float || v instanceof Boolean
        || v instanceof Character || v instanceof Enum<?> || v instanceof Class<?>
        || v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal) {
      return true;
    }
    if (v instanceof ImmutableMap<?, ?> m) {
      return m.entrySet().stream().allMatch(e -> isConstant(e.getKey()) && isConstant(e.getValue()));
    }
    if (v instanceof ImmutableCollection<?> c) {
      return c.stream().allMatch(StateFingerprint::isConstant);
    }
    return false;
  }

  private void visitArray(Object array) {
    int n = java.lang.reflect.Array.getLength(array);
    kind(ARRAY, array.getClass().getComponentType(), "array");
    number(ARRAY, n, "length");
    for (int i = 0; i < n; i++) {
      visit(java.lang.reflect.Array.get(array, i));
    }
  }

  /**
   * Visits the elements of an unordered collection (for a map, its {key, value} pairs) in an
   * order that does not depend on iteration order. When every element (every key) is a plain
   * value (a string, a boxed integer, a character, a boolean, an enum constant), by that value:
   * distinct in a set or as keys, so the order is total. Otherwise by each element's hash
   * taken on its own (with references to objects already visited by their index).
   */
  private void unordered(List<Object> elements, boolean mapEntries) {
    boolean plain = true;
    for (Object x : elements) {
      if (!isPlainValue(mapEntries ? ((Object[]) x)[0] : x)) {
        plain = false;
        break;
      }
    }
    if (plain) {
      elements.sort((a, b) -> comparePlain(mapEntries ? ((Object[]) a)[0] : a, mapEntries ? ((Object[]) b)[0] : b));
      for (Object x : elements) {
        visit(x);
      }
      return;
    }
    List<Map.Entry<HashCode, Object>> keyed = new ArrayList<>();
    for (Object x : elements) {
      // Walked on its own over this walk's visits so far (an overlay, not a copy): the
      // element's hash does not depend on its siblings.
      StateFingerprint sub = new StateFingerprint(this, null);
      sub.visit(x);
      keyed.add(Map.entry(sub.hasher.hash(), x));
    }
    keyed.sort(Comparator.comparing(e -> e.getKey().asBytes(), UnsignedBytes.lexicographicalComparator()));
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

  private static boolean isPlainValue(Object x) {
    return x instanceof String || x instanceof Integer || x instanceof Long || x instanceof Short
        || x instanceof Byte || x instanceof Character || x instanceof Boolean || x instanceof Enum<?>;
  }

  /** A total order on plain values: by class, then by value. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int comparePlain(Object a, Object b) {
    Class<?> ca = a instanceof Enum<?> e ? e.getDeclaringClass() : a.getClass();
    Class<?> cb = b instanceof Enum<?> e ? e.getDeclaringClass() : b.getClass();
    if (ca != cb) {
      return Long.compare(CLASS_ID.get(ca), CLASS_ID.get(cb));
    }
    return ((Comparable) a).compareTo(b);
  }

  private static boolean isOrderedCollection(Class<?> c) {
    return List.class.isAssignableFrom(c) || Queue.class.isAssignableFrom(c)
        || LinkedHashSet.class.isAssignableFrom(c) || SortedSet.class.isAssignableFrom(c)
        || ImmutableSet.class.isAssignableFrom(c);
  }

  private static boolean isOrderedMap(Class<?> c) {
    return LinkedHashMap.class.isAssignableFrom(c) || SortedMap.class.isAssignableFrom(c)
        || EnumMap.class.isAssignableFrom(c) || ImmutableMap.class.isAssignableFrom(c);
  }

  private static List<Field> instanceFields(Class<?> k) {
    List<Field> out = new ArrayList<>();
    for (Class<?> x = k; x != null && x != Object.class && x != Record.class && x != Enum.class; x = x.getSuperclass()) {
      if (x.getName().startsWith("java.")) {
        throw new Unfingerprintable("cannot read a subclass of " + x.getName() + " canonically");
      }
      out.addAll(declared(x, false));
    }
    return List.copyOf(out);
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
