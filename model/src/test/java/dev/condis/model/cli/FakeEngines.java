package dev.condis.model.cli;

import com.google.common.collect.ImmutableList;
import dev.condis.model.engine.Counterexample;
import dev.condis.model.engine.Engine;
import dev.condis.model.engine.Figures;
import dev.condis.model.engine.ReplayResult;
import dev.condis.model.engine.Verdict;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.property.Violation;
import dev.condis.model.report.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Engines that answer what a test tells them to, recording every request. */
final class FakeEngines implements EngineDirectory {
  final List<VerificationRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  final List<String> replays = new ArrayList<>();
  final List<VerificationRequest> replayRequests = new ArrayList<>();
  private final Map<String, Engine> engines = new LinkedHashMap<>();
  private BiFunction<VerificationRequest, String, ReplayResult> replayer;

  /** An "explorer" that gives {@code verdict} for every scenario. */
  static FakeEngines answering(Verdict verdict) {
    return new FakeEngines().with("explorer", r -> result(r, verdict));
  }

  FakeEngines with(String name, Function<VerificationRequest, VerificationResult> behaviour) {
    engines.put(
        name,
        new Engine() {
          @Override
          public String name() {
            return name;
          }

          @Override
          public VerificationResult verify(VerificationRequest request) {
            requests.add(request);
            return behaviour.apply(request);
          }
        });
    return this;
  }

  FakeEngines replaying(BiFunction<VerificationRequest, String, ReplayResult> replayer) {
    this.replayer = replayer;
    return this;
  }

  static VerificationResult result(VerificationRequest r, Verdict verdict) {
    Optional<Counterexample> cex =
        verdict == Verdict.VIOLATION ? Optional.of(Fixtures.counterexample()) : Optional.empty();
    Optional<String> detail =
        switch (verdict) {
          case INCONCLUSIVE -> Optional.of("time budget reached (30 s)");
          case ERROR -> Optional.of("the explorer failed");
          default -> Optional.empty();
        };
    return new VerificationResult(
        r.config(),
        "explorer",
        verdict,
        ImmutableList.of("exactly-once-completion", "no-leak", "no-uncaught-exception", "livelock", "hang", "controlled-threads"),
        new Figures(12, 3, 9, 4, -1, Duration.ofMillis(20)),
        cex,
        detail);
  }

  static ReplayResult replayResult(String schedule, Optional<Violation> violation, Optional<String> divergence) {
    return new ReplayResult(schedule, schedule, Fixtures.trace(), violation, divergence, Optional.empty());
  }

  @Override
  public List<String> names() {
    return List.copyOf(engines.keySet());
  }

  @Override
  public Optional<Engine> find(String name) {
    return Optional.ofNullable(engines.get(name));
  }

  @Override
  public Optional<Replayer> replayer(String name) {
    if (replayer == null || !name.equals("explorer")) {
      return Optional.empty();
    }
    return Optional.of(
        (request, schedule) -> {
          replays.add(schedule);
          replayRequests.add(request);
          return replayer.apply(request, schedule);
        });
  }

  /** What one run of the command line printed and returned. */
  record Run(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  Run run(String... args) {
    return run(Map.of(), args);
  }

  Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment env = new CliEnvironment(this, false, () -> Fixtures.TOOL, environment);
    int exit = CondisVerify.run(args, env, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }
}
