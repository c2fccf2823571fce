package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The exception classes the build's configuration names under {@code backon.*}, found for
 * registration.
 */
class ExceptionClassPropertiesAotProcessorTest {

  @Test
  void everyExceptionListOfPoliciesBreakersAndDefaultsIsRead() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("backon.defaults.retry-on[0]", "java.io.IOException")
            .withProperty("backon.defaults.retry-on[1]", "java.util.concurrent.TimeoutException")
            .withProperty(
                "backon.policies.payments.abort-on",
                "java.lang.IllegalStateException, java.io.EOFException")
            .withProperty("backon.circuit-breakers.payments.record-on", "java.net.ConnectException")
            .withProperty(
                "backon.circuit-breaker-defaults.ignore-on[0]", "java.io.FileNotFoundException");

    assertThat(ExceptionClassPropertiesAotProcessor.exceptionClassNames(environment))
        .containsExactly(
            "java.io.EOFException",
            "java.io.FileNotFoundException",
            "java.io.IOException",
            "java.lang.IllegalStateException",
            "java.net.ConnectException",
            "java.util.concurrent.TimeoutException");
  }

  @Test
  void anEnvironmentVariableCountsLikeAYmlKey() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("BACKON_POLICIES_PAYMENTS_RETRYON", "java.net.SocketTimeoutException")));

    assertThat(ExceptionClassPropertiesAotProcessor.exceptionClassNames(environment))
        .containsExactly("java.net.SocketTimeoutException");
  }

  @Test
  void eachNameIsRegisteredAsTheClassTheBinderLoadsAndANameTheBuildCannotLoadRegistersNothing() {
    Class<?> nested = ExceptionClassListsTest.DownstreamTimeout.class;
    ReflectionHints hints = new ReflectionHints();

    ExceptionClassPropertiesAotProcessor.register(
        hints,
        Set.of("java.io.IOException", nested.getName().replace('$', '.'), "com.example.Gone"),
        getClass().getClassLoader());

    assertThat(hints.typeHints().map(hint -> hint.getType().getName()))
        .containsExactlyInAnyOrder("java.io.IOException", nested.getName());
  }

  @Test
  void otherKeysAndOtherPrefixesAreIgnored() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("backon.policies.payments.retry-if", "#result == null")
            .withProperty("backon.policies.payments.circuit-breaker", "java.io.IOException")
            .withProperty("other.retry-on", "java.io.IOException");

    assertThat(ExceptionClassPropertiesAotProcessor.exceptionClassNames(environment)).isEmpty();
  }
}
