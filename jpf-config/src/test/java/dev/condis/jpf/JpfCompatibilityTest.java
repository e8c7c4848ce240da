package dev.condis.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.scenario.ScenarioHarness;
import dev.condis.reference.platform.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guard: the code that runs inside JPF uses nothing known to break the JPF we support (see
 * {@link JpfCompatibilityScanner}). Scanned: all of reference-impl, the model's scenario
 * (harness) and property packages and {@code engine.Violation}, and this module's JPF-side
 * classes ({@link JpfMain}, {@link JpfArguments}, {@link EventCodec}). What never runs under JPF is allowlisted
 * below with the reason; the CLI, reports, explorer and engines are not scanned at all.
 */
class JpfCompatibilityTest {

  /** Class (with its nested classes) or class#method, and why it never runs under JPF. */
  static final Map<String, String> ALLOWLIST =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "dev.condis.reference.platform.ScriptedPlatform",
                  "a scripted platform for unit tests; JPF runs JavaPlatform"),
              Map.entry(
                  "dev.condis.reference.system.CoNdisSystem$Builder#validKind",
                  "String.join only in the message for a mis-wired system; the harness always wires a valid one"),
              Map.entry(
                  "dev.condis.model.scenario.Checkpoints",
                  "the explorer's state cache; JpfMain runs the harness without checkpoints"),
              Map.entry(
                  "dev.condis.model.scenario.StateFingerprint",
                  "the explorer's state hash, for its checkpoints; JpfMain runs the harness without them"),
              Map.entry(
                  "dev.condis.model.scenario.ScenarioCatalog#get",
                  "String.join only in the unknown-scenario message; the engine checks the scenario on the host first"),
              Map.entry(
                  "dev.condis.model.scenario.ScenarioDefinition#parseVcOwner",
                  "parses --vc on the host (CLI); JpfArguments parses by itself"),
              Map.entry(
                  "dev.condis.model.scenario.ScenarioDefinition#parseCallManagerKind",
                  "parses --cm on the host (CLI); JpfArguments parses by itself"),
              Map.entry(
                  "dev.condis.model.scenario.ScenarioDefinition#vcOwnersText",
                  "only in messages for bad --vc input, which the host rejects before JPF starts"),
              Map.entry(
                  "dev.condis.model.property.PropertyCatalog#resolve",
                  "resolves --property on the host (CLI); JpfMain gets class names"),
              Map.entry(
                  "dev.condis.model.property.PropertyCatalog$PropertyInfo",
                  "what 'list properties' prints, on the host")));

  @Test
  void nothingThatRunsUnderJpfUsesAConstructJpfBreaksOn() {
    JpfCompatibilityScanner scanner = scanJpfSide();
    List<String> offending =
        scanner.findings().stream()
            .filter(f -> !JpfCompatibilityScanner.allowed(f, ALLOWLIST.keySet()))
            .map(Object::toString)
            .sorted()
            .distinct()
            .collect(Collectors.toList());
    assertThat(scanner.scanned())
        .as("the scan must see the code JPF runs")
        .contains("dev.condis.jpf.JpfMain", "dev.condis.model.scenario.ScenarioHarness",
            "dev.condis.reference.ndis.Ndis", "dev.condis.reference.platform.JavaPlatform");
    assertThat(offending)
        .as("code that runs under JPF must avoid these (jpf-config/README.md, Known JPF limitations); "
            + "fix it, or allowlist it in %s with the reason it never runs under JPF", getClass().getSimpleName())
        .isEmpty();
  }

  @Test
  void everyAllowlistEntryIsStillNeeded() {
    JpfCompatibilityScanner scanner = scanJpfSide();
    for (String entry : ALLOWLIST.keySet()) {
      boolean used =
          scanner.findings().stream().anyMatch(f -> JpfCompatibilityScanner.allowed(f, java.util.Set.of(entry)));
      assertThat(used).as("allowlist entry %s matches nothing any more: remove it", entry).isTrue();
    }
  }

  @Test
  void theScannerFindsEachKindOfConstruct() {
    JpfCompatibilityScanner scanner = new JpfCompatibilityScanner();
    scanner.scanClass(Bad.class);
    scanner.scanClass(Bad.Pair.class);
    assertThat(scanner.findings().stream().map(Object::toString))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#joined: java.lang.String.join"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#blank: java.lang.String.isBlank"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#listed: java.util.stream.Stream.toList"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#sum: method reference java.lang.Integer::sum needs boxing"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#length: method reference java.lang.String::length needs boxing"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#counter: java.util.concurrent.atomic.AtomicLong"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#reader: java.io.InputStreamReader.<init>"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#decoded: java.lang.String.<init>([BLjava/nio/charset/Charset;)V"))
        .anyMatch(f -> f.startsWith(Bad.class.getName() + "#longValued: lambda or method reference returning long"))
        .anyMatch(f -> f.startsWith(Bad.Pair.class.getName() + "#equals: compiler-generated record equals"))
        .anyMatch(f -> f.startsWith(Bad.Pair.class.getName() + "#hashCode: compiler-generated record hashCode"))
        .anyMatch(f -> f.startsWith(Bad.Pair.class.getName() + "#toString: compiler-generated record toString"))
        .noneMatch(f -> f.contains("#fine"));
  }

  @Test
  void theScannerFindsALambdaNamedLikeAJavacNestedClass() {
    JpfCompatibilityScanner scanner = new JpfCompatibilityScanner();
    scanner.scanClass(JpfLambdaNameClash.class);
    assertThat(scanner.findings().stream().map(Object::toString))
        .anyMatch(f -> f.startsWith(JpfLambdaNameClash.class.getName() + "#<class>: lambda bootstrap #1 gets the class name"));
  }

  /** One of each construct the guard must catch, and some it must not. */
  @SuppressWarnings("unused")
  static final class Bad {
    record Pair(int a, String b) {}

    String joined() {
      return String.join(",", java.util.List.of("a"));
    }

    boolean blank(String s) {
      return s.isBlank();
    }

    java.util.List<String> listed() {
      return java.util.stream.Stream.of("a").toList();
    }

    java.util.function.BinaryOperator<Integer> sum() {
      return Integer::sum;
    }

    java.util.function.Function<String, Integer> length() {
      return String::length;
    }

    java.util.function.LongSupplier longValued() {
      return () -> 0L;
    }

    long counter() {
      return new java.util.concurrent.atomic.AtomicLong().incrementAndGet();
    }

    String decoded(byte[] b) {
      return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    String fineDecoded(byte[] b) throws java.io.UnsupportedEncodingException {
      return new String(b, "UTF-8");
    }

    java.io.Reader reader(java.io.InputStream in) {
      return new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8);
    }

    java.util.function.IntBinaryOperator fine() {
      java.util.function.Function<String, String> trim = String::trim;
      return (a, b) -> a + b + trim.apply(" x ").length() + String.format("%d", a).length();
    }
  }

  static JpfCompatibilityScanner scanJpfSide() {
    JpfCompatibilityScanner scanner = new JpfCompatibilityScanner();
    scanner.scan(JpfCompatibilityScanner.codeSource(Platform.class), p -> p.startsWith("dev/condis/reference/"));
    scanner.scan(
        JpfCompatibilityScanner.codeSource(ScenarioHarness.class),
        p -> p.startsWith("dev/condis/model/scenario/")
            || p.startsWith("dev/condis/model/property/")
            || p.startsWith("dev/condis/model/plugin/"));
    Path jpfConfig = JpfCompatibilityScanner.codeSource(JpfMain.class);
    scanner.scan(
        jpfConfig,
        p -> p.startsWith("dev/condis/jpf/JpfMain")
            || p.startsWith("dev/condis/jpf/JpfArguments")
            || p.startsWith("dev/condis/jpf/EventCodec"));
    return scanner;
  }
}
