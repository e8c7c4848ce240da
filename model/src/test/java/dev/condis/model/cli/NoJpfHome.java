package dev.condis.model.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes JPF absent for a test: clears the {@code jpf.home} system property that
 * {@code mvn -B verify -Djpf.home=DIR} hands every test JVM, and restores it afterwards.
 * Tests pass the environment ($JPF_HOME) explicitly, so that needs no clearing.
 */
final class NoJpfHome implements BeforeEachCallback, AfterEachCallback {
  private static final String KEY = "jpf.home";
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoJpfHome.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    String saved = System.getProperty(KEY);
    if (saved != null) {
      context.getStore(NS).put(KEY, saved);
      System.clearProperty(KEY);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    String saved = context.getStore(NS).remove(KEY, String.class);
    if (saved != null) {
      System.setProperty(KEY, saved);
    }
  }
}
