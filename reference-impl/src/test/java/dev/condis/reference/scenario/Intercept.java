package dev.condis.reference.scenario;

import dev.condis.reference.ddi.CallManagerEnvironment;
import dev.condis.reference.ddi.CallParameters;
import dev.condis.reference.ddi.IntegratedCallManager;
import dev.condis.reference.ddi.McmEnvironment;
import dev.condis.reference.ddi.NdisCmApi;
import dev.condis.reference.ddi.NdisMcmApi;
import dev.condis.reference.ddi.NdisStatus;
import dev.condis.reference.ddi.StandaloneCallManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Test doubles made from the real drivers and NDIS APIs with a dynamic proxy: every call is
 * forwarded to the real object, except that the arguments of calls to one method may first be
 * rewritten. Used to put a reference driver in front of a peer that behaves as the rules allow
 * but the reference peers never do (a call manager that lowers add-party parameters, one that
 * reports an incoming close as a network failure).
 */
public final class Intercept {
  private Intercept() {}

  /** A {@code type} forwarding to {@code target}; calls to {@code method} get {@code rewrite} first. */
  public static <T> T arguments(Class<T> type, T target, String method, Consumer<Object[]> rewrite) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, m, args) -> {
              if (m.getName().equals(method)) {
                rewrite.accept(args);
              }
              try {
                return m.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  /**
   * The call manager of the run's kind rewrites the add-party CallParameters in place inside
   * ProtocolCmAddParty, setting CALL_PARAMETERS_CHANGED with {@code flowSpec} (§2.4 step 3a),
   * then runs the reference logic.
   */
  public static void addPartyFlowSpec(ReferenceRun.Drivers drivers, int flowSpec) {
    Consumer<Object[]> rewrite =
        args -> {
          CallParameters parameters = (CallParameters) args[1];
          if (parameters.touch("ADD-8", "test call manager: ProtocolCmAddParty")) {
            parameters.rewrite(flowSpec);
          }
        };
    drivers.callManager =
        arguments(StandaloneCallManager.class, drivers.callManager, "protocolCmAddParty", rewrite);
    drivers.mcm = arguments(IntegratedCallManager.class, drivers.mcm, "protocolCmAddParty", rewrite);
  }

  /**
   * The call manager of the run's kind dispatches every incoming close with {@code closeStatus}
   * instead of SUCCESS: a network failure rather than a normal hang-up (ICLOSE-1).
   */
  public static void incomingCloseStatus(ReferenceRun.Drivers drivers, NdisStatus closeStatus) {
    drivers.callManager =
        arguments(StandaloneCallManager.class, drivers.callManager, "initialize",
            args -> {
              CallManagerEnvironment env = (CallManagerEnvironment) args[0];
              NdisCmApi ndis = arguments(NdisCmApi.class, env.ndis(), "cmDispatchIncomingCloseCall",
                  call -> call[0] = closeStatus);
              args[0] = new CallManagerEnvironment(ndis, env.platform(), env.tracker(), env.ndisAfHandle(),
                  env.ndisSapHandle(), env.faults());
            });
    drivers.mcm =
        arguments(IntegratedCallManager.class, drivers.mcm, "initialize",
            args -> {
              McmEnvironment env = (McmEnvironment) args[0];
              NdisMcmApi ndis = arguments(NdisMcmApi.class, env.ndis(), "cmDispatchIncomingCloseCall",
                  call -> call[0] = closeStatus);
              args[0] = new McmEnvironment(ndis, env.platform(), env.tracker(), env.ndisAfHandle(),
                  env.ndisSapHandle(), env.faults());
            });
  }
}
