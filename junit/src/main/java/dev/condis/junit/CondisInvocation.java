package dev.condis.junit;

import dev.condis.model.engine.Engine;
import dev.condis.model.engine.EngineUnavailableException;
import dev.condis.model.engine.VerificationRequest;
import dev.condis.model.engine.VerificationResult;
import dev.condis.model.report.ScenarioReport;
import dev.condis.model.report.TextReport;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One scenario instance of a {@link CondisTest}: checked before the test method runs; the
 * verdict decides the test's outcome, and the method may take the {@link VerificationResult}
 * to assert more.
 */
final class CondisInvocation implements TestTemplateInvocationContext, BeforeTestExecutionCallback, ParameterResolver {
  private final Engine engine;
  private final VerificationRequest request;
  private VerificationResult result;

  CondisInvocation(Engine engine, VerificationRequest request) {
    this.engine = engine;
    this.request = request;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return request.config().label();
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(this);
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    try {
      engine.checkAvailable(request.engineOptions());
    } catch (EngineUnavailableException e) {
      throw new TestAbortedException("engine " + engine.name() + " not available: " + e.getMessage(), e);
    }
    result = engine.verify(request);
    String report = TextReport.scenario(new ScenarioReport(result, request.bounds()), 1, 1);
    switch (result.verdict()) {
      case VERIFIED -> { }
      case VIOLATION -> throw new AssertionFailedError(result.counterexample()
          .map(c -> c.violation().property() + " [" + c.violation().ruleId() + "]: " + c.violation().message())
          .orElse("VIOLATION") + "\n" + report);
      case INCONCLUSIVE -> throw new TestAbortedException("INCONCLUSIVE: " + result.detail().orElse("a bound ended the search")
          + "\n" + report);
      case ERROR -> throw new IllegalStateException("ERROR: " + result.detail().orElse("the engine failed") + "\n" + report);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == VerificationResult.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return result;
  }
}
