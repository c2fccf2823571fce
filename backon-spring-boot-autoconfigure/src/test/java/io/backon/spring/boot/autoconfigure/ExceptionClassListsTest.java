package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreakerConfig;
import io.backon.breaker.CircuitBreakerRegistry;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The exception lists ({@code retry-on}, {@code abort-on}, {@code record-on}, {@code ignore-on})
 * bind every spelling users write: a yml list or one comma-separated string, of fully-qualified
 * names, with a nested class written {@code Outer$Inner} or {@code Outer.Inner}.
 */
class ExceptionClassListsTest {

  private static final String NESTED_WITH_DOLLAR =
      "io.backon.spring.boot.autoconfigure.ExceptionClassListsTest$DownstreamTimeout";
  private static final String NESTED_WITH_DOT =
      "io.backon.spring.boot.autoconfigure.ExceptionClassListsTest.DownstreamTimeout";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class));

  @Test
  void aYmlListOfFullyQualifiedNamesBindsEachClass() {
    runner
        .withPropertyValues(
            "backon.policies.p.retry-on[0]=java.io.IOException",
            "backon.policies.p.retry-on[1]=java.util.concurrent.TimeoutException",
            "backon.policies.p.abort-on[0]=java.io.FileNotFoundException")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              var policy = context.getBean(RetryPolicyRegistry.class).policy("p");
              assertThat(policy.retryOn())
                  .containsExactly(IOException.class, TimeoutException.class);
              assertThat(policy.abortOn()).containsExactly(FileNotFoundException.class);
            });
  }

  @Test
  void oneCommaSeparatedStringBindsLikeAList() {
    runner
        .withPropertyValues(
            "backon.policies.p.retry-on=java.io.IOException, java.util.concurrent.TimeoutException")
        .run(
            context ->
                assertThat(context.getBean(RetryPolicyRegistry.class).policy("p").retryOn())
                    .containsExactly(IOException.class, TimeoutException.class));
  }

  @Test
  void aNestedClassBindsWrittenWithADollarOrWithADot() {
    runner
        .withPropertyValues(
            "backon.policies.dollar.retry-on=" + NESTED_WITH_DOLLAR,
            "backon.policies.dot.retry-on[0]=" + NESTED_WITH_DOT)
        .run(
            context -> {
              RetryPolicyRegistry policies = context.getBean(RetryPolicyRegistry.class);
              assertThat(policies.policy("dollar").retryOn())
                  .containsExactly(DownstreamTimeout.class);
              assertThat(policies.policy("dot").retryOn()).containsExactly(DownstreamTimeout.class);
            });
  }

  @Test
  void aPolicyTakesItsListsFromTheDefaultsAndFromThePolicyItExtends() {
    runner
        .withPropertyValues(
            "backon.defaults.abort-on=java.io.EOFException",
            "backon.policies.base.retry-on=java.io.IOException",
            "backon.policies.child.extends=base")
        .run(
            context -> {
              var child = context.getBean(RetryPolicyRegistry.class).policy("child");
              assertThat(child.retryOn()).containsExactly(IOException.class);
              assertThat(child.abortOn()).containsExactly(EOFException.class);
            });
  }

  @Test
  void aBreakerBindsItsListsInBothSpellingsAndStartsFromTheBreakerDefaults() {
    runner
        .withPropertyValues(
            "backon.circuit-breaker-defaults.ignore-on=java.io.FileNotFoundException",
            "backon.circuit-breakers.cb.record-on=java.io.IOException,java.net.ConnectException",
            "backon.circuit-breakers.other.ignore-on[0]=" + NESTED_WITH_DOT)
        .run(
            context -> {
              CircuitBreakerRegistry breakers = context.getBean(CircuitBreakerRegistry.class);
              CircuitBreakerConfig cb = breakers.breaker("cb").config();
              assertThat(cb.recordOn()).containsExactly(IOException.class, ConnectException.class);
              assertThat(cb.ignoreOn()).containsExactly(FileNotFoundException.class);
              assertThat(breakers.breaker("other").config().ignoreOn())
                  .containsExactly(DownstreamTimeout.class);
            });
  }

  /** A nested exception class, as HTTP clients have ({@code HttpClientErrorException$...}). */
  static final class DownstreamTimeout extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
