package dev.condis.jpf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Runs Java PathFinder once, as an external tool: fills the scenario's {@code .jpf} file and the
 * {@code site.properties} template (resources {@code jpf/}) with absolute paths, starts {@code
 * java <flags> -jar <jpf.home>/build/RunJPF.jar +target.args=... <scenario>.jpf} on a JDK 17 from
 * a fresh working directory (so no stray {@code jpf.properties} or {@code site.properties} is
 * picked up), and collects its console output and XML report.
 *
 * <p>Placeholders in the templates (all filled with absolute paths or numbers):
 *
 * <ul>
 *   <li>{@code @JPF_HOME@}: the jpf-core installation (site.properties);
 *   <li>{@code @SITE@}: the filled site.properties;
 *   <li>{@code @CLASSPATH@}: the checked program's class path (this module, model, explorer,
 *       reference, Guava and its annotation jars, the user's driver classpath);
 *   <li>{@code @SOURCEPATH@}: the modules' source folders, for source lines in traces;
 *   <li>{@code @REPORT@}: the XML report's path without ".xml";
 *   <li>{@code @TIME_BUDGET_MS@}: the time budget (BudgetChecker's budget.max_time);
 *   <li>{@code @RESOURCES@}: a folder with the checked program's resource files (e.g. the
 *       reference's rules.tsv), appended to JPF's {@code native_classpath}: JPF's
 *       {@code Class.getResourceAsStream} reads resources from its own host class path, not
 *       the program's.
 * </ul>
 *
 * <p>The explorer's {@code --max-executions} and {@code --max-depth} do not apply: JPF counts
 * states and its depth is in transitions; a JPF search is bounded by the time budget.
 */
final class JpfRunner {

  /** What JPF needs on a JDK 17 host (the java-17 branch's Gradle test jvmArgs). */
  static final List<String> JVM_FLAGS =
      List.of(
          "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-opens", "java.base/java.lang=ALL-UNNAMED",
          "--add-opens", "java.base/java.util=ALL-UNNAMED");

  /**
   * With data races off: no scheduling point at a field or array access (in any method, of any
   * type, including the fields of the classes JPF makes for lambdas) and none where a reference
   * makes an object shared, so JPF interleaves the threads only at monitor, wait/notify and
   * thread operations: the explorer's premise, and some 25 times fewer states. The race
   * detector, which needs the field-level points, is left out.
   *
   * <p>Nor a point where a thread releases a monitor another one waits to enter, or notifies
   * one: the other thread's next step is its own acquisition, which is a point, and what the
   * releasing thread does until its next point touches nothing the other reads without a
   * lock (no data race), so every order of the synchronisation operations is still explored.
   */
  static final List<String> WITHOUT_RACES =
      List.of(
          "+vm.shared.never_break_methods=*.*",
          "+vm.shared.never_break_types=*",
          "+vm.shared.never_break_fields=*.*",
          "+vm.shared.break_on_exposure=false",
          "+cg.break_lock_release=false",
          "+cg.break_notify=false",
          "+listener=gov.nasa.jpf.listener.BudgetChecker");

  /** How long JPF gets beyond the time budget (start-up, class loading, reports) before it is killed. */
  static final Duration GRACE = Duration.ofMinutes(2);

  /** The outcome of one run. */
  static final class Run {
    final Path workDir;
    final List<String> command;
    final String console;
    final String stderr;
    final Path xmlReport;
    final Integer exitCode; // null when killed
    final Duration wallTime;

    Run(Path workDir, List<String> command, String console, String stderr, Path xmlReport, Integer exitCode, Duration wallTime) {
      this.workDir = workDir;
      this.command = command;
      this.console = console;
      this.stderr = stderr;
      this.xmlReport = xmlReport;
      this.exitCode = exitCode;
      this.wallTime = wallTime;
    }

    boolean killed() {
      return exitCode == null;
    }
  }

  private final JpfHome home;
  private final JavaHost java;

  JpfRunner(JpfHome home, JavaHost java) {
    this.home = home;
    this.java = java;
  }

  /** The .jpf template of {@code scenario}, from the resources; null if there is none. */
  static String template(String resource) {
    try (InputStream in = JpfRunner.class.getResourceAsStream("/jpf/" + resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("@" + e.getKey() + "@", e.getValue());
    }
    return out;
  }

  /** The source folders next to the module class folders, when run from a source tree. */
  static List<Path> sourcepath(List<Path> classpath) {
    List<Path> out = new ArrayList<>();
    for (Path p : classpath) {
      // <module>/target/classes or <module>/target/<artifact>.jar -> <module>/src/main/java
      Path target = p.endsWith(Path.of("target", "classes")) ? p.getParent()
          : p.getFileName() != null && p.getFileName().toString().endsWith(".jar") ? p.getParent() : null;
      if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
        Path src = target.getParent().resolve("src/main/java");
        if (Files.isDirectory(src)) {
          out.add(src);
        }
      }
    }
    return out;
  }

  /**
   * Copies the resource files (not classes, not META-INF) of {@code classpath}'s folders and
   * jars into {@code target}: JPF serves {@code getResourceAsStream} from its host class path,
   * where classes must not go (JPF would initialise them on the host).
   */
  static Path copyResources(List<Path> classpath, Path target) throws IOException {
    Files.createDirectories(target);
    for (Path entry : classpath) {
      if (Files.isDirectory(entry)) {
        try (Stream<Path> files = Files.walk(entry)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            String rel = entry.relativize(f).toString().replace('\\', '/');
            if (isResource(rel)) {
              Path out = target.resolve(rel);
              Files.createDirectories(out.getParent());
              Files.copy(f, out, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      } else if (Files.isRegularFile(entry) && isOurs(entry)) {
        try (JarFile jar = new JarFile(entry.toFile())) {
          for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
            if (!e.isDirectory() && isResource(e.getName())) {
              Path out = target.resolve(e.getName());
              Files.createDirectories(out.getParent());
              try (InputStream in = jar.getInputStream(e)) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
              }
            }
          }
        }
      }
    }
    return target;
  }

  private static boolean isResource(String path) {
    return !path.endsWith(".class") && !path.startsWith("META-INF/") && !path.startsWith("jpf/");
  }

  /** Our own jars (the condis modules); third-party jars carry no resource the program reads. */
  private static boolean isOurs(Path jar) {
    String name = jar.getFileName().toString();
    return name.startsWith("condis-");
  }

  Run run(
      String scenario, JpfArguments arguments, List<Path> userClasspath, Duration timeBudget, boolean races)
      throws IOException, InterruptedException {
    String jpfTemplate = template(scenario + ".jpf");
    if (jpfTemplate == null) {
      throw new IllegalStateException(
          "jpf-config has no jpf/" + scenario + ".jpf for scenario " + scenario + " (one .jpf per scenario)");
    }
    Path work = Files.createTempDirectory("condis-jpf-" + scenario + "-");
    Path site = work.resolve("site.properties");
    Files.writeString(site, fill(template("site.properties"), Map.of("JPF_HOME", home.dir().toString())));
    List<Path> classpath = SutClasspath.compute(userClasspath, home.dir());
    Path report = work.resolve("report");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("SITE", site.toString());
    values.put("CLASSPATH", SutClasspath.join(classpath));
    values.put("SOURCEPATH", SutClasspath.join(sourcepath(classpath)));
    values.put("REPORT", report.toString());
    values.put("TIME_BUDGET_MS", Long.toString(Math.max(1000, timeBudget.toMillis())));
    values.put("RESOURCES", copyResources(classpath, work.resolve("resources")).toString());
    Path app = work.resolve(scenario + ".jpf");
    Files.writeString(app, fill(jpfTemplate, values));

    List<String> command = new ArrayList<>();
    command.add(java.java().toString());
    command.add("-Xmx1536m");
    command.addAll(JVM_FLAGS);
    command.add("-jar");
    command.add(home.runJpfJar().toString());
    command.add("+target.args=" + arguments.targetArgs());
    if (!races) {
      command.addAll(WITHOUT_RACES);
    }
    command.add(app.toString());

    Path stdout = work.resolve("console.txt");
    Path stderr = work.resolve("stderr.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    pb.environment().put("JAVA_HOME", java.javaHome().toString());
    long start = System.nanoTime();
    Process p = pb.start();
    // JPF must not outlive condis-verify (Ctrl-C, a killed test run).
    Thread stopJpf = new Thread(p::destroyForcibly, "stop-jpf");
    Runtime.getRuntime().addShutdownHook(stopJpf);
    Integer exit;
    try {
      if (p.waitFor(timeBudget.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
        exit = p.exitValue();
      } else {
        exit = null;
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopJpf);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    return new Run(
        work,
        command,
        new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8),
        new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8),
        work.resolve("report.xml"),
        exit,
        wall);
  }
}
