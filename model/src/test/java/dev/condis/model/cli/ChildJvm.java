package dev.condis.model.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real condis-verify process: a child JVM with this test's class path. */
final class ChildJvm {
  /** What the child left: its exit code, and its condis-verify lines on stderr. */
  record Child(int exit, String err) {
    List<String> lines() {
      return err.lines().filter(l -> l.startsWith("condis-verify:")).toList();
    }
  }

  private ChildJvm() {}

  /** The command line of {@code condis-verify ARGS}, with JVM options {@code jvmOptions}. */
  static List<String> command(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), CondisVerify.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code condis-verify ARGS} to its end; its output lands in {@code dir}. */
  static Child run(Path dir, List<String> jvmOptions, String... args) throws Exception {
    Process p = start(dir, command(jvmOptions, args));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
    return new Child(p.exitValue(), err(dir));
  }

  static Process start(Path dir, List<String> command) throws Exception {
    return new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile())
        .start();
  }

  static String out(Path dir) throws Exception {
    return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
  }

  static String err(Path dir) throws Exception {
    return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
  }
}
