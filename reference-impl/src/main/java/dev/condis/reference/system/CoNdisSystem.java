package dev.condis.reference.system;

import dev.condis.reference.ddi.Actor;
import dev.condis.reference.ddi.CallManagerDriver;
import dev.condis.reference.ddi.CallManagerEnvironment;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.ddi.ClientEnvironment;
import dev.condis.reference.ddi.CoNdisMiniport;
import dev.condis.reference.ddi.IntegratedCallManager;
import dev.condis.reference.ddi.McmEnvironment;
import dev.condis.reference.ddi.MiniportEnvironment;
import dev.condis.reference.ddi.NdisAfHandle;
import dev.condis.reference.ddi.NdisSapHandle;
import dev.condis.reference.ddi.StandaloneCallManager;
import dev.condis.reference.event.EventBus;
import dev.condis.reference.event.NdisListener;
import dev.condis.reference.fault.FaultSet;
import dev.condis.reference.ndis.Ndis;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.platform.JavaPlatform;
import dev.condis.reference.platform.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A wired CoNDIS system: NDIS, a client, and a call manager (stand-alone with its miniport, or
 * an MCM), each driver registered and initialised with its environment, the address family
 * open and the client's SAP registered.
 *
 * <pre>{@code
 * CoNdisSystem system = CoNdisSystem.builder()
 *     .platform(platform)
 *     .client(new ReferenceClient())
 *     .standaloneCallManager(new ReferenceCallManager(), new ReferenceMiniport())
 *     .listener(property)
 *     .build();
 * system.client().makeCall(0);
 * NdisSnapshot end = system.finish();
 * }</pre>
 */
public final class CoNdisSystem {
  private final Platform platform;
  private final CallManagerKind kind;
  private final FaultSet faults;
  private final Ndis ndis;
  private final ClientDriver client;
  private final CallManagerDriver callManager;
  private final CoNdisMiniport miniport;
  private final NdisAfHandle afHandle;
  private final NdisSapHandle sapHandle;
  private boolean finished;

