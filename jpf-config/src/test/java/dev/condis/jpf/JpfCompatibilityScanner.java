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
   * Banned JDK members, "owner#name" ("owner#*" for every member of the class, "owner#name(desc)"
   * for one overload), each with why. Owners are internal names.
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
    for (String t : List.of("java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException", "java/lang/Error")) {
      b.put(t + "#<init>(Ljava/lang/String;Ljava/lang/Throwable;ZZ)V",
          "missing from JPF's model java.lang.Throwable (NoSuchMethodException); override fillInStackTrace instead");
    }
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
    String charset = "JPF's model String(byte[], Charset) mis-decodes (bytes read as UTF-16); give the charset by name";
    b.put("java/lang/String#<init>([BLjava/nio/charset/Charset;)V", charset);
    b.put("java/lang/String#<init>([BIILjava/nio/charset/Charset;)V", charset);
    b.put("java/io/InputStreamReader#*",
        "JPF's model InputStreamReader lacks the (InputStream, Charset) constructor and its native decoder "
            + "overflows (BufferOverflowException); read the bytes and decode them with new String(bytes, UTF_8)");
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
    byte[] bytes = in.readAllBytes();
    new ClassReader(bytes).accept(new Visitor(), ClassReader.SKIP_FRAMES);
    checkLambdaNames(bytes);
  }

  /**
   * JPF names the class it makes for an invokedynamic call site (a lambda's function object, and
   * also a string concatenation's) {@code <Outer>$<bootstrap index>}
   * (ClassLoaderInfo.getResolvedFuncObjType); javac names anonymous classes, enum constant
   * bodies and enum-switch maps {@code <Outer>$1}, {@code $2}, ... When both name the same class,
   * whichever JPF loads second gets the first one's class: a NoSuchFieldError ($SwitchMap...) or
   * a broken lambda.
   */
  private void checkLambdaNames(byte[] bytes) {
    ClassFile cf = ClassFile.parse(bytes);
    for (int i = 0; i < cf.bootstrapOwners.size(); i++) {
      String owner = cf.bootstrapOwners.get(i);
      if (!owner.equals("java/lang/runtime/ObjectMethods") && cf.innerClasses.contains(cf.name + "$" + i)) {
        String kind = owner.equals("java/lang/invoke/LambdaMetafactory") ? "lambda" : "invokedynamic (" + owner.substring(owner.lastIndexOf('/') + 1) + ")";
        findings.add(
            new Finding(
                cf.name.replace('/', '.'),
                "<class>",
                kind + " bootstrap #" + i + " gets the class name " + cf.name.replace('/', '.') + "$" + i
                    + " in JPF, which is also javac's anonymous, enum-constant or enum-switch class: JPF mixes "
                    + "them up (NoSuchFieldError $SwitchMap...); replace the enum switch or anonymous class"));
      }
    }
  }

  /** Just enough of a class file: its name, the owner of each bootstrap method, its nested classes. */
  static final class ClassFile {
    String name;
    final List<String> bootstrapOwners = new ArrayList<>();
    final java.util.Set<String> innerClasses = new java.util.HashSet<>();

    static ClassFile parse(byte[] b) {
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b);
      ClassFile cf = new ClassFile();
      in.getInt(); // magic
      in.getInt(); // minor, major
      int count = Short.toUnsignedInt(in.getShort());
      Object[] pool = new Object[count];
      int[][] refs = new int[count][];
      for (int i = 1; i < count; i++) {
        int tag = Byte.toUnsignedInt(in.get());
        switch (tag) {
          case 1 -> {
            byte[] utf = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(utf);
            pool[i] = modifiedUtf8(utf);
          }
          case 3, 4 -> in.getInt();
          case 5, 6 -> {
            in.getLong();
            i++;
          }
          case 7, 8, 16, 19, 20 -> refs[i] = new int[] {tag, Short.toUnsignedInt(in.getShort())};
          case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {tag, Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort())};
          case 15 -> refs[i] = new int[] {tag, Byte.toUnsignedInt(in.get()), Short.toUnsignedInt(in.getShort())};
          default -> throw new IllegalArgumentException("constant pool tag " + tag);
        }
      }
      in.getShort(); // access
      cf.name = className(pool, refs, Short.toUnsignedInt(in.getShort()));
      in.getShort(); // super
      int interfaces = Short.toUnsignedInt(in.getShort());
      in.position(in.position() + 2 * interfaces);
      for (int members = 0; members < 2; members++) { // fields, then methods
        int n = Short.toUnsignedInt(in.getShort());
        for (int m = 0; m < n; m++) {
          in.position(in.position() + 6);
          skipAttributes(in);
        }
      }
      int attributes = Short.toUnsignedInt(in.getShort());
      for (int a = 0; a < attributes; a++) {
        String attr = (String) pool[Short.toUnsignedInt(in.getShort())];
        int length = in.getInt();
        int end = in.position() + length;
        if (attr.equals("BootstrapMethods")) {
          int n = Short.toUnsignedInt(in.getShort());
          for (int k = 0; k < n; k++) {
            int handle = Short.toUnsignedInt(in.getShort());
            int args = Short.toUnsignedInt(in.getShort());
            in.position(in.position() + 2 * args);
            int member = refs[handle][2];
            cf.bootstrapOwners.add(className(pool, refs, refs[member][1]));
          }
        } else if (attr.equals("InnerClasses")) {
          int n = Short.toUnsignedInt(in.getShort());
          for (int k = 0; k < n; k++) {
            cf.innerClasses.add(className(pool, refs, Short.toUnsignedInt(in.getShort())));
            in.position(in.position() + 6);
          }
        }
        in.position(end);
      }
      return cf;
    }

    private static String className(Object[] pool, int[][] refs, int classIndex) {
      return (String) pool[refs[classIndex][1]];
    }

    private static void skipAttributes(java.nio.ByteBuffer in) {
      int n = Short.toUnsignedInt(in.getShort());
      for (int i = 0; i < n; i++) {
        in.getShort();
        int length = in.getInt();
        in.position(in.position() + length);
      }
    }

    private static String modifiedUtf8(byte[] utf) {
      try {
        return new java.io.DataInputStream(new java.io.ByteArrayInputStream(prefixed(utf))).readUTF();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static byte[] prefixed(byte[] utf) {
      byte[] out = new byte[utf.length + 2];
      out[0] = (byte) (utf.length >>> 8);
      out[1] = (byte) utf.length;
      System.arraycopy(utf, 0, out, 2, utf.length);
      return out;
    }
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
          String why = BANNED.get(owner + "#" + mName + mDesc);
          if (why != null) {
            add(owner.replace('/', '.') + "." + mName + mDesc + ": " + why);
          } else {
            check(owner, mName);
          }
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
            int ret = instantiated.getReturnType().getSort();
            if (ret == Type.LONG || ret == Type.DOUBLE) {
              add("lambda or method reference returning " + instantiated.getReturnType().getClassName()
                  + " (" + instantiated + "): JPF's function object pushes the two-slot value into a"
                  + " one-slot operand stack (ArrayIndexOutOfBoundsException in StackFrame.push); write a named class");
            }
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
