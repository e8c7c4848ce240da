package dev.condis.reference.rules;

import com.google.common.collect.ImmutableMap;
import dev.condis.reference.event.RuleCategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
    ImmutableMap.Builder<String, Rule> rules = ImmutableMap.builder();
    try (InputStream in = RuleCatalog.class.getResourceAsStream("/dev/condis/reference/rules.tsv");
        BufferedReader reader =
            // The charset by name: JPF's model InputStreamReader has no (InputStream, Charset)
            // constructor, and the rules are loaded inside JPF too (jpf-config/README.md).
            new BufferedReader(new InputStreamReader(in, "UTF-8"))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.trim().isEmpty() || line.startsWith("#")) { // not isBlank: JPF lacks it
          continue;
        }
        String[] f = line.split("\t", 4);
        rules.put(f[0], new Rule(f[0], RuleCategory.valueOf(f[1]), f[2].equals("stated"), f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rules.buildOrThrow();
  }
}