  private CoNdisSystem(Builder b, CallManagerKind kind) {
    this.platform = b.platform != null ? b.platform : new JavaPlatform();
    this.kind = kind;
    this.faults = b.faults;
    this.client = b.client;
    this.miniport = b.miniport;
    this.callManager = kind == CallManagerKind.MCM ? b.mcm : b.callManager;
    this.ndis = new Ndis(platform);
    b.listeners.forEach(ndis::addListener); // first, so they see the whole run
    if (b.checks != null) {
      ndis.events().recordChecks(b.checks);
    }
    var clientApi = ndis.registerClient(client);
    if (kind == CallManagerKind.STANDALONE) {
      var cmApi = ndis.registerCallManager(b.callManager);
      var miniportApi = ndis.registerMiniport(miniport);
      afHandle = ndis.openAddressFamily();
      sapHandle = ndis.registerSap();
      miniport.initialize(new MiniportEnvironment(miniportApi, platform, ndis.tracker().forOwner(Actor.MINIPORT), faults));
      b.callManager.initialize(
          new CallManagerEnvironment(cmApi, platform, ndis.tracker().forOwner(Actor.CALL_MANAGER), afHandle, sapHandle, faults));
    } else {
      var mcmApi = ndis.registerMcm(b.mcm);
      afHandle = ndis.openAddressFamily();
      sapHandle = ndis.registerSap();
      b.mcm.initialize(new McmEnvironment(mcmApi, platform, ndis.tracker().forOwner(Actor.MCM), afHandle, sapHandle, faults));
    }
    client.initialize(new ClientEnvironment(clientApi, platform, ndis.tracker().forOwner(Actor.CLIENT), afHandle, sapHandle, faults));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Ndis ndis() {
    return ndis;
  }

  public Platform platform() {
    return platform;
  }

  public CallManagerKind kind() {
    return kind;
  }

  public FaultSet faults() {
    return faults;
  }

  public ClientDriver client() {
    return client;
  }

  /** The stand-alone call manager or the MCM. */
  public CallManagerDriver callManager() {
    return callManager;
  }

  /** The miniport beneath a stand-alone call manager; null with an MCM. */
  public CoNdisMiniport miniport() {
    return miniport;
  }

  public NdisAfHandle afHandle() {
    return afHandle;
  }

  public NdisSapHandle sapHandle() {
    return sapHandle;
  }

  /**
   * Ends the scenario: waits for all deferred work, NDIS reports the obligations the handlers
   * left undone, then client.shutdown(), wait for all deferred work,
   * callManager.shutdown(), wait again, and return NDIS's final state for the leak and
   * missing-completion checks. Once only.
   */
  public NdisSnapshot finish() {
    if (finished) {
      throw new IllegalStateException("finish() was already called");
    }
    finished = true;
    platform.awaitDeferred(); // quiescent: the obligations of every handler that ran are due
    ndis.checkObligations();
    client.shutdown();
    platform.awaitDeferred();
    callManager.shutdown();
    platform.awaitDeferred();
    return ndis.snapshot();
  }

  /** Builds a {@link CoNdisSystem}; the call manager kind follows from the drivers given unless set. */
  public static final class Builder {
    private Platform platform;
    private CallManagerKind kind;
    private ClientDriver client;
    private StandaloneCallManager callManager;
    private CoNdisMiniport miniport;
    private IntegratedCallManager mcm;
    private FaultSet faults = FaultSet.none();
    private final List<NdisListener> listeners = new ArrayList<>();
    private Consumer<String> checks;

    private Builder() {}

    /** Default: a {@link JavaPlatform} with its default chooser. */
    public Builder platform(Platform platform) {
      this.platform = Objects.requireNonNull(platform);
      return this;
    }

    /** Optional: checked against the drivers given. */
    public Builder callManagerKind(CallManagerKind kind) {
      this.kind = Objects.requireNonNull(kind);
      return this;
    }

    public Builder client(ClientDriver client) {
      this.client = Objects.requireNonNull(client);
      return this;
    }

    public Builder callManager(StandaloneCallManager callManager) {
      this.callManager = Objects.requireNonNull(callManager);
      return this;
    }

    public Builder miniport(CoNdisMiniport miniport) {
      this.miniport = Objects.requireNonNull(miniport);
      return this;
    }

    /** A stand-alone call manager with the miniport beneath it. */
    public Builder standaloneCallManager(StandaloneCallManager callManager, CoNdisMiniport miniport) {
      return callManager(callManager).miniport(miniport);
    }

    public Builder integratedCallManager(IntegratedCallManager mcm) {
      this.mcm = Objects.requireNonNull(mcm);
      return this;
    }

    /** Default: none. */
    public Builder faults(FaultSet faults) {
      this.faults = Objects.requireNonNull(faults);
      return this;
    }

    /** Registered with NDIS before anything happens, so it sees every event of the run. */
    public Builder listener(NdisListener listener) {
      listeners.add(Objects.requireNonNull(listener));
      return this;
    }

    /** {@code sink} hears the rule ID of every check that runs ({@link EventBus#recordChecks}). */
    public Builder recordChecks(Consumer<String> sink) {
      this.checks = Objects.requireNonNull(sink);
      return this;
    }

    public Builder listeners(Collection<? extends NdisListener> more) {
      more.forEach(this::listener);
      return this;
    }

    /** Whether a call manager (stand-alone or MCM) has been given yet. */
    public boolean hasCallManager() {
      return callManager != null || mcm != null;
    }

    /** Whether a client has been given yet. */
    public boolean hasClient() {
      return client != null;
    }

    public CoNdisSystem build() {
      return new CoNdisSystem(this, validKind());
    }

    private CallManagerKind validKind() {
      List<String> problems = new ArrayList<>();
      if (client == null) {
        problems.add("no client");
      }
      CallManagerKind chosen = kind != null ? kind
          : mcm != null && callManager == null && miniport == null ? CallManagerKind.MCM : CallManagerKind.STANDALONE;
      if (chosen == CallManagerKind.STANDALONE) {
        if (callManager == null) {
          problems.add("STANDALONE needs a stand-alone call manager");
        }
        if (miniport == null) {
          problems.add("STANDALONE needs a CoNDIS miniport beneath the call manager");
        }
        if (mcm != null) {
          problems.add("STANDALONE takes no integrated call manager");
        }
      } else {
        if (mcm == null) {
          problems.add("MCM needs an integrated call manager");
        }
        if (callManager != null || miniport != null) {
          problems.add("MCM takes no stand-alone call manager or separate miniport");
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("cannot wire a CoNDIS system: " + String.join("; ", problems));
      }
      return chosen;
    }
  }

  @Override
  public String toString() {
    return "CoNdisSystem[" + kind + ", client " + client + ", call manager " + callManager + ", faults " + faults + "]";
  }
}
