package dev.condis.model.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import dev.condis.model.plugin.DriverLoader;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.ddi.CoNdisMiniport;
import dev.condis.reference.ddi.IntegratedCallManager;
import dev.condis.reference.ddi.StandaloneCallManager;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Which scenario instances to check and with which drivers: shared by {@code verify} and
 * {@code replay}. Options narrow the default suite: {@code --scenario} picks one scenario,
 * {@code --cm} and {@code --vc} pin a parameter (without them, every call-manager kind and
 * VC owner the scenario supports is checked), {@code --parties} sets the party count (needs
 * {@code --scenario}). Faults and user drivers apply to every instance.
 */
public final class ScenarioOptions {

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description = "The scenario (see 'list scenarios'). verify: default the whole default suite; replay: required.")
  String scenario;

  @Option(
      names = "--suite",
      paramLabel = "default|nightly",
      description = "verify without --scenario: which suite (see 'list scenarios'). Default: default. nightly adds larger sizes and the uncut races.")
  String suite;

  @Option(
      names = "--parties",
      paramLabel = "N",
      description = "Number of parties (0 = point-to-point). Needs --scenario. Default: the scenario's.")
  Integer parties;

  @Option(
      names = "--cm",
      paramLabel = "standalone|mcm",
      description = "Call manager kind: a stand-alone CM over a miniport, or an MCM. verify: default both; replay: default standalone.")
  String cm;

  @Option(
      names = "--vc",
      paramLabel = "client|cm",
      description = "Who creates the VC: the client (outgoing call) or the call manager (incoming). verify: default every owner the scenario supports; replay: the scenario's default owner.")
  String vc;

  @Option(
      names = "--inject",
      paramLabel = "FAULT",
      split = ",",
      description = "Switch on a seeded fault in the reference drivers (repeatable; see 'list faults').")
  List<String> inject = new ArrayList<>();

  @Option(names = "--client", paramLabel = "CLASS", description = "Your client driver class (implements ClientDriver).")
  String client;

  @Option(
      names = "--call-manager",
      paramLabel = "CLASS",
      description = "Your stand-alone call manager class (implements StandaloneCallManager); implies --cm standalone.")
  String callManager;

  @Option(
      names = "--miniport",
      paramLabel = "CLASS",
      description = "Your miniport class: a CoNdisMiniport (under the stand-alone CM) or an IntegratedCallManager (MCM).")
  String miniport;

  @Option(
      names = "--classpath",
      paramLabel = "PATH",
      description = "Where your driver and property classes are: directories and jars separated by '${sys:path.separator}'.")
  String classpath;

  /** The {@code --classpath} entries. */
  public ImmutableList<Path> classpathEntries() {
    if (classpath == null || classpath.isBlank()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Path> out = ImmutableList.builder();
    for (String s : Splitter.on(File.pathSeparatorChar).omitEmptyStrings().trimResults().split(classpath)) {
      try {
        out.add(Path.of(s));
      } catch (java.nio.file.InvalidPathException e) {
        throw new BadInputException("bad --classpath entry '" + s + "': " + e.getReason());
      }
    }
    return out.build();
  }

  /** The {@code --inject} faults; an unknown name is bad input. */
  public FaultSet faults() {
    Set<SeededFault> out = new LinkedHashSet<>();
    for (String name : inject) {
      String n = name.strip();
      SeededFault fault = null;
      for (SeededFault f : SeededFault.values()) {
        if (f.cliName().equalsIgnoreCase(n) || f.name().equalsIgnoreCase(n)) {
          fault = f;
        }
      }
      if (fault == null) {
        throw new BadInputException(
            "unknown fault '" + n + "'; known: "
                + java.util.Arrays.stream(SeededFault.values()).map(SeededFault::cliName).collect(Collectors.joining(", ")));
      }
      out.add(fault);
    }
    return FaultSet.of(out);
  }

  /** The drivers under test, each user class checked (found, right interface, no-arg constructor). */
  public DriverSelection drivers() {
    ImmutableList<Path> cp = classpathEntries();
    try {
      if (client != null) {
        DriverLoader.loadClass(client, ClientDriver.class, cp, "client");
      }
      if (callManager != null) {
        DriverLoader.loadClass(callManager, StandaloneCallManager.class, cp, "call manager");
      }
      if (miniport != null) {
        miniportKind(cp);
      }
    } catch (DriverLoader.BadDriverException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    return new DriverSelection(
        Optional.ofNullable(client), Optional.ofNullable(callManager), Optional.ofNullable(miniport), cp);
  }

  /** The call-manager kind a {@code --miniport} class is for. */
  private CallManagerKind miniportKind(List<Path> cp) {
    Class<?> c = DriverLoader.loadClass(miniport, Object.class, cp, "miniport");
    if (IntegratedCallManager.class.isAssignableFrom(c)) {
      return CallManagerKind.MCM;
    } else if (CoNdisMiniport.class.isAssignableFrom(c)) {
      return CallManagerKind.STANDALONE;
    }
    throw new BadInputException(
        "miniport class " + miniport + " implements neither " + CoNdisMiniport.class.getName()
            + " nor " + IntegratedCallManager.class.getName());
  }

  /** The call-manager kinds the selected drivers can run under. */
  private Set<CallManagerKind> compatibleKinds(DriverSelection drivers) {
    Set<CallManagerKind> kinds = EnumSet.allOf(CallManagerKind.class);
    if (callManager != null) {
      kinds.retainAll(EnumSet.of(CallManagerKind.STANDALONE));
    }
    if (miniport != null) {
      kinds.retainAll(EnumSet.of(miniportKind(drivers.classpath())));
    }
    if (kinds.isEmpty()) {
      throw new BadInputException(
          "--call-manager is a stand-alone call manager but --miniport " + miniport
              + " is an MCM; give one or the other");
    }
    return kinds;
  }

  public Optional<CallManagerKind> pinnedKind() {
    if (cm == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ScenarioDefinition.parseCallManagerKind(cm));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  public Optional<VcOwner> pinnedVcOwner() {
    if (vc == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ScenarioDefinition.parseVcOwner(vc));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** The named scenario, or bad input listing the known ones. */
  public ScenarioDefinition definition() {
    return ScenarioCatalog.find(scenario.strip())
        .orElseThrow(
            () ->
                new BadInputException(
                    "unknown scenario '" + scenario + "'; known: "
                        + ScenarioCatalog.all().stream().map(ScenarioDefinition::name).collect(Collectors.joining(", "))));
  }

  /** The scenario instances selected, in suite order. */
  public ImmutableList<ScenarioConfig> configs() {
    FaultSet faults = faults();
    DriverSelection drivers = drivers();
    Set<CallManagerKind> kinds = compatibleKinds(drivers);
    Optional<CallManagerKind> kind = pinnedKind();
    Optional<VcOwner> owner = pinnedVcOwner();
    if (kind.isPresent() && !kinds.contains(kind.get())) {
      throw new BadInputException(
          "--cm " + cm + " does not fit the drivers given ("
              + (callManager != null ? "--call-manager needs --cm standalone" : "--miniport " + miniport + " is for --cm " + ScenarioDefinition.cliName(kinds.iterator().next()))
              + ")");
    }
    kind.ifPresent(k -> kinds.retainAll(EnumSet.of(k)));
    List<ScenarioConfig> out = new ArrayList<>();
    if (scenario != null && suite != null) {
      throw new BadInputException("--suite and --scenario exclude each other: a suite is a list of scenarios");
    }
    if (scenario == null) {
      if (parties != null) {
        throw new BadInputException("--parties needs --scenario (each scenario has its own range)");
      }
      ImmutableList<ScenarioConfig> selected;
      try {
        selected = ScenarioCatalog.suite(suite == null ? "default" : suite.strip());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      for (ScenarioConfig c : selected) {
        if (kinds.contains(c.callManagerKind()) && owner.map(o -> o == c.vcOwner()).orElse(true)) {
          out.add(new ScenarioConfig(c.scenario(), c.parties(), c.callManagerKind(), c.vcOwner(), faults, drivers));
        }
      }
      if (out.isEmpty()) {
        throw new BadInputException("no scenario of the " + (suite == null ? "default" : suite.strip())
            + " suite runs with --vc " + vc);
      }
      return ImmutableList.copyOf(out);
    }
    ScenarioDefinition def = definition();
    List<VcOwner> owners = new ArrayList<>();
    if (owner.isPresent()) {
      owners.add(owner.get());
    } else {
      owners.add(def.defaultVcOwner());
      def.vcOwners().stream().filter(o -> o != def.defaultVcOwner()).forEach(owners::add);
    }
    for (CallManagerKind k : CallManagerKind.values()) {
      if (!kinds.contains(k)) {
        continue;
      }
      for (VcOwner o : owners) {
        try {
          out.add(def.config(parties == null ? def.defaultParties() : parties, k, o, faults, drivers));
        } catch (IllegalArgumentException e) {
          throw new BadInputException(e.getMessage(), e);
        }
      }
    }
    return ImmutableList.copyOf(out);
  }

  /**
   * Exactly one instance, for {@code replay}: needs {@code --scenario}; {@code --cm} and
   * {@code --vc} default to stand-alone and the scenario's default owner.
   */
  public ScenarioConfig single() {
    if (scenario == null) {
      throw new BadInputException("replay needs --scenario NAME (the one the counterexample came from)");
    }
    ScenarioDefinition def = definition();
    DriverSelection drivers = drivers();
    Set<CallManagerKind> kinds = compatibleKinds(drivers);
    CallManagerKind kind =
        pinnedKind().orElse(kinds.contains(CallManagerKind.STANDALONE) ? CallManagerKind.STANDALONE : CallManagerKind.MCM);
    if (!kinds.contains(kind)) {
      throw new BadInputException("--cm " + cm + " does not fit the drivers given");
    }
    try {
      return def.config(
          parties == null ? def.defaultParties() : parties,
          kind,
          pinnedVcOwner().orElse(def.defaultVcOwner()),
          faults(),
          drivers);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }
}
