package dev.condis.model.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.reference.ddi.NdisCallManagerApi;
import dev.condis.reference.ddi.NdisClientApi;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisMiniportApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A DDI function lives in three places (issue 13): its interface in {@code ddi}, the one
 * router in {@code ndis} that carries it out, and the reference drivers that call or implement
 * it, one file per driver package. A newcomer changing NdisClDropParty reads {@code
 * NdisClientApi}, {@code PartyRouter} and {@code ClientParties}, and nothing forwards it in
 * between. A use is a call or declaration in code ({@code name(}); comments do not count, nor a
 * seeded fault's misuse, marked "Seeded fault" on its line, which sits where it breaks the rules.
 */
class DdiFunctionFilesTest {
  private static final Path MAIN = Path.of("..").toAbsolutePath().normalize()
      .resolve("reference-impl/src/main/java/dev/condis/reference");
  private static final List<Class<?>> DDI =
      List.of(NdisClientApi.class, NdisCallManagerApi.class, NdisCmApi.class, NdisMcmApi.class, NdisMiniportApi.class);

  /** Every function the drivers may call, as NDIS declares it (the MCM's macros are defaults, not functions). */
  static Stream<String> functions() {
    return DDI.stream()
        .flatMap(api -> Stream.of(api.getDeclaredMethods()))
        .filter(m -> Modifier.isAbstract(m.getModifiers()))
        .map(Method::getName)
        .distinct()
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void liveInItsInterfaceItsRouterAndTheReferenceDrivers(String function) throws IOException {
    Map<String, TreeSet<String>> filesByPackage = uses(function);

    assertThat(filesByPackage.get("ndis")).as("NDIS's files naming " + function).hasSize(1)
        .allMatch(f -> f.endsWith("Router.java"));
    assertThat(filesByPackage.get("ddi")).as("its interface").isNotEmpty()
        .allMatch(f -> f.startsWith("Ndis") && f.endsWith("Api.java"));
    filesByPackage.forEach((pkg, files) -> {
      if (!pkg.equals("ddi")) {
        assertThat(files).as(function + " in package " + pkg).hasSize(1);
      }
    });
    assertThat(filesByPackage.keySet()).as("packages naming " + function)
        .isSubsetOf("ddi", "ndis", "client", "cm", "mcm");
  }

  /** Package (below dev.condis.reference) to the main source files that call or declare {@code function}. */
  private static Map<String, TreeSet<String>> uses(String function) throws IOException {
    Pattern use = Pattern.compile("\\b" + function + "\\s*\\(");
    Map<String, TreeSet<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String correct = Files.readString(f).replaceAll("(?m)^.*Seeded fault.*$", "");
        if (use.matcher(PackageGraphTest.code(correct)).find()) {
          String pkg = MAIN.relativize(f.getParent()).toString();
          out.computeIfAbsent(pkg, k -> new TreeSet<>()).add(f.getFileName().toString());
        }
      }
    }
    return out;
  }
}
