package dev.condis.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other one way: no cycle among the packages of the main code of
 * reference-impl, explorer, model and jpf-config. A dependency is an import or a qualified name
 * in code (comments and strings do not count), so a cycle shows here before it sets in.
 */
class PackageGraphTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern USE = Pattern.compile("\\b(dev\\.condis(?:\\.[a-z]\\w*)+)\\.[A-Z]");

  @Test
  void noPackageCycles() throws IOException {
    Map<String, Set<String>> graph = graph();
    assertThat(graph).containsKeys("dev.condis.reference.ddi", "dev.condis.model.explorer", "dev.condis.model.engine");
    assertThat(cycles(graph)).isEmpty();
  }

  /**
   * The project's ndis.h ({@code ddi}: values, functions, handlers, environments, contexts) is
   * what a driver compiles against, so it names nothing of NDIS's emulation, the event stream
   * or the drivers: only the platform seam, the rules digest and the seeded-fault switches its
   * environments carry.
   */
  @Test
  void theDdiDependsOnlyOnThePlatformTheRulesAndTheFaultSwitches() throws IOException {
    assertThat(graph().get("dev.condis.reference.ddi")).containsExactlyInAnyOrder(
        "dev.condis.reference", "dev.condis.reference.platform", "dev.condis.reference.rules",
        "dev.condis.reference.fault");
    assertThat(graph().get("dev.condis.reference.rules")).containsOnly("dev.condis.reference");
    assertThat(graph().get("dev.condis.reference.fault")).containsOnly("dev.condis.reference", "dev.condis.reference.rules");
  }

  /** Package to the packages its main code uses, over the four modules. */
  static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String module : List.of("reference-impl", "explorer", "model", "jpf-config")) {
      try (Stream<Path> files = Files.walk(REPO.resolve(module).resolve("src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(f);
          Matcher pkg = PACKAGE.matcher(text);
          if (!pkg.find()) {
            continue;
          }
          String from = pkg.group(1);
          Set<String> to = out.computeIfAbsent(from, k -> new TreeSet<>());
          Matcher use = USE.matcher(code(text));
          while (use.find()) {
            if (!use.group(1).equals(from)) {
              to.add(use.group(1));
            }
          }
        }
      }
    }
    return out;
  }

  /** The text without comments and string literals. */
  static String code(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
  }

  /** The strongly connected components with more than one package (Tarjan). */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] next = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, out, next);
      }
    }
    return out;
  }

  private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] next) {
    index.put(v, next[0]);
    low.put(v, next[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out, next);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }
}
