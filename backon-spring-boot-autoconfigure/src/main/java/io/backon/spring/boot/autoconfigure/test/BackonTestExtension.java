package io.backon.spring.boot.autoconfigure.test;

import io.backon.testing.BackonTesting;
import io.backon.testing.TestScope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.util.AnnotationUtils;

/**
 * The JUnit 5 extension behind {@link BackonTest}: opens the requested scopes before each test
 * and closes them after it, even when the test fails.
 */
public final class BackonTestExtension implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BackonTestExtension.class);

  /** Used by JUnit through {@link BackonTest}. */
  public BackonTestExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    BackonTest settings = context.getTestMethod()
        .flatMap(m -> AnnotationUtils.findAnnotation(m, BackonTest.class))
        .or(() -> context.getTestClass().flatMap(c -> AnnotationUtils.findAnnotation(c, BackonTest.class)))
        .orElse(null);
    if (settings == null) {
      return;
    }
    if (settings.limitRetries() < 0) {
      throw new IllegalArgumentException(
          "@BackonTest(limitRetries) must be >= 1, or 0 to keep each policy's, but was " + settings.limitRetries());
    }
    List<TestScope> scopes = new ArrayList<>();
    if (settings.removeBackoff()) {
      scopes.add(BackonTesting.removeBackoff());
    }
    if (settings.limitRetries() > 0) {
      scopes.add(BackonTesting.limitRetries(settings.limitRetries()));
    }
    if (settings.disableRetries()) {
      scopes.add(BackonTesting.disableRetries());
    }
    context.getStore(NAMESPACE).put(TestScope.class, scopes);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Object scopes = context.getStore(NAMESPACE).remove(TestScope.class);
    if (scopes instanceof List<?> list) {
      for (int i = list.size() - 1; i >= 0; i--) {
        ((TestScope) list.get(i)).close();
      }
    }
  }
}
