package dev.condis.jpf;

import com.google.common.collect.ImmutableList;
import dev.condis.model.scenario.DriverSelection;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.model.scenario.ScenarioDefinition;
import dev.condis.model.scenario.VcOwner;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.fault.SeededFault;
import dev.condis.reference.system.CallManagerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@link JpfMain}: one scenario instance and the property classes, as
 * {@code key=value} words. The host ({@link JpfEngine}) writes them into JPF's {@code
 * target.args}, which JPF splits on commas (and {@code ;}), so a word never contains either;
 * lists inside a word are joined with {@code +}.
 *
 * <pre>
 *   scenario=make-close parties=0 cm=standalone vc=client
 *   inject=MCM_DOUBLE_CLOSE_COMPLETE+...   (seeded faults by enum name; optional)
 *   property=dev.condis.model.property.NoLeakProperty+...   (class names; optional: default set)
 *   client=C  call-manager=C  miniport=C   (a user's driver classes; optional; on JPF's classpath)
 *   events=off   (do not print the NDIS events; default: print them, see {@link JpfMain})
 *   races=off    (JPF interleaves at synchronisation operations only; default: on)
 * </pre>
 *
 * <p>The parser runs inside JPF, so it keeps to what JPF's model classes support (no
 * {@code String.join}, {@code strip}, {@code isBlank}, no generated record methods).
 */
public final class JpfArguments {
  private static final String LIST = "+";

  private final ScenarioConfig config;
  private final ImmutableList<String> propertyClasses;
  private final boolean events;
  private final boolean races;

  public JpfArguments(ScenarioConfig config, List<String> propertyClasses) {
    this(config, propertyClasses, true, true);
  }

  public JpfArguments(ScenarioConfig config, List<String> propertyClasses, boolean events, boolean races) {
    this.config = config;
    this.propertyClasses = ImmutableList.copyOf(propertyClasses);
    this.events = events;
    this.races = races;
  }

  /**
   * Whether JPF runs with field-level scheduling points and the race detector; without them
   * (the engine's {@code jpf.races=false}) JpfMain uses {@link
   * dev.condis.reference.platform.JavaPlatform#forJpfSynchronisationOrders}.
   */
  public boolean races() {
    return races;
  }

  /** Whether JpfMain prints every NDIS event (for the counterexample's sequence chart). */
  public boolean events() {
    return events;
  }

  public ScenarioConfig config() {
    return config;
  }

  public ImmutableList<String> propertyClasses() {
    return propertyClasses;
  }

  /**
   * The words for JPF's {@code target.args}. User driver classes are passed by name only: the
   * engine puts their classpath on JPF's, so inside JPF they load from the system class loader.
   */
  public List<String> toWords() {
    List<String> out = new ArrayList<>();
    out.add("scenario=" + config.scenario());
    out.add("parties=" + config.parties());
    out.add("cm=" + ScenarioDefinition.cliName(config.callManagerKind()));
    out.add("vc=" + ScenarioDefinition.cliName(config.vcOwner()));
    if (!config.faults().isEmpty()) {
      StringBuilder faults = new StringBuilder();
      for (SeededFault f : config.faults().asSet()) {
        faults.append(faults.length() == 0 ? "" : LIST).append(f.name());
      }
      out.add("inject=" + faults);
    }
    if (!propertyClasses.isEmpty()) {
      StringBuilder props = new StringBuilder();
      for (String p : propertyClasses) {
        props.append(props.length() == 0 ? "" : LIST).append(p);
      }
      out.add("property=" + props);
    }
    if (!events) {
      out.add("events=off");
    }
    if (!races) {
      out.add("races=off");
    }
    config.drivers().clientClass().ifPresent(c -> out.add("client=" + c));
    config.drivers().callManagerClass().ifPresent(c -> out.add("call-manager=" + c));
    config.drivers().miniportClass().ifPresent(c -> out.add("miniport=" + c));
    for (String w : out) {
      if (w.indexOf(',') >= 0 || w.indexOf(';') >= 0) {
        throw new IllegalArgumentException("cannot pass '" + w + "' to JPF: it contains ',' or ';'");
      }
    }
    return out;
  }

  /** {@link #toWords()} joined with commas: the value of JPF's {@code target.args}. */
  public String targetArgs() {
    StringBuilder sb = new StringBuilder();
    for (String w : toWords()) {
      sb.append(sb.length() == 0 ? "" : ",").append(w);
    }
    return sb.toString();
  }

  /** Parses {@link #toWords()}; a word it does not know throws {@link IllegalArgumentException}. */
  public static JpfArguments parse(String[] words) {
    String scenario = null;
    int parties = -1;
    CallManagerKind kind = CallManagerKind.STANDALONE;
    VcOwner owner = null;
    List<SeededFault> faults = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    String client = null;
    String callManager = null;
    String miniport = null;
    boolean events = true;
    boolean races = true;
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("JpfMain: expected key=value, not '" + word + "'");
      }
      String key = word.substring(0, eq).trim();
      String value = word.substring(eq + 1).trim();
      switch (key) {
        case "scenario" -> scenario = value;
        case "parties" -> parties = Integer.parseInt(value);
        case "cm" -> kind = callManagerKind(value);
        case "vc" -> owner = vcOwner(value);
        case "inject" -> {
          for (String f : value.split("\\+")) {
            if (!f.isEmpty()) {
              faults.add(SeededFault.valueOf(f));
            }
          }
        }
        case "property" -> {
          for (String p : value.split("\\+")) {
            if (!p.isEmpty()) {
              properties.add(p);
            }
          }
        }
        case "client" -> client = value;
        case "call-manager" -> callManager = value;
        case "miniport" -> miniport = value;
        case "events" -> events = !value.equals("off");
        case "races" -> races = !value.equals("off");
        default -> throw new IllegalArgumentException("JpfMain: unknown argument '" + key + "'");
      }
    }
    if (scenario == null) {
      throw new IllegalArgumentException("JpfMain: no scenario=NAME given");
    }
    ScenarioDefinition d = ScenarioCatalog.get(scenario);
    DriverSelection drivers =
        new DriverSelection(
            Optional.ofNullable(client),
            Optional.ofNullable(callManager),
            Optional.ofNullable(miniport),
            ImmutableList.of());
    ScenarioConfig config =
        d.config(
            parties < 0 ? d.defaultParties() : parties,
            kind,
            owner == null ? d.defaultVcOwner() : owner,
            FaultSet.of(faults),
            drivers);
    return new JpfArguments(config, properties, events, races);
  }

  private static CallManagerKind callManagerKind(String value) {
    for (CallManagerKind k : CallManagerKind.values()) {
      if (ScenarioDefinition.cliName(k).equals(value)) {
        return k;
      }
    }
    throw new IllegalArgumentException("JpfMain: cm must be standalone or mcm, not '" + value + "'");
  }

  private static VcOwner vcOwner(String value) {
    for (VcOwner o : VcOwner.values()) {
      if (ScenarioDefinition.cliName(o).equals(value)) {
        return o;
      }
    }
    throw new IllegalArgumentException("JpfMain: vc must be client or cm, not '" + value + "'");
  }
}
