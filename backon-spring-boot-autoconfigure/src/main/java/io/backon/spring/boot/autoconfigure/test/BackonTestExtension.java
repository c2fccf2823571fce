package io.backon.spring.boot.autoconfigure.test;

import io.backon.testing.BackonTesting;
import io.backon.testing.TestScope;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * The JUnit 5 extension behind {@link BackonTest}: opens the requested scopes before each test and
 * closes them after it, even when the test fails.
 *
 * <p>The settings come from the test method's annotation, else the test class's (its superclasses
 * and meta-annotations included), else, for a {@code @Nested} class, the enclosing classes': with
 * spring-test present as Spring's own test annotations are found ({@code @NestedTestConfiguration}
 * decides whether enclosing classes count, by default they do), without it always.
 */
public final class BackonTestExtension implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BackonTestExtension.class);

  private static final boolean SPRING_TEST_PRESENT =
      ClassUtils.isPresent(
          "org.springframework.test.context.TestContextAnnotationUtils",
          BackonTestExtension.class.getClassLoader());

  /** Used by JUnit through {@link BackonTest}. */
  public BackonTestExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    BackonTest settings =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, BackonTest.class))
            .or(() -> context.getTestClass().map(c -> onClass(c, SPRING_TEST_PRESENT)))
            .orElse(null);
    if (settings == null) {
      return;
    }
    if (settings.limitRetries() < 0) {
      throw new IllegalArgumentException(
          "@BackonTest(limitRetries) must be >= 1, or 0 to keep each policy's, but was "
              + settings.limitRetries());
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

  /**
   * The annotation that applies to the tests of {@code testClass}, if any.
   *
   * @param springSemantics whether to follow Spring's {@code @NestedTestConfiguration} (needs
   *     spring-test) or JUnit's plain nesting
   */
  static @Nullable BackonTest onClass(Class<?> testClass, boolean springSemantics) {
    if (springSemantics) {
      return SpringTestLookup.find(testClass);
    }
    for (Class<?> type = testClass; type != null; type = nestedIn(type)) {
      Optional<BackonTest> found = AnnotationSupport.findAnnotation(type, BackonTest.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /**
   * The class a {@code @Nested} (inner) class is declared in; null for a top-level or static one.
   */
  private static @Nullable Class<?> nestedIn(Class<?> type) {
    return type.isMemberClass() && !Modifier.isStatic(type.getModifiers())
        ? type.getEnclosingClass()
        : null;
  }

  /** Kept apart so that spring-test is loaded only when it is present. */
  private static final class SpringTestLookup {

    static @Nullable BackonTest find(Class<?> testClass) {
      return TestContextAnnotationUtils.findMergedAnnotation(testClass, BackonTest.class);
    }
  }
}
