package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * BACKON-CFG-004 says why a class cannot be loaded: not on the class path, or not in the native
 * image.
 */
class ExceptionClassNotFoundTest {

  private static final String SUBJECT = "backon.policies.payments.retry-on";
  private static final ClassNotFoundException CAUSE =
      new ClassNotFoundException("com.example.Gone");

  @Test
  void onTheJvmTheClassIsNotOnTheClassPath() {
    BackonConfigurationException error =
        ConfigChecks.classNotFound(SUBJECT, "com.example.Gone", false, CAUSE);

    assertThat(error.code()).isEqualTo(ConfigErrorCode.UNKNOWN_EXCEPTION_CLASS);
    assertThat(error.problem())
        .isEqualTo("the exception class 'com.example.Gone' is not on the class path.");
  }

  @Test
  void inANativeImageTheClassWasNotRegisteredWhenTheImageWasBuilt() {
    BackonConfigurationException error =
        ConfigChecks.classNotFound(SUBJECT, "com.example.Gone", true, CAUSE);

    assertThat(error.code()).isEqualTo(ConfigErrorCode.UNKNOWN_EXCEPTION_CLASS);
    assertThat(error.subject()).isEqualTo(SUBJECT);
    assertThat(error.problem())
        .contains("'com.example.Gone' is not registered in this native image");
    assertThat(error.fix()).contains("process-aot", "@ImportRuntimeHints");
    assertThat(error.getCause()).isSameAs(CAUSE);
  }
}
