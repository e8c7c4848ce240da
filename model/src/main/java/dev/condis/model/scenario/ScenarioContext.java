package dev.condis.model.scenario;

import dev.condis.reference.ddi.CallManagerDriver;
import dev.condis.reference.ddi.ClientDriver;
import dev.condis.reference.platform.Platform;
import dev.condis.reference.platform.ThreadHandle;
import dev.condis.reference.system.CallManagerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario body sees: the client and call manager under test (the application above
 * the client and the network behind the call manager are the scenario itself), the platform,
 * and the scenario's parameters. Actions only start work; {@link #settle()} waits for every
 * deferred completion queued so far, which separates a scenario's phases. A race is two
 * actions on separate platform threads ({@link #race}).
 */
public final class ScenarioContext {
  private final ScenarioConfig config;
  private final Platform platform;
  private final ClientDriver client;
  private final CallManagerDriver callManager;
  private final List<ThreadHandle> started = new ArrayList<>();
  private final Checkpoints checkpoints;
  private final Checkpoints.PathSource path;
  private final Object[] stateRoots;
  private int quiescentPoints;

  public ScenarioContext(
      ScenarioConfig config, Platform platform, ClientDriver client, CallManagerDriver callManager) {
    this(config, platform, client, callManager, null, null);
  }

  /**
   * With {@code checkpoints} (may be null), {@link #settle()} hashes the state reachable from
   * {@code stateRoots} and ends the execution if an earlier one reached the same state there.
   */
  ScenarioContext(
      ScenarioConfig config,
      Platform platform,
      ClientDriver client,
      CallManagerDriver callManager,
      Checkpoints checkpoints,
      Checkpoints.PathSource path,
      Object... stateRoots) {
    this.config = config;
    this.platform = platform;
    this.client = client;
    this.callManager = callManager;
    this.checkpoints = checkpoints;
    this.path = path;
    this.stateRoots = stateRoots;
  }

  public ScenarioConfig config() {
    return config;
  }

  public int parties() {
    return config.parties();
  }

  public VcOwner vcOwner() {
    return config.vcOwner();
  }

  public CallManagerKind callManagerKind() {
    return config.callManagerKind();
  }

  public Platform platform() {
    return platform;
  }

  /** The client under test (the reference client or the user's). */
  public ClientDriver client() {
    return client;
  }

  /** The call manager under test: the stand-alone CM or the MCM. */
  public CallManagerDriver callManager() {
    return callManager;
  }

  /**
   * Sets up a call on the scenario's VC owner: an outgoing call the client makes on a VC it
   * creates ({@link VcOwner#CLIENT}; point-to-point for parties 0, else multipoint with that
   * many parties), or an incoming call the call manager offers on a VC it creates.
   */
  public void establishCall() {
    if (vcOwner() == VcOwner.CLIENT) {
      client.makeCall(parties());
    } else {
      callManager.offerIncomingCall();
    }
  }

  /**
   * Waits for every deferred completion queued so far, transitively. When no thread of the
   * scenario's own is running either, this is a quiescent point: the call manager hears of it
   * ({@link CallManagerDriver#networkSettled}), and during a search, an execution
   * whose state here equals one an earlier execution reached here ends now (see {@link
   * Checkpoints}).
   */
  public void settle() {
    settle(true);
  }

  /** {@link #settle()}; with {@code checkpoint} false the state is not looked up here. */
  void settle(boolean checkpoint) {
    platform.awaitDeferred();
    quiescentPoints++;
    if (started.isEmpty()) {
      callManager.networkSettled(); // OQ-13: calls finished in-line may be hung up from here
    }
    if (checkpoint && checkpoints != null && started.isEmpty()) {
      checkpoints.check(quiescentPoints, path.pathHash(), path.mayCut(), path.unit(), stateRoots);
    }
  }

  /** Starts {@code body} on a platform thread of its own; joined by {@link #joinAll()}. */
  public ThreadHandle fork(String name, Runnable body) {
    ThreadHandle t = platform.startThread(name, body);
    started.add(t);
    return t;
  }

  /**
   * Runs {@code first} on a new platform thread and {@code second} on the current one, then
   * waits for both: every interleaving of the two (and of the completions they set off) is
   * explored.
   */
  public void race(String firstName, Runnable first, Runnable second) {
    ThreadHandle t = fork(firstName, first);
    second.run();
    platform.join(t);
    started.remove(t);
  }

  /** Joins every thread this scenario started and has not joined yet. */
  public void joinAll() {
    for (ThreadHandle t : List.copyOf(started)) {
      platform.join(t);
    }
    started.clear();
  }
}
