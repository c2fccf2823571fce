package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.AopConfigException;

/** The startup error when Spring cannot create Backon's proxy names the real cause and its fix. */
class ProxyCreationFailureTest {

  private static final Method QUOTE = method(AotFixtures.Quotes.class, "quote");

  @Test
  void aProxyClassANativeImageCannotGenerateIsReportedAsMissingAotProcessing() {
    // What Spring's CGLIB throws in a native image (and with
    // -Dorg.graalvm.nativeimage.imagecode=runtime).
    Exception cause =
        new AopConfigException(
            "Unexpected AOP exception",
            new UnsupportedOperationException(
                "CGLIB runtime enhancement not supported on native image. Make sure to enable Spring AOT processing"
                    + " to pre-generate 'AotFixtures$Quotes$$SpringCGLIB$$0' at build time."));

    BackonConfigurationException error =
        ProxyCreationFailure.of(AotFixtures.Quotes.class, QUOTE, cause);

    assertThat(error.code()).isEqualTo(ConfigErrorCode.UNPROXYABLE_METHOD);
    assertThat(error.subject()).isEqualTo("@Backon on Quotes.quote(String)");
    assertThat(error.problem())
        .contains(
            "the proxy class for "
                + AotFixtures.Quotes.class.getName()
                + " was not generated at build time")
        .contains(
            "(CGLIB runtime enhancement not supported on native image. Make sure to enable Spring AOT"
                + " processing to pre-generate 'AotFixtures$Quotes$$SpringCGLIB$$0' at build time).")
        .doesNotContain("final");
    assertThat(error.fix())
        .contains("Spring AOT", "process-aot", "return type as Quotes")
        .doesNotContain("non-final");
    assertThat(error.getCause()).isSameAs(cause);
  }

  @Test
  void aFinalClassIsReportedAsFinal() {
    BackonConfigurationException error =
        ProxyCreationFailure.of(
            BadlyAnnotatedBeans.FinalClass.class,
            method(BadlyAnnotatedBeans.FinalClass.class, "call"),
            new AopConfigException("Could not generate"));

    assertThat(error.problem())
        .endsWith("FinalClass is final, so Spring cannot create the proxy that runs @Backon.");
    assertThat(error.fix()).startsWith("make the class non-final");
  }

  @Test
  void anyOtherFailureIsReportedWithItsDeepestCauseNotTheWrappersMessage() {
    Exception cause =
        new AopConfigException(
            "Unexpected AOP exception",
            new IllegalStateException("wrapper", new LinkageError("loader constraint violation")));

    BackonConfigurationException error =
        ProxyCreationFailure.of(AotFixtures.Quotes.class, QUOTE, cause);

    assertThat(error.problem())
        .contains("java.lang.LinkageError: loader constraint violation")
        .doesNotContain("Unexpected AOP exception");
    assertThat(error.fix()).doesNotContain("non-final");
  }

  private static Method method(Class<?> type, String name) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
