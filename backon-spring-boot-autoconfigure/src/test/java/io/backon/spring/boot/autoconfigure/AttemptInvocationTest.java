package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.Retries;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * How each blocking attempt reaches the target. A bean whose proxy carries only Backon's advisor
 * proceeds the proxy's own invocation on every attempt (nothing runs inside Backon); once any other
 * advice sits inside Backon's, every attempt runs it again on a fresh copy of the invocation, with
 * the arguments the caller passed.
 */
class AttemptInvocationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.policies.twice.max-tries=3", "backon.policies.twice.wait=none")
          .withBean(EchoClient.class);

  @Test
  void aBeanWithOnlyBackonsAdviceRetriesWithTheSameArgumentsOnEveryAttempt() {
    runner.run(
        context -> {
          EchoClient client = context.getBean(EchoClient.class);
          assertThat(((Advised) client).getAdvisorCount()).isEqualTo(1);
          client.failFirst(2);

          assertThat(client.echo("parcel", 7)).isEqualTo("parcel x7 on attempt 3");
          assertThat(client.seen()).containsExactly("parcel x7 #1", "parcel x7 #2", "parcel x7 #3");
          assertThat(client.echoNothing()).isEqualTo("nothing on attempt 1");
        });
  }

  @Test
  void aBeanWithOnlyBackonsAdviceGivesUpWithTheLastFailureAfterEveryAttempt() {
    runner.run(
        context -> {
          EchoClient client = context.getBean(EchoClient.class);
          client.failFirst(5);

          assertThatThrownBy(() -> client.echo("parcel", 1))
              .isInstanceOf(IOException.class)
              .hasMessage("down #3");
          assertThat(client.seen()).hasSize(3);
        });
  }

  @Test
  void adviceAddedInsideBackonAfterStartupRunsOnEveryAttempt() {
    runner.run(
        context -> {
          EchoClient client = context.getBean(EchoClient.class);
          AtomicInteger innerRuns = new AtomicInteger();
          ((Advised) client)
              .addAdvisor(
                  onEcho(
                      invocation -> {
                        innerRuns.incrementAndGet();
                        return invocation.proceed();
                      }));
          client.failFirst(2);

          assertThat(client.echo("parcel", 7)).isEqualTo("parcel x7 on attempt 3");
          assertThat(innerRuns).as("the inner advice runs once per attempt").hasValue(3);
        });
  }

  @Test
  void innerAdviceThatRewritesTheArgumentsSeesTheCallersArgumentsOnEveryAttempt() {
    runner.run(
        context -> {
          EchoClient client = context.getBean(EchoClient.class);
          ((Advised) client)
              .addAdvisor(
                  onEcho(
                      invocation -> {
                        Object[] arguments = invocation.getArguments();
                        ((ProxyMethodInvocation) invocation)
                            .setArguments(arguments[0] + "!", arguments[1]);
                        return invocation.proceed();
                      }));
          client.failFirst(1);

          assertThat(client.echo("parcel", 2)).isEqualTo("parcel! x2 on attempt 2");
          assertThat(client.seen()).containsExactly("parcel! x2 #1", "parcel! x2 #2");
        });
  }

  /** Advice for {@link EchoClient#echo} only. */
  private static NameMatchMethodPointcutAdvisor onEcho(MethodInterceptor advice) {
    NameMatchMethodPointcutAdvisor advisor = new NameMatchMethodPointcutAdvisor(advice);
    advisor.setMappedName("echo");
    return advisor;
  }

  /** Echoes its arguments; fails the first {@code n} calls. */
  static class EchoClient {
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int failures;

    void failFirst(int n) {
      failures = n;
      calls.set(0);
      seen.clear();
    }

    List<String> seen() {
      return seen;
    }

    @Backon("twice")
    public String echo(String item, int count) throws IOException {
      int call = calls.incrementAndGet();
      seen.add(item + " x" + count + " #" + Retries.attemptNumber());
      if (call <= failures) {
        throw new IOException("down #" + call);
      }
      return item + " x" + count + " on attempt " + Retries.attemptNumber();
    }

    @Backon("twice")
    public String echoNothing() {
      return "nothing on attempt " + Retries.attemptNumber();
    }
  }
}
