package dev.condis.reference.rules;

import com.google.common.collect.ImmutableMap;
import dev.condis.reference.event.RuleCategory;
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

  private static ImmutableMap<String, Rule> load() {
    // Read whole and decoded by charset name, not through a Reader or a Charset: the rules are
    // also loaded inside Java PathFinder, whose model InputStreamReader crashes on this file and
    // whose String(byte[], Charset) mis-decodes it (jpf-config/README.md).
    String text;
    try (InputStream in = RuleCatalog.class.getResourceAsStream("/dev/condis/reference/rules.tsv")) {
      if (in == null) {
        throw new IllegalStateException("dev/condis/reference/rules.tsv is not on the class path");
      }
      text = new String(in.readAllBytes(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
