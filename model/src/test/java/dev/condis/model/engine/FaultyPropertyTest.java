package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.proof.ProofCertificate;
import dev.condis.model.property.PropertyCatalog;
import dev.condis.model.property.PropertyListener;
import dev.condis.model.property.PropertyReporter;
import dev.condis.model.scenario.ScenarioCatalog;
import dev.condis.model.scenario.ScenarioConfig;
import dev.condis.reference.event.NdisEvent;
import dev.condis.reference.ndis.NdisSnapshot;
import dev.condis.reference.system.CallManagerKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exception thrown by a user's own property is that property's ERROR (exit 4, certificate
 * NO_RESULT), naming the property and its class: never a no-uncaught-exception violation
 * blamed on the drivers, never a REFUTED certificate.
 */
class FaultyPropertyTest {

  /** Throws on the first handler call. */
  public static final class ThrowsOnEvent implements PropertyListener {
    @Override
    public String id() {
      return "throws-on-event";
    }

    @Override
    public void onEvent(NdisEvent event, PropertyReporter reporter) {
      if (event instanceof NdisEvent.HandlerCalled) {
        throw new IllegalStateException("my own bug");
      }
    }
  }

  /** Throws at the end of every execution. */
  public static final class ThrowsAtTheEnd implements PropertyListener {
    @Override
    public String id() {
      return "throws-at-the-end";
    }

    @Override
    public void onEvent(NdisEvent event, PropertyReporter reporter) {}

    @Override
    public void onExecutionEnd(NdisSnapshot finalState, PropertyReporter reporter) {
      throw new UnsupportedOperationException("not written yet");
    }
  }

  private static VerificationResult verify(Class<?> property) {
    ScenarioConfig config = ScenarioCatalog.get(ScenarioCatalog.MAKE_CLOSE).defaultConfig(CallManagerKind.MCM);
    List<String> classes = new ArrayList<>(PropertyCatalog.defaultPropertyClasses());
    classes.add(property.getName());
    return Runs.verify(config, classes);
  }

  @Test
  void anExceptionInOnEventIsThatPropertysError() {
    VerificationResult r = verify(ThrowsOnEvent.class);

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.ERROR);
    assertThat(r.verdict().exitCode()).isEqualTo(4);
    assertThat(r.counterexample()).isEmpty();
    assertThat(r.detail().orElseThrow())
        .startsWith("property 'throws-on-event' (" + ThrowsOnEvent.class.getName() + ") threw in onEvent:"
            + " java.lang.IllegalStateException: my own bug")
        .contains("FaultyPropertyTest$ThrowsOnEvent.onEvent");
    assertThat(ProofCertificate.status(r)).isEqualTo(ProofCertificate.Status.NO_RESULT);
  }

  @Test
  void anExceptionInOnExecutionEndIsThatPropertysError() {
    VerificationResult r = verify(ThrowsAtTheEnd.class);

    assertThat(r.verdict()).as(Runs.describe(r)).isEqualTo(Verdict.ERROR);
    assertThat(r.detail().orElseThrow()).startsWith("property 'throws-at-the-end' ("
        + ThrowsAtTheEnd.class.getName() + ") threw in onExecutionEnd: java.lang.UnsupportedOperationException");
    assertThat(ProofCertificate.status(r)).isEqualTo(ProofCertificate.Status.NO_RESULT);
  }
}
