package dev.condis.reference;

import java.util.Objects;

/**
 * The three record methods, for records that run under Java PathFinder. The compiler generates
 * them as an {@code invokedynamic} call to {@code ObjectMethods}, which stops the calling thread
 * silently under JPF (jpf-config/README.md, "Known JPF limitations"). Such a record lists its
 * components once, as an array, and hands it here; the results mean what the generated methods
 * mean ({@code RecordMethodsTest} checks every one). No lambdas: JPF runs this code too.
 */
public final class RecordMethods {
  private RecordMethods() {}

  /** The generated equals: every component equal, in order. */
  public static boolean equal(Object[] mine, Object[] theirs) {
    if (mine.length != theirs.length) {
      return false;
    }
    for (int i = 0; i < mine.length; i++) {
      if (!Objects.equals(mine[i], theirs[i])) {
        return false;
      }
    }
    return true;
  }

  /** The generated hash: {@code h = 31 * h + hash(component)} from 0 (a boxed primitive hashes as the primitive). */
  public static int hash(Object[] components) {
    int h = 0;
    for (Object c : components) {
      h = 31 * h + Objects.hashCode(c);
    }
    return h;
  }

  /** The generated text: {@code Name[a=1, b=x]}. */
  public static String text(String name, String[] names, Object[] components) {
    StringBuilder b = new StringBuilder(name).append('[');
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(names[i]).append('=').append(components[i]);
    }
    return b.append(']').toString();
  }
}
