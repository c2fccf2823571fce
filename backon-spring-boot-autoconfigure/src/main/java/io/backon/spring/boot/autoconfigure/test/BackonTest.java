package io.backon.spring.boot.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Applies Backon's testing scopes ({@link io.backon.testing.BackonTesting}) around every test of
 * the annotated class, or around one test method (a method-level annotation replaces the class
 * one). Works with {@code @SpringBootTest} and plain JUnit 5 tests:
 *
 * <pre>{@code
 * @SpringBootTest
 * @BackonTest(removeBackoff = true, limitRetries = 2)
 * class PaymentClientTests { ... }
 * }</pre>
 *
 * <p>On an enclosing class it also applies to the tests of its {@code @Nested} classes, unless one
 * of them has its own (which replaces it) or, with spring-test, is annotated
 * {@code @NestedTestConfiguration(OVERRIDE)}.
 *
 * <p>The scopes are JVM-wide, so do not run such tests in parallel with tests that expect real
 * back-off.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BackonTestExtension.class)
public @interface BackonTest {

  /** Every back-off wait is zero. Default true. */
  boolean removeBackoff() default true;

  /**
   * Caps every call at this many attempts ({@code >= 1}); {@code 0} (the default) keeps each
   * policy's.
   */
  int limitRetries() default 0;

  /** Every call runs its target exactly once. Default false. */
  boolean disableRetries() default false;
}
