package dev.condis.reference.rules;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;

/**
 * The 116 rules of condis-rules.md §3, loaded from {@code rules.tsv} (extracted from the
 * digest). Properties and NDIS cite these IDs; the traceability check maps each one to the
 * code that implements or checks it and the test that covers it.
 */
public final class RuleCatalog {
  private static final ImmutableMap<String, Rule> RULES = load();
  /** Rule ID to the written reason the reference does not model it (out-of-scope.tsv). */
  private static final ImmutableMap<String, String> OUT_OF_SCOPE = loadOutOfScope();

  private RuleCatalog() {}

  public static Collection<Rule> all() {
    return RULES.values();
  }

  public static Optional<Rule> find(String id) {
    return Optional.ofNullable(RULES.get(id));
  }

  public static boolean isKnown(String id) {
    return RULES.containsKey(id);
  }

  /** Why the reference does not model rule {@code id}; empty for a rule in scope. */
  public static Optional<String> outOfScopeReason(String id) {
    return Optional.ofNullable(OUT_OF_SCOPE.get(id));
  }

  private static ImmutableMap<String, String> loadOutOfScope() {
    ImmutableMap.Builder<String, String> out = ImmutableMap.builder();
    for (String line : read("/dev/condis/reference/out-of-scope.tsv").split("\r?\n")) {
      if (line.trim().isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 2);
      out.put(f[0].trim(), f.length > 1 ? f[1].trim() : ""); // no reason: TraceabilityTest says so
    }
    return out.buildOrThrow();
  }

  private static String read(String resource) {
    try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource.substring(1) + " is not on the class path");
      }
      return new String(in.readAllBytes(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImmutableMap<String, Rule> load() {
    // Read whole and decoded by charset name, not through a Reader or a Charset: the rules are
    // also loaded inside Java PathFinder, whose model InputStreamReader crashes on this file and
    // whose String(byte[], Charset) mis-decodes it (jpf-config/README.md).
    String text = read("/dev/condis/reference/rules.tsv");
    ImmutableMap.Builder<String, Rule> rules = ImmutableMap.builder();
    for (String line : text.split("\r?\n")) {
      if (line.trim().isEmpty() || line.startsWith("#")) { // not isBlank: JPF lacks it
        continue;
      }
      String[] f = line.split("\t", 4);
      rules.put(f[0], new Rule(f[0], RuleCategory.valueOf(f[1]), f[2].equals("stated"), f[3]));
    }
    return rules.buildOrThrow();
  }
}
