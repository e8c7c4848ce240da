package dev.condis.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.condis.model.property.PropertyCatalog;
import org.junit.jupiter.api.Test;

/** Both engines judge an escaped exception by who threw it, through {@link Classified}. */
class ClassifiedTest {

  @Test
  void anExceptionFromADriverViolatesNoUncaughtException() {
    Classified c = Classified.uncaught(
        "", "java.lang.NullPointerException", "com.example.MyClient", " at com.example.MyClient.f(MyClient.java:3)",
        " in thread 'client'");

    assertThat(c.verdict()).isEqualTo(Verdict.VIOLATION);
    assertThat(c.violation().property()).isEqualTo(PropertyCatalog.NO_UNCAUGHT_EXCEPTION);
    assertThat(c.violation().message()).contains("NullPointerException").contains("MyClient.java:3").contains("client");
  }

  @Test
  void anExceptionFromCondisVerifyItselfIsAnErrorThatBlamesNoDriver() {
    for (String own : new String[] {
        "dev.condis.model.scenario.ScenarioRunner", "dev.condis.explorer.Execution", "dev.condis.jpf.JpfRunner"}) {
      Classified c = Classified.uncaught(" under JPF", "java.lang.IllegalStateException: x", own, "", "");

      assertThat(c.verdict()).as(own).isEqualTo(Verdict.ERROR);
      assertThat(c.violation()).isNull();
      assertThat(c.detail()).startsWith("internal error in condis-verify under JPF: ");
    }
  }

  @Test
  void theExamplePropertiesAreUserCodeAndTheReferenceDriversAreDrivers() {
    assertThat(Classified.thrownByCondisVerify("dev.condis.model.property.examples.NoDoubleDrop")).isFalse();
    assertThat(Classified.thrownByCondisVerify("dev.condis.reference.cm.CmCalls")).isFalse();
    assertThat(Classified.uncaught("", "boom", null, "", "").verdict()).isEqualTo(Verdict.VIOLATION);
  }

  @Test
  void aDeadlockNamesTheLockRule() {
    Classified c = Classified.deadlock("every live thread is blocked");

    assertThat(c.violation().property()).isEqualTo("deadlock");
    assertThat(c.violation().ruleId()).isEqualTo("IRQL-4");
    assertThat(c.withDetail("short")).isEqualTo(new Classified(Verdict.VIOLATION, c.violation(), "short"));
  }
}
