package io.backon.spring.boot.autoconfigure.test;

import static io.backon.testing.BackonTesting.assertRetried;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Wait;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;

/**
 * {@code @BackonTest} on an enclosing class reaches its {@code @Nested} classes, as Spring's test
 * annotations do: a nested class's own annotation replaces it, and
 * {@code @NestedTestConfiguration(OVERRIDE)} stops it.
 */
@BackonTest(limitRetries = 2)
class BackonTestOnNestedClassesTest {

  private static final Retrying FIVE_TRIES =
      Retrying.of(RetryPolicy.builder().maxTries(5).wait(Wait.none()).build());

  private static void alwaysFailing() throws Exception {
    FIVE_TRIES.call(
        () -> {
          throw new IOException("down");
        });
  }

  @Test
  void theScopeAppliesToTheAnnotatedClass() {
    assertRetried(
        () -> {
          alwaysFailing();
          return null;
        },
        2);
  }

  @Nested
  class ANestedClass {

    @Test
    void getsTheEnclosingClassesScope() {
      assertRetried(
          () -> {
            alwaysFailing();
            return null;
          },
          2);
    }

    @Nested
    class NestedTwice {

      @Test
      void stillGetsTheOutermostScope() {
        assertRetried(
            () -> {
              alwaysFailing();
              return null;
            },
            2);
      }
    }
  }

  @Nested
  @BackonTest(disableRetries = true)
  class ANestedClassWithItsOwnAnnotation {

    @Test
    void getsItsOwnScopeInstead() {
      assertRetried(
          () -> {
            alwaysFailing();
            return null;
          },
          1);
    }
  }

  @Nested
  @NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
  class ANestedClassThatOverridesEnclosingConfiguration {

    @Test
    void getsNoScope() {
      assertRetried(
          () -> {
            alwaysFailing();
            return null;
          },
          5);
    }
  }

  @Test
  void withoutSpringTestAnEnclosingAnnotationStillReachesNestedClasses() {
    assertThat(BackonTestExtension.onClass(ANestedClass.NestedTwice.class, false))
        .extracting(BackonTest::limitRetries)
        .isEqualTo(2);
    assertThat(BackonTestExtension.onClass(ANestedClassWithItsOwnAnnotation.class, false))
        .extracting(BackonTest::disableRetries)
        .isEqualTo(true);
    assertThat(BackonTestExtension.onClass(Unannotated.class, false)).isNull();
  }

  /** A static member class is not nested in the JUnit sense: it does not inherit the scope. */
  static class Unannotated {}
}
