package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.primitives.ImmutableIntArray;
import dev.condis.reference.ddi.NdisHandle;
import dev.condis.reference.ddi.NdisPartyHandle;
import dev.condis.reference.ddi.NdisVcHandle;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The records that run under JPF have equals, hashCode and toString written by hand
 * (JpfCompatibilityTest). This checks, for every record in the scanned code, that those
 * methods still mean what the compiler-generated ones would: equal exactly when every
 * component is equal, the generated hash ({@code h = 31 * h + hash(component)} from 0), and,
 * unless the record deliberately prints itself otherwise, the text {@code Name[a=1, b=x]}. A
 * component added later but forgotten in one of the three fails here.
 */
class RecordMethodsTest {

  @Test
  void handWrittenRecordMethodsMatchTheGeneratedOnes() throws Exception {
    List<String> checked = new ArrayList<>();
    for (String name : JpfCompatibilityTest.scanJpfSide().scanned()) {
      Class<?> c = Class.forName(name, false, getClass().getClassLoader());
      if (!c.isRecord()) {
        continue;
      }
      check(c);
      checked.add(c.getSimpleName());
    }
    assertThat(checked).contains("NdisVcHandle", "Stamp", "ApiCalled", "ScenarioConfig", "Violation");
  }

  private static void check(Class<?> record) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Object[] a = new Object[components.length];
    Object[] b = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Object[] pair = samples(components[i].getType(), record + "." + components[i].getName());
      a[i] = pair[0];
      b[i] = pair[1];
    }
    Object first = construct(record, a);
    Object same = construct(record, a.clone());
    String what = record.getName();
    assertThat(first).as(what + ": equal components, equal records").isEqualTo(same);
    assertThat(first.hashCode()).as(what + ": the generated hash").isEqualTo(expectedHash(a, components)).isEqualTo(same.hashCode());
    String text = first.toString();
    if (text.startsWith(record.getSimpleName() + "[")) {
      assertThat(text).as(what + ": the generated text").isEqualTo(expectedText(record, components, a));
    }
    for (int i = 0; i < components.length; i++) {
      if (Objects.equals(a[i], b[i])) {
        continue; // no second value for this type
      }
      Object[] changed = a.clone();
      changed[i] = b[i];
      Object other = construct(record, changed);
      assertThat(first).as(what + ": records differing in " + components[i].getName() + " are not equal").isNotEqualTo(other);
    }
  }

  private static int expectedHash(Object[] values, RecordComponent[] components) {
    int h = 0;
    for (int i = 0; i < values.length; i++) {
      h = 31 * h + Objects.hashCode(values[i]); // a boxed primitive hashes like the primitive
    }
    return h;
  }

  private static String expectedText(Class<?> record, RecordComponent[] components, Object[] values) {
    StringBuilder sb = new StringBuilder(record.getSimpleName()).append('[');
    for (int i = 0; i < components.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=').append(values[i]);
    }
    return sb.append(']').toString();
  }

  private static Object construct(Class<?> record, Object[] values) throws Exception {
    Class<?>[] types = new Class<?>[values.length];
    RecordComponent[] components = record.getRecordComponents();
    for (int i = 0; i < types.length; i++) {
      types[i] = components[i].getType();
    }
    Constructor<?> ctor = record.getDeclaredConstructor(types);
    ctor.setAccessible(true);
    try {
      return ctor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new AssertionError(record.getName() + " rejects the sample values; add better ones in " + RecordMethodsTest.class.getSimpleName(), e.getCause());
    }
  }

  /** Two different values of {@code type}, or the same one twice when only one is at hand. */
  private static Object[] samples(Class<?> type, String where) {
    if (type == int.class) {
      return new Object[] {1, 2};
    } else if (type == long.class) {
      return new Object[] {1L, 2L};
    } else if (type == boolean.class) {
      return new Object[] {false, true};
    } else if (type == String.class) {
      return new Object[] {"a", "b"};
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return new Object[] {constants[0], constants[constants.length > 1 ? 1 : 0]};
    } else if (type == ImmutableList.class || type == List.class) {
      return new Object[] {ImmutableList.of(), ImmutableList.of("x")};
    } else if (type == ImmutableSet.class) {
      return new Object[] {ImmutableSet.of(), ImmutableSet.of("x")};
    } else if (type == ImmutableMap.class) {
      // a key ChoiceConstraints accepts: it refuses a label no driver draws
      return new Object[] {ImmutableMap.of(), ImmutableMap.of("makeCall.pend", ImmutableIntArray.of(1))};
    } else if (type == Optional.class) {
      return new Object[] {Optional.empty(), Optional.of("x")};
    } else if (type == NdisHandle.class) {
      return new Object[] {new NdisVcHandle(1), new NdisPartyHandle(1)}; // sealed: no proxy
    } else if (type == FaultSet.class) {
      return new Object[] {FaultSet.none(), FaultSet.of(SeededFault.values()[0])};
    } else if (type.isRecord()) {
      RecordComponent[] cs = type.getRecordComponents();
      Object[] x = new Object[cs.length];
      Object[] y = new Object[cs.length];
      for (int i = 0; i < cs.length; i++) {
        Object[] pair = samples(cs[i].getType(), where + "." + cs[i].getName());
        x[i] = pair[0];
        y[i] = pair[1];
      }
      try {
        return new Object[] {construct(type, x), construct(type, y)};
      } catch (Exception e) {
        throw new AssertionError(where, e);
      }
    } else if (type.isInterface()) {
      return new Object[] {proxy(type, "first"), proxy(type, "second")};
    }
    return new Object[] {null, null}; // a class with no sample: null, compared but not varied
  }

  private static Object proxy(Class<?> type, String name) {
    return Proxy.newProxyInstance(
        type.getClassLoader(),
        new Class<?>[] {type},
        (self, method, args) ->
            switch (method.getName()) {
              case "toString" -> name;
              case "hashCode" -> System.identityHashCode(self);
              case "equals" -> self == args[0];
              default -> null;
            });
  }
}
