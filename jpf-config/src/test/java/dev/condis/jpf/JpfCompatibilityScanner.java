package dev.condis.jpf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads compiled classes with ASM and lists every use of a construct that breaks the JPF we
 * run (jpf-core, {@code java-17} branch; see jpf-config/README.md, "Known JPF limitations"):
 *
 * <ul>
 *   <li>compiler-generated record {@code equals}/{@code hashCode}/{@code toString} (an {@code
 *       invokedynamic} to {@code java.lang.runtime.ObjectMethods}): under JPF the calling thread
 *       stops <em>silently</em> and JPF still says "no errors";
 *   <li>JDK methods JPF's model classes lack or break ({@link #BANNED});
 *   <li>method references that need boxing or unboxing (e.g. {@code Integer::sum} as a {@code
 *       BinaryOperator<Integer>}, {@code String::length} as a {@code Function<String,Integer>}):
 *       JPF crashes or returns a wrong value.
 * </ul>
 *
 * Each finding is keyed {@code class#method} (binary class name) so an allowlist can name a
 * method or a whole class.
 */
final class JpfCompatibilityScanner {

  /** One use of a construct that breaks JPF. */
  static final class Finding {
    final String className;
    final String method;
    final String what;

    Finding(String className, String method, String what) {
      this.className = className;
      this.method = method;
      this.what = what;
    }

    String key() {
      return className + "#" + method;
    }

    @Override
    public String toString() {
      return key() + ": " + what;
    }
  }

  /**
   * Banned JDK members, "owner#name" ("owner#*" for every member of the class), each with why.
   * Owners are internal names.
   */
  static final Map<String, String> BANNED = banned();

  private static Map<String, String> banned() {
    Map<String, String> b = new TreeMap<>();
    String missingString = "missing from JPF's model java.lang.String (NoSuchMethodError)";
    for (String m :
        List.of(
            "join", "strip", "stripLeading", "stripTrailing", "stripIndent", "isBlank", "formatted",
            "chars", "codePoints", "lines", "indent", "transform", "translateEscapes",
            "describeConstable", "resolveConstantDesc")) {
      b.put("java/lang/String#" + m, missingString);
    }
    b.put("java/lang/StringBuilder#insert", "fails under JPF (String.checkOffset missing)");
    b.put("java/util/StringJoiner#*", "StringJoiner.toString fails under JPF (System$2.join missing)");
    b.put("java/util/stream/Collectors#joining", "uses StringJoiner, which fails under JPF");
    b.put("java/util/stream/Stream#toList", "needs SharedSecrets.getJavaUtilCollectionAccess, missing under JPF");
    b.put("java/util/concurrent/atomic/AtomicLong#*", "JPF's model AtomicLong is a stub (NoSuchMethodError)");
    for (String owner :
        List.of(
            "java/util/concurrent/atomic/AtomicInteger",
            "java/util/concurrent/atomic/AtomicReference",
            "java/util/concurrent/atomic/AtomicBoolean",
            "java/util/concurrent/atomic/AtomicIntegerArray",
            "java/util/concurrent/atomic/AtomicReferenceArray")) {
      for (String m : List.of("updateAndGet", "getAndUpdate", "accumulateAndGet", "getAndAccumulate")) {
        b.put(owner + "#" + m, "NPE on a null Unsafe under JPF");
      }
    }
    String aqs = "contended AbstractQueuedSynchronizer needs Thread.onSpinWait, missing from JPF's model Thread";
    b.put("java/util/concurrent/locks/ReentrantLock#*", aqs);
    b.put("java/util/concurrent/locks/Condition#*", aqs);
    b.put("java/util/concurrent/LinkedBlockingQueue#*", aqs);
    b.put("java/util/concurrent/ArrayBlockingQueue#*", aqs);
    b.put("java/lang/Thread#onSpinWait", "missing from JPF's model java.lang.Thread");
    b.put("java/util/concurrent/ConcurrentLinkedQueue#*", "needs VarHandle.setRelease, which JPF lacks");
    b.put("java/util/concurrent/ConcurrentLinkedDeque#*", "needs VarHandle access modes JPF lacks");
    b.put("java/util/concurrent/Executors#*", "Future.get needs VarHandle.weakCompareAndSet, which JPF lacks");
    b.put("java/util/UUID#randomUUID", "SecureRandom start-up fails under JPF");
    b.put("java/util/stream/IntStream#boxed", "fails under JPF (IntPipeline$1.<init>)");
    b.put("java/util/stream/LongStream#boxed", "fails under JPF");
    for (String m :
        List.of("isSealed", "getPermittedSubclasses", "getRecordComponents", "getNestHost", "getNestMembers",
            "getTypeName", "isHidden", "toGenericString", "arrayType", "componentType")) {
      b.put("java/lang/Class#" + m, "missing from JPF's model java.lang.Class");
    }
    b.put("java/lang/Throwable#getSuppressed", "missing from JPF's model java.lang.Throwable");
    return b;
  }

  private final List<Finding> findings = new ArrayList<>();
  private final List<String> scanned = new ArrayList<>();

  List<Finding> findings() {
    return findings;
  }

  /** Binary names of the classes scanned. */
  List<String> scanned() {
    return scanned;
  }

  /** The directory or jar {@code anchor} was loaded from. */
  static Path codeSource(Class<?> anchor) {
    try {
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Scans every class in {@code root} (a directory or jar) whose resource path ("dev/condis/x/Y.class")
   * {@code include} accepts.
   */
  void scan(Path root, Predicate<String> include) {
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            if (include.test(rel)) {
              try (InputStream in = Files.newInputStream(p)) {
                scanClass(in);
              }
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
            if (e.getName().endsWith(".class") && include.test(e.getName())) {
              try (InputStream in = jar.getInputStream(e)) {
                scanClass(in);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void scanClass(InputStream in) throws IOException {
    new ClassReader(in).accept(new Visitor(), ClassReader.SKIP_FRAMES);
  }

  void scanClass(Class<?> c) {
    String resource = c.getName().replace('.', '/') + ".class";
    try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
      scanClass(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Visitor extends ClassVisitor {
    private String className;

    Visitor() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      className = name.replace('/', '.');
      scanned.add(className);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      String method = enclosingMethod(name);
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitMethodInsn(int opcode, String owner, String mName, String mDesc, boolean itf) {
          check(owner, mName);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String fName, String fDesc) {}

        @Override
        public void visitTypeInsn(int opcode, String type) {
          if (opcode == Opcodes.NEW) {
            check(type, "<init>");
          }
        }

        @Override
        public void visitInvokeDynamicInsn(String iName, String iDesc, Handle bsm, Object... args) {
          if (bsm.getOwner().equals("java/lang/runtime/ObjectMethods")) {
            add("compiler-generated record " + iName + " (invokedynamic ObjectMethods.bootstrap): under JPF "
                + "the calling thread stops silently; write equals, hashCode and toString by hand");
          } else if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && args.length >= 3
              && args[1] instanceof Handle impl && args[2] instanceof Type instantiated) {
            checkMethodReference(iDesc, impl, instantiated);
          }
          for (Object a : args) {
            if (a instanceof Handle h) {
              check(h.getOwner(), h.getName());
            }
          }
        }

        private void checkMethodReference(String indyDesc, Handle impl, Type instantiated) {
          if (impl.getName().startsWith("lambda$")) {
            return; // a lambda body: no adaptation
          }
          List<Type> implParams = new ArrayList<>();
          int tag = impl.getTag();
          if (tag == Opcodes.H_INVOKEVIRTUAL || tag == Opcodes.H_INVOKEINTERFACE || tag == Opcodes.H_INVOKESPECIAL) {
            implParams.add(Type.getObjectType(impl.getOwner()));
          }
          implParams.addAll(List.of(Type.getArgumentTypes(impl.getDesc())));
          int captured = Type.getArgumentTypes(indyDesc).length;
          Type[] samParams = instantiated.getArgumentTypes();
          boolean boxing = false;
          for (int i = 0; i < samParams.length && captured + i < implParams.size(); i++) {
            boxing |= isPrimitive(implParams.get(captured + i)) != isPrimitive(samParams[i]);
          }
          Type implReturn =
              tag == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(impl.getOwner()) : Type.getReturnType(impl.getDesc());
          Type samReturn = instantiated.getReturnType();
          if (samReturn.getSort() != Type.VOID && implReturn.getSort() != Type.VOID) {
            boxing |= isPrimitive(implReturn) != isPrimitive(samReturn);
          }
          if (boxing) {
            add("method reference " + impl.getOwner().replace('/', '.') + "::" + impl.getName()
                + " needs boxing/unboxing to fit " + instantiated
                + ": JPF crashes or returns a wrong value; use a lambda");
          }
        }

        private void check(String owner, String member) {
          String why = BANNED.get(owner + "#" + member);
          if (why == null) {
            why = BANNED.get(owner + "#*");
          }
          if (why != null) {
            add(owner.replace('/', '.') + "." + member + ": " + why);
          }
        }

        private void add(String what) {
          findings.add(new Finding(className, method, what));
        }
      };
    }
  }

  /** A lambda body counts as the method it is written in: "lambda$parse$0" is "parse". */
  static String enclosingMethod(String name) {
    if (name.startsWith("lambda$")) {
      int end = name.lastIndexOf('$');
      return end > "lambda$".length() ? name.substring("lambda$".length(), end) : name;
    }
    return name;
  }

  private static boolean isPrimitive(Type t) {
    return t.getSort() != Type.OBJECT && t.getSort() != Type.ARRAY;
  }

  /** Whether {@code key} ("class#method") is covered by an allowlist entry: a class (and its nested classes) or a class#method. */
  static boolean allowed(Finding f, Set<String> allowlist) {
    if (allowlist.contains(f.key())) {
      return true;
    }
    String c = f.className;
    while (true) {
      if (allowlist.contains(c)) {
        return true;
      }
      int nested = c.lastIndexOf('$');
      if (nested < 0) {
        return false;
      }
      c = c.substring(0, nested);
    }
  }
}
