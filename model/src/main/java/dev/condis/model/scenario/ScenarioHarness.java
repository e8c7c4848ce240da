package dev.condis.model.scenario;

import com.google.common.collect.ImmutableList;
import dev.condis.model.plugin.DriverLoader;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.property.PropertyFailure;
import dev.condis.model.property.PropertyListener;
import dev.condis.model.property.PropertyReporter;
import dev.condis.model.property.Violation;
import dev.condis.reference.client.ReferenceClient;
import dev.condis.reference.cm.ReferenceCallManager;
import dev.condis.reference.cm.ReferenceMiniport;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.ddi.CoNdisMiniport;
import dev.condis.reference.ddi.IntegratedCallManager;
import dev.condis.reference.ddi.StandaloneCallManager;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.event.NdisListener;
import dev.condis.reference.mcm.ReferenceMcm;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.system.CallManagerKind;
import dev.condis.reference.system.CoNdisSystem;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one place that runs a scenario instance: on a given {@link Platform} (the explorer's
 * controlled one, or the plain-Java one under JPF), with the drivers of the {@link
 * DriverSelection} (reference drivers by default, a user's classes by name), with fresh
 * property listeners fed every NDIS event, then {@code finish()} and the listeners'
 * end-of-run checks.
 *
 * <p>Build it once per search ({@link #ScenarioHarness}: resolves the scenario and loads
 * every class, so bad input is found before the search starts) and call {@link #runOnce}
 * for every execution; each call makes fresh drivers, listeners and a fresh system.
 */
public final class ScenarioHarness {
  private final ScenarioConfig config;
  private final ScenarioDefinition scenario;
  /** The scenario's choice constraints under this call manager kind: merged once, not per execution. */
  private final ChoiceConstraints constraints;
  private final PropertyCatalog.Factory properties;
  private final boolean eventOrder;
  private final Class<? extends ClientDriver> clientClass;
  private final Class<? extends StandaloneCallManager> callManagerClass;
  private final Class<? extends CoNdisMiniport> miniportClass;
  private final Class<? extends IntegratedCallManager> mcmClass;
  /** Null unless {@link #trackPremises()} was called (the explorer engine). */
  private Premises premises;
  /** Null unless {@link #trackRuleChecks()} was called (the explorer engine). */
  private RuleChecks ruleChecks;

  /**
   * Resolves everything up front. Bad input (unknown scenario, bad parameters, a driver or
   * property class that cannot be used) throws {@link IllegalArgumentException} (often a
   * {@link DriverLoader.BadDriverException}) with one clear line.
   */
  public ScenarioHarness(ScenarioConfig config, List<String> propertyClasses) {
    this.config = Objects.requireNonNull(config, "config");
    this.scenario = ScenarioCatalog.get(config.scenario());
    this.constraints = scenario.constraintsFor(config.callManagerKind());
    // Re-validates the parameters against the scenario's ranges.
    scenario.config(
        config.parties(), config.callManagerKind(), config.vcOwner(), config.faults(), config.drivers());
    DriverSelection d = config.drivers();
    List<java.nio.file.Path> cp = d.classpath();
    this.clientClass =
        d.clientClass().isPresent()
            ? DriverLoader.loadClass(d.clientClass().get(), ClientDriver.class, cp, "client")
            : ReferenceClient.class;
    if (config.callManagerKind() == CallManagerKind.STANDALONE) {
      this.callManagerClass =
          d.callManagerClass().isPresent()
              ? DriverLoader.loadClass(
                  d.callManagerClass().get(), StandaloneCallManager.class, cp, "call manager")
              : ReferenceCallManager.class;
      this.miniportClass =
          d.miniportClass().isPresent()
              ? DriverLoader.loadClass(d.miniportClass().get(), CoNdisMiniport.class, cp, "miniport")
              : ReferenceMiniport.class;
      this.mcmClass = null;
    } else {
      if (d.callManagerClass().isPresent()) {
        throw new DriverLoader.BadDriverException(
            "--call-manager is for the stand-alone call manager; with --cm mcm give the MCM with --miniport");
      }
      this.callManagerClass = null;
      this.miniportClass = null;
      this.mcmClass =
          d.miniportClass().isPresent()
              ? DriverLoader.loadClass(
                  d.miniportClass().get(), IntegratedCallManager.class, cp, "miniport (MCM)")
              : ReferenceMcm.class;
    }
    this.properties = PropertyCatalog.prepare(propertyClasses, cp);
    this.eventOrder = properties.needsEventOrder();
    // Construct each driver once now: a throwing constructor is bad input, not a search result.
    newClient();
    if (mcmClass != null) {
      DriverLoader.newInstance(mcmClass, "miniport (MCM)");
    } else {
      DriverLoader.newInstance(callManagerClass, "call manager");
      DriverLoader.newInstance(miniportClass, "miniport");
    }
  }

  public ScenarioConfig config() {
    return config;
  }

  /**
   * From now on, records which of the scenario's premises ({@link ScenarioCatalog#premises})
   * the drivers meet, across every {@link #runOnce}; returns the ledger. For a checker whose
   * executions share one JVM state (the explorer); JPF backtracks the program's state.
   */
  public Premises trackPremises() {
    premises = new Premises(ScenarioCatalog.premises(config));
    return premises;
  }

  /** From now on, records which rules' checks ran in the executions of this harness. */
  public RuleChecks trackRuleChecks() {
    ruleChecks = new RuleChecks();
    return ruleChecks;
  }

  public ScenarioDefinition scenario() {
    return scenario;
  }

  /**
   * Whether a checker must explore every order of the event stream for the selected
   * properties ({@link PropertyCatalog.Factory#needsEventOrder()}).
   */
  public boolean needsEventOrder() {
    return eventOrder;
  }

  /** The ids of the properties each execution checks, in order. */
  public ImmutableList<String> propertyIds() {
    return properties.ids();
  }

  private ClientDriver newClient() {
    return DriverLoader.newInstance(clientClass, "client");
  }

  /**
   * Runs one execution on {@code platform}: fresh drivers and listeners, the scenario body,
   * {@code finish()}, then each listener's end-of-run check. A violation goes to {@code sink}
   * (which under the explorer and JPF ends the execution). {@code trace}, if not null, gets
   * every event in order, before the properties see it.
   *
   * @return the final snapshot, for tests
   */
  public NdisSnapshot runOnce(Platform platform, ViolationSink sink, Consumer<NdisEvent> trace) {
    return runOnce(platform, sink, trace, null);
  }

  /**
   * {@link #runOnce(Platform, ViolationSink, Consumer)} with state checkpoints at the
   * scenario's quiescent points ({@code checkpoints} null for none): returns null when the
   * execution stopped at a state an earlier execution of the same search already reached.
   */
  public NdisSnapshot runOnce(
      Platform platform, ViolationSink sink, Consumer<NdisEvent> trace, Checkpoints checkpoints) {
    Platform p = constraints.apply(platform, premises);
    // Checkpoints need to know which path an execution took: only a platform that tracks it.
    Checkpoints.PathSource pathSource =
        checkpoints != null && platform instanceof Checkpoints.PathSource s ? s : null;
    ImmutableList<PropertyListener> listeners = properties.newInstances();
    ClientDriver client = newClient();
    CoNdisSystem.Builder builder =
        CoNdisSystem.builder()
            .platform(p)
            .callManagerKind(config.callManagerKind())
            .client(client)
            .faults(config.faults());
    if (config.callManagerKind() == CallManagerKind.MCM) {
      builder.integratedCallManager(DriverLoader.newInstance(mcmClass, "miniport (MCM)"));
    } else {
      builder.standaloneCallManager(
          DriverLoader.newInstance(callManagerClass, "call manager"),
          DriverLoader.newInstance(miniportClass, "miniport"));
    }
    if (trace != null) {
      builder.listener(trace::accept);
    }
    if (ruleChecks != null) {
      builder.recordChecks(new CheckRecorder(ruleChecks));
    }
    for (PropertyListener listener : listeners) {
      PropertyReporter reporter = reporter(listener, sink, ruleChecks);
      builder.listener(new GuardedListener(listener, reporter));
    }
    CoNdisSystem system = builder.build();
    ScenarioContext ctx =
        new ScenarioContext(
            config,
            p,
            system.client(),
            system.callManager(),
            pathSource == null ? null : checkpoints,
            pathSource,
            system,
            listeners);
    try {
      scenario.body().run(ctx);
      ctx.joinAll();
      // Every scenario ends quiescent before finish(): nothing the body started still runs
      // while the drivers shut down (and the end state is a checkpoint once it pays). Not in
      // a split's top levels: whether it pays is what this worker saw in its own units, and
      // every worker must check there alike.
      ctx.settle(checkpoints == null || checkpoints.checksAtEnd() && pathSource != null && pathSource.mayCut());
    } catch (Checkpoints.Reached stop) {
      return null;
    }
    long branchesBefore = pathSource == null ? 0 : pathSource.branchPoints();
    NdisSnapshot snapshot = system.finish();
    if (pathSource != null && pathSource.branchPoints() > branchesBefore) {
      checkpoints.branchedAtEnd();
    }
    for (PropertyListener listener : listeners) {
      guarded(listener, "onExecutionEnd",
          () -> listener.onExecutionEnd(snapshot, reporter(listener, sink, ruleChecks)));
    }
    return snapshot;
  }

  /**
   * Runs a listener's callback: an exception it throws is that property's error
   * ({@link PropertyFailure}), not the drivers'. A built-in's stays what it is, our internal
   * error; the engine's own unwinding (an Error) passes.
   */
  private static void guarded(PropertyListener listener, String method, Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      if (PropertyCatalog.isBuiltIn(listener.getClass())) {
        throw e;
      }
      throw new PropertyFailure(listener, method, e);
    }
  }

  // The two below are classes, not lambdas, because the state fingerprint reads them, and a
  // lambda's class is named per JVM: shards compare fingerprints across JVMs.

  /** Hands a property listener NDIS's events through {@link #guarded}. */
  private static final class GuardedListener implements NdisListener {
    private final PropertyListener listener;
    private final PropertyReporter reporter;

    GuardedListener(PropertyListener listener, PropertyReporter reporter) {
      this.listener = listener;
      this.reporter = reporter;
    }

    @Override
    public void onEvent(NdisEvent event) {
      guarded(listener, "onEvent", () -> listener.onEvent(event, reporter));
    }
  }

  /** Records each rule whose check ran, into the search's ledger. */
  private static final class CheckRecorder implements java.util.function.Consumer<String> {
    private final RuleChecks checks;

    CheckRecorder(RuleChecks checks) {
      this.checks = checks;
    }

    @Override
    public void accept(String ruleId) {
      checks.checked(ruleId);
    }
  }

  private static PropertyReporter reporter(PropertyListener listener, ViolationSink sink, RuleChecks checks) {
    return new Reporter(listener.id(), sink, checks);
  }

  /**
   * A property's reports go to the sink, its rule checks to the ledger (null: not recorded). A
   * named class, not an anonymous one: JPF would give this class's lambdas its name.
   */
  private static final class Reporter implements PropertyReporter {
    private final String property;
    private final ViolationSink sink;
    private final RuleChecks checks;

    Reporter(String property, ViolationSink sink, RuleChecks checks) {
      this.property = property;
      this.sink = sink;
      this.checks = checks;
    }

    @Override
    public void violation(String ruleId, String message) {
      sink.report(new Violation(property, ruleId, message));
    }

    @Override
    public void checked(String ruleId) {
      if (checks != null) {
        checks.checked(ruleId);
      }
    }
  }
}
