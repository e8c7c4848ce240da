package dev.condis.model.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.ScriptedPlatform;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A constrained platform narrows choices and changes nothing else. It wraps the checker's
 * platform in most scenarios, so a method it forgets to forward (a default method of
 * {@link Platform} falls back to doing nothing) silently switches that part of the check off:
 * it once dropped {@code sharedAccess}, and with it the context dependencies, in every
 * constrained scenario.
 */
class ChoiceConstraintsTest {

  @Test
  void theConstrainedPlatformForwardsEveryPlatformMethod() {
    Class<?> constrained = ChoiceConstraints.of(Map.of("makeCall.pend", new int[] {0})).apply(new ScriptedPlatform()).getClass();
    List<String> missing = new ArrayList<>();
    for (Method m : Platform.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      try {
        constrained.getDeclaredMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        missing.add(m.getName());
      }
    }
    assertThat(missing).as("Platform methods the constrained platform does not forward").isEmpty();
  }

  @Test
  void sharedAccessReachesTheWrappedPlatform() {
    List<String> seen = new ArrayList<>();
    ScriptedPlatform real = new ScriptedPlatform();
    Platform recording = (Platform) java.lang.reflect.Proxy.newProxyInstance(Platform.class.getClassLoader(),
        new Class<?>[] {Platform.class}, (proxy, method, args) -> {
          if (method.getName().equals("sharedAccess")) {
            seen.add((String) args[0]);
            return null;
          }
          return method.invoke(real, args);
        });

    ChoiceConstraints.of(Map.of("makeCall.pend", new int[] {0})).apply(recording).sharedAccess("context#7");

    assertThat(seen).containsExactly("context#7");
  }

  @Test
  void everyScenarioNarrowsAPendedCloseFailureExceptCloseFailure() {
    assertThat(ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).constraintsFor(
        dev.condis.reference.system.CallManagerKind.MCM).toString()).contains("closeCall.fail in [0]");
    assertThat(ScenarioCatalog.get(ScenarioCatalog.CLOSE_FAILURE).constraintsFor(
        dev.condis.reference.system.CallManagerKind.MCM).toString()).contains("closeCall.fail in [1]");
  }
}
